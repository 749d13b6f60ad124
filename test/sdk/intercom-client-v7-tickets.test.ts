import t from 'tap'
import { IntercomClient } from 'intercom-client-v7'
import { FIXTURE, listen } from '../helper.js'

/**
 * intercom-client 7.0.3 (Intercom-Version 2.14) over a real socket through the conversation side of a
 * support flow: a participant is added and removed, a part is redacted, the conversation becomes a
 * ticket, the ticket is replied to and updated. Assertions are on what the SDK parsed.
 */
t.test('intercom-client 7.0.3: participants, redaction, convert to ticket and reply on the ticket', async t => {
  const mock = await listen(t)
  const client = new IntercomClient({ token: 'sdk-v7-tickets', baseUrl: mock.url })
  const WASH = FIXTURE.wash.id

  const message = await client.conversations.create({ from: { type: 'user', id: FIXTURE.mal.id }, body: 'My card number is 4242' })
  const conversationId = (message as { conversation_id?: string }).conversation_id as string

  const withInara = await client.conversations.attachContactAsAdmin({ conversation_id: conversationId, admin_id: WASH, customer: { intercom_user_id: FIXTURE.inara.id } })
  t.same(withInara.contacts?.contacts?.map(c => c.id), [FIXTURE.mal.id, FIXTURE.inara.id])
  t.equal(withInara.conversation_parts?.conversation_parts?.at(-1)?.part_type, 'participant_added')

  const replied = await client.conversations.reply({ conversation_id: conversationId, body: { message_type: 'comment', type: 'user', intercom_user_id: FIXTURE.inara.id, body: 'And mine is 1234' } })
  const inaraPart = replied.conversation_parts?.conversation_parts?.at(-1)
  t.equal(inaraPart?.author?.id, FIXTURE.inara.id)

  const redacted = await client.conversations.redactConversationPart({ type: 'conversation_part', conversation_id: conversationId, conversation_part_id: inaraPart?.id as string })
  const part = redacted.conversation_parts?.conversation_parts?.find(p => p.id === inaraPart?.id)
  t.match(part, { body: '<p><i>This message was deleted</i></p>', redacted: true })

  const without = await client.conversations.detachContactAsAdmin({ conversation_id: conversationId, contact_id: FIXTURE.inara.id, admin_id: WASH })
  t.same(without.contacts?.contacts?.map(c => c.id), [FIXTURE.mal.id])

  const ticket = await client.conversations.convertToTicket({ conversation_id: Number(conversationId), ticket_type_id: '1001', attributes: { Severity: 'High' } })
  t.match(ticket, { type: 'ticket', id: conversationId, ticket_id: '1', category: 'Customer', ticket_attributes: { Severity: 'High' }, ticket_state: { category: 'submitted' } })
  const asConversation = await client.conversations.find({ conversation_id: conversationId })
  t.match((asConversation as unknown as { ticket: unknown }).ticket, { type: 'ticket', id: conversationId }, 'the SDK keeps the ticket field it has no type for')

  const reply = await client.tickets.reply({ ticket_id: conversationId, body: { message_type: 'comment', type: 'admin', admin_id: WASH, body: 'We are on it' } })
  t.match(reply, { type: 'ticket_part', part_type: 'comment', body: '<p>We are on it</p>', author: { type: 'admin', id: WASH } })

  const resolved = await client.tickets.update({ ticket_id: conversationId, ticket_state_id: '4', open: false })
  t.match(resolved, { ticket_state: { id: '4', category: 'resolved' }, open: false })
  const fetched = await client.tickets.get({ ticket_id: conversationId })
  t.equal(fetched?.ticket_parts?.ticket_parts?.at(-1)?.body, '<p>We are on it</p>')
  const types = await client.ticketTypes.list()
  t.same(types.data?.map(type => type?.id), ['1001', '1002'])
})
