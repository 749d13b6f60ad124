import t from 'tap'
import { assertError, build, FIXTURE, T0 } from '../../helper.js'

t.test('GET /conversations/{id} answers the full 1.x conversation (1.4 by default) with its parts', async t => {
  const api = await build(t)
  await api.request({ method: 'POST', url: '/messages', payload: { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Hey' } })
  const res = await api.request({ url: '/conversations/1000000001' })
  t.equal(res.statusCode, 200)
  t.strictSame(res.json(), {
    type: 'conversation',
    id: '1000000001',
    created_at: T0,
    updated_at: T0,
    sent_at: T0,
    waiting_since: T0,
    snoozed_until: null,
    open: true,
    state: 'open',
    read: false,
    assignee: { type: 'nobody_admin', id: null },
    user: { type: 'user', id: FIXTURE.mal.id },
    customers: [{ type: 'user', id: FIXTURE.mal.id }],
    conversation_message: {
      type: 'conversation',
      id: '2001',
      delivered_as: 'customer_initiated',
      subject: '',
      body: '<p>Hey</p>',
      author: { type: 'user', id: FIXTURE.mal.id, name: 'Malcolm Reynolds', email: FIXTURE.mal.email },
      attachments: [],
      url: null
    },
    customer_first_reply: null,
    conversation_rating: {
      rating: null,
      remark: null,
      created_at: null,
      customer: { type: null, id: null },
      teammate: { type: null, id: null }
    },
    tags: { type: 'tag.list', tags: [] },
    conversation_parts: { type: 'conversation_part.list', conversation_parts: [], total_count: 0 }
  })
})

t.test('an unknown conversation is 404 Resource Not Found', async t => {
  const api = await build(t)
  await api.request({ method: 'POST', url: '/messages', payload: { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Hey' } })
  for (const id of ['1000000002', '2001', 'abc', '1'.repeat(40)]) {
    assertError(t, await api.request({ url: `/conversations/${id}` }), 404, { code: 'not_found', message: 'Resource Not Found' })
  }
})

t.test('the id repeated in the query (intercom-client 2.x) is ignored', async t => {
  const api = await build(t)
  await api.request({ method: 'POST', url: '/messages', payload: { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Hey' } })
  const res = await api.request({ url: '/conversations/1000000001?id=1000000001&display_as=plaintext' })
  t.equal(res.statusCode, 200)
  t.equal(res.json().conversation_message.body, 'Hey')
})
