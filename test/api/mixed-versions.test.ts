import t from 'tap'
import { build, FIXTURE } from '../helper.js'

/** A product halfway through an SDK upgrade: a 1.x client and a 2.x client on one workspace. */
t.test('what a 1.x client writes, a 2.x client reads in its own shape, and back', async t => {
  const api = await build(t)
  const token = 'upgrading-product'
  const v1 = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: Record<string, unknown>) => api.request({ method, url, token, version: '1.4', ...(payload === undefined ? {} : { payload }) })
  const v2 = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: Record<string, unknown>) => api.request({ method, url, token, version: '2.14', ...(payload === undefined ? {} : { payload }) })

  const user = (await v1('POST', '/users', { user_id: 'shared-1', email: 'shared@example.com', name: 'Shared' })).json()
  const message = (await v1('POST', '/messages', { from: { type: 'user', id: user.id }, body: 'Written in 1.x' })).json()
  t.notOk('conversation_id' in message)

  const contact = (await v2('GET', `/contacts/${user.id}`)).json()
  t.match(contact, { type: 'contact', role: 'user', external_id: 'shared-1', email: 'shared@example.com' })
  const [listed] = (await v2('GET', `/conversations?type=user&intercom_user_id=${user.id}`)).json().conversations
  t.match(listed, { source: { id: message.id, body: '<p>Written in 1.x</p>', author: { type: 'user', id: user.id } }, contacts: { contacts: [{ id: user.id, external_id: 'shared-1' }] } })

  await v2('POST', `/conversations/${listed.id}/reply`, { message_type: 'comment', type: 'admin', admin_id: FIXTURE.wash.id, body: 'Answered in 2.x' })
  await v2('POST', `/conversations/${listed.id}/parts`, { message_type: 'close', type: 'admin', admin_id: FIXTURE.wash.id })
  const seenIn1 = (await v1('GET', `/conversations/${listed.id}`)).json()
  t.match(seenIn1, { state: 'closed', open: false, user: { type: 'user', id: user.id }, conversation_message: { id: message.id } })
  t.same(seenIn1.conversation_parts.conversation_parts.map((p: { part_type: string, author: { type: string } }) => `${p.part_type}:${p.author.type}`), ['comment:admin', 'close:admin'])

  const created = (await v2('POST', '/contacts', { role: 'lead', email: 'lead@example.com' })).json()
  const lead = (await v1('GET', `/contacts/${created.id}`)).json()
  t.match(lead, { type: 'contact', id: created.id, email: 'lead@example.com', anonymous: true })
  const converted = (await v1('POST', '/contacts/convert', { contact: { id: created.id }, user: { user_id: 'lead-now-user' } })).json()
  t.equal(converted.type, 'user')
  t.match((await v2('GET', '/contacts/find_by_external_id/lead-now-user')).json(), { id: created.id, role: 'user' })
})
