import t from 'tap'
import { assertError, build, FIXTURE, T0 } from '../../helper.js'

t.test('PUT /conversations/{id} {"read": true} marks the conversation read and moves updated_at', async t => {
  const api = await build(t)
  await api.request({ method: 'POST', url: '/messages', payload: { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Hi' } })
  api.clock.advance(5)
  const res = await api.request({ method: 'PUT', url: '/conversations/1000000001', payload: { read: true } })
  t.equal(res.statusCode, 200)
  t.match(res.json(), { type: 'conversation', id: '1000000001', read: true, updated_at: T0 + 5, conversation_parts: { total_count: 0 } })
  t.same((await api.request({ url: `/conversations?type=user&intercom_user_id=${FIXTURE.mal.id}&unread=true` })).json().conversations, [])
  const unread = (await api.request({ method: 'PUT', url: '/conversations/1000000001', payload: { read: false } })).json()
  t.equal(unread.read, false)
})

t.test('PUT /conversations/{id}/reply {"read": true} (python-intercom 3.x) does the same', async t => {
  const api = await build(t)
  await api.request({ method: 'POST', url: '/messages', payload: { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Hi' } })
  const res = await api.request({ method: 'PUT', url: '/conversations/1000000001/reply', payload: { read: true } })
  t.equal(res.statusCode, 200)
  t.equal(res.json().read, true)
})

t.test('a user reply makes a read conversation unread again', async t => {
  const api = await build(t)
  await api.request({ method: 'POST', url: '/messages', payload: { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Hi' } })
  await api.request({ method: 'PUT', url: '/conversations/1000000001', payload: { read: true } })
  const res = await api.request({ method: 'POST', url: '/conversations/1000000001/reply', payload: { type: 'user', intercom_user_id: FIXTURE.mal.id, message_type: 'comment', body: 'Again' } })
  t.equal(res.json().read, false)
})

t.test('PUT errors: unknown conversation 404, a read that is not a boolean 400', async t => {
  const api = await build(t)
  await api.request({ method: 'POST', url: '/messages', payload: { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Hi' } })
  assertError(t, await api.request({ method: 'PUT', url: '/conversations/1000000002', payload: { read: true } }), 404, { code: 'not_found', message: 'Resource Not Found' })
  assertError(t, await api.request({ method: 'PUT', url: '/conversations/1000000001', payload: { read: 'yes' } }), 400, { code: 'parameter_invalid', message: 'read must be a boolean', field: 'read' })
})
