import t from 'tap'
import { assertError, build } from '../helper.js'

t.test('GET /__mock/health is 200 {"status":"ok"} without a token', async t => {
  const api = await build(t)
  const res = await api.request({ url: '/__mock/health', token: null })
  t.equal(res.statusCode, 200)
  t.strictSame(res.json(), { status: 'ok' })
})

t.test('health is 503 once the database is gone', async t => {
  const api = await build(t)
  api.store.close()
  assertError(t, await api.request({ url: '/__mock/health', token: null }), 503, { code: 'service_unavailable', message: 'The database is not open' })
})
