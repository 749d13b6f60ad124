import t from 'tap'
import { assertError, build, FIXTURE, type TestApp } from '../../helper.js'

const call = (api: TestApp, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown, version = '2.13') =>
  api.request({ method, url, version, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) })

t.test('DELETE /conversations/{id} (2.13+) answers {id, object, deleted}; the conversation leaves lists and search', async t => {
  const api = await build(t)
  const keep = (await call(api, 'POST', '/conversations', { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Keep me' })).json().conversation_id
  const gone = (await call(api, 'POST', '/conversations', { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Forget me' })).json().conversation_id
  await call(api, 'POST', `/conversations/${gone}/reply`, { type: 'admin', message_type: 'comment', admin_id: FIXTURE.wash.id, body: 'Noted' })

  const res = await call(api, 'DELETE', `/conversations/${gone}`)
  t.equal(res.statusCode, 200)
  t.strictSame(res.json(), { id: gone, object: 'conversation', deleted: true })

  assertError(t, await call(api, 'GET', `/conversations/${gone}`), 404, { code: 'not_found', message: 'Resource Not Found' })
  assertError(t, await call(api, 'DELETE', `/conversations/${gone}`), 404, { code: 'not_found', message: 'Resource Not Found' })
  const list = (await call(api, 'GET', '/conversations')).json()
  t.strictSame(list.conversations.map((c: { id: string }) => c.id), [keep])
  t.equal(list.total_count, 1)
  const found = (await call(api, 'POST', '/conversations/search', { query: { field: 'source.body', operator: '~', value: 'Forget' } })).json()
  t.equal(found.total_count, 0)
  const mine = (await call(api, 'GET', `/conversations?type=user&intercom_user_id=${FIXTURE.mal.id}`)).json()
  t.equal(mine.total_count, 1)
})

t.test('DELETE /conversations/{id} is not in versions before 2.13, nor in 1.x', async t => {
  const api = await build(t)
  const id = (await call(api, 'POST', '/conversations', { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Hi' })).json().conversation_id
  const unavailable = { code: 'intercom_version_invalid', message: 'Requested resource is not available in current API version.' }
  assertError(t, await call(api, 'DELETE', `/conversations/${id}`, undefined, '2.12'), 400, unavailable)
  assertError(t, await call(api, 'DELETE', `/conversations/${id}`, undefined, '1.4'), 400, unavailable)
  t.equal((await call(api, 'GET', `/conversations/${id}`)).statusCode, 200)
})
