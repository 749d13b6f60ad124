import t from 'tap'
import { assertError, build, FIXTURE, type TestApp } from '../../helper.js'

const call = (api: TestApp, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, version = '2.14') =>
  api.request({ method, url, version, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) })

t.test('POST /contacts and PUT /contacts/{id} keep owner_id, an admin of the workspace', async t => {
  const api = await build(t)
  const created = (await call(api, 'POST', '/contacts', { email: 'owned@example.com', owner_id: Number(FIXTURE.zoe.id) })).json()
  t.equal(created.owner_id, Number(FIXTURE.zoe.id))
  t.equal((await call(api, 'GET', `/contacts/${created.id}`)).json().owner_id, Number(FIXTURE.zoe.id))
  t.equal((await call(api, 'PUT', `/contacts/${created.id}`, { owner_id: Number(FIXTURE.wash.id) })).json().owner_id, Number(FIXTURE.wash.id))
  t.equal((await call(api, 'PUT', `/contacts/${created.id}`, { name: 'Still owned' })).json().owner_id, Number(FIXTURE.wash.id))
  t.equal((await call(api, 'PUT', `/contacts/${created.id}`, { owner_id: null })).json().owner_id, null)
  assertError(t, await call(api, 'POST', '/contacts', { email: 'x@example.com', owner_id: 999 }), 400, { code: 'parameter_invalid', message: 'owner_id 999 is not an admin of this workspace', field: 'owner_id' })
  assertError(t, await call(api, 'PUT', `/contacts/${created.id}`, { owner_id: 999 }), 400, { code: 'parameter_invalid', message: 'owner_id 999 is not an admin of this workspace', field: 'owner_id' })
})

t.test('PUT /conversations/{id} keeps company_id (2.14+); include_translations is accepted', async t => {
  const api = await build(t)
  const id = (await call(api, 'POST', '/conversations', { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Hi' })).json().conversation_id
  t.equal((await call(api, 'PUT', `/conversations/${id}`, { company_id: 'serenity-inc' })).statusCode, 200)
  const stored = () => api.ctxFor().store.conversations.findById(id)?.companyId
  t.equal(stored(), 'serenity-inc')
  await call(api, 'PUT', `/conversations/${id}`, { company_id: 'ignored' }, '2.13')
  t.equal(stored(), 'serenity-inc', 'before 2.14 company_id is not part of the request')
  await call(api, 'PUT', `/conversations/${id}`, { company_id: null })
  t.equal(stored(), null)
  const res = await call(api, 'GET', `/conversations/${id}?include_translations=true`)
  t.equal(res.statusCode, 200)
  t.equal(res.json().id, id)
})
