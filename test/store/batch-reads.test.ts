import t from 'tap'
import { build, FIXTURE } from '../helper.js'

/**
 * Reads of a batch of rows by id join on the ids (store/values.ts IDS_JOIN): a repeated id must not
 * repeat a row, and ids in any order must give what the sorted list gives.
 */
t.test('a batch read by ids: repeated and unordered ids give each row once', async t => {
  const api = await build(t)
  const start = async (from: string, body: string) => {
    const res = await api.request({ method: 'POST', url: '/conversations', version: '2.14', payload: { from: { type: 'user', id: from }, body } })
    t.equal(res.statusCode, 200)
    return res.json().conversation_id as string
  }
  const first = await start(FIXTURE.mal.id, 'First')
  const second = await start(FIXTURE.inara.id, 'Second')
  const tag = (await api.request({ method: 'POST', url: '/tags', version: '2.14', payload: { name: 'Shiny' } })).json().id as string
  t.equal((await api.request({ method: 'POST', url: `/conversations/${second}/tags`, version: '2.14', payload: { id: tag, admin_id: FIXTURE.wash.id } })).statusCode, 200)
  const ticket = await api.request({ method: 'POST', url: '/tickets', version: '2.14', payload: { ticket_type_id: '1002', contacts: [{ id: FIXTURE.mal.id }], ticket_attributes: { Amount: 12.5 }, conversation_to_link_id: first } })
  t.equal(ticket.statusCode, 200)
  const ticketId = ticket.json().id as string
  const { store } = api.ctxFor()

  const contacts = store.contacts.findByIds([FIXTURE.inara.id, FIXTURE.mal.id, FIXTURE.inara.id, 'no-such-contact'])
  t.strictSame(contacts.map(c => c.id), [FIXTURE.inara.id, FIXTURE.mal.id, FIXTURE.inara.id], 'in the order asked, repeats included, the missing one left out')
  t.strictSame([...store.contacts.refsByIds([FIXTURE.mal.id, FIXTURE.mal.id]).keys()], [FIXTURE.mal.id])

  const customers = store.conversations.customersOf([second, first, second])
  t.strictSame([...customers.entries()], [[second, [FIXTURE.inara.id]], [first, [FIXTURE.mal.id]]], 'each conversation\'s customer once')

  const messageIds = [first, second].map(id => store.conversations.findById(id)?.messageId ?? 'missing')
  const messages = store.messages.byIds([messageIds[1], messageIds[0], messageIds[1]] as string[])
  t.strictSame([...messages.keys()].sort(), [...messageIds].sort(), 'each message once')
  t.strictSame([...messages.values()].map(m => m.body).sort(), ['First', 'Second'])

  const tags = store.tags.of('conversation', [second, first, second])
  t.strictSame([...tags.entries()].map(([id, applied]) => [id, applied.map(a => a.tag.name)]), [[second, ['Shiny']], [first, []]], 'one tag, listed once')
  t.strictSame([...store.tickets.byConversationIds([ticketId, first, ticketId]).keys()], [ticketId], 'the ticket once; the plain conversation is none')
  t.strictSame(store.tickets.linkedTo([second, first, first]).map(r => [r.conversationId, r.linkedConversationId]), [[ticketId, first]], 'the linked ticket once')
})
