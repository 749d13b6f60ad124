import t, { type Test } from 'tap'
import { Client, type SdkResponse } from 'intercom-client-v2'
import { FIXTURE, listen, T0 } from '../helper.js'

/**
 * The official node SDK of the 1.x era, intercom-client 2.11.2 (Basic auth, `request`), driven through
 * a product's whole 1.x scenario against the mock on a real socket: once with no Intercom-Version
 * header, once with 1.4. Assertions are on what the SDK parsed and on what the mock then lists.
 */
for (const version of [undefined, '1.4']) {
  t.test(`intercom-client 2.11.2, ${version === undefined ? 'no Intercom-Version header' : `Intercom-Version ${version}`}`, async t => {
    const mock = await listen(t)
    const client = new Client({ token: `sdk-v2-${version ?? 'default'}` })
    client.useRequestOpts({ baseUrl: mock.url, ...(version === undefined ? {} : { headers: { 'Intercom-Version': version } }) })
    await scenario(t, client, mock.clock)
  })
}

async function scenario (t: Test, client: Client, clock: { advance: (s: number) => void }): Promise<void> {
  const body = <T = any>(response: SdkResponse<T>) => response.body // eslint-disable-line @typescript-eslint/no-explicit-any
  const tick = () => clock.advance(1)

  // People
  const user = body(await client.users.create({ user_id: 'sdk-u1', email: 'sdk@example.com', name: 'SDK User', custom_attributes: { plan: 'pro' } }))
  t.match(user, { type: 'user', user_id: 'sdk-u1', email: 'sdk@example.com', name: 'SDK User', custom_attributes: { plan: 'pro' } })
  t.equal(body(await client.users.find({ user_id: 'sdk-u1' })).id, user.id)
  t.equal(body(await client.users.find({ id: user.id })).email, 'sdk@example.com')
  const anonymousLead = body(await client.leads.create())
  t.match(anonymousLead, { type: 'contact', anonymous: true, email: null })
  const lead = body(await client.leads.create({ email: 'lead@sdk.example', name: 'SDK Lead' }))
  t.match(lead, { type: 'contact', email: 'lead@sdk.example' })
  t.equal(body(await client.leads.find({ user_id: lead.user_id })).id, lead.id)

  // Messages: user-, lead- and admin-initiated (in-app and email)
  const userMessage = body(await client.messages.create({ from: { type: 'user', id: user.id }, body: 'Howdy' }))
  t.strictSame(userMessage, { type: 'user_message', id: userMessage.id, created_at: T0, body: 'Howdy', message_type: 'inapp' })
  tick()
  t.match(body(await client.messages.create({ from: { type: 'user', user_id: 'sdk-u1' }, body: 'Howdy by user_id' })), { type: 'user_message' })
  tick()
  t.match(body(await client.messages.create({ from: { type: 'contact', id: lead.id }, body: 'Hi from lead' })), { type: 'user_message', body: 'Hi from lead' })
  tick()
  const inapp = body(await client.messages.create({ message_type: 'inapp', body: 'In-app', from: { type: 'admin', id: FIXTURE.wash.id }, to: { type: 'user', user_id: 'sdk-u1' } }))
  t.match(inapp, { type: 'admin_message', message_type: 'inapp', body: 'In-app', owner: { type: 'admin', id: FIXTURE.wash.id, name: 'Wash' } })
  tick()
  const email = body(await client.messages.create({ message_type: 'email', subject: 'Hey', body: 'Ponies', template: 'plain', from: { type: 'admin', id: FIXTURE.wash.id }, to: { type: 'user', id: user.id } }))
  t.match(email, { type: 'admin_message', message_type: 'email', subject: 'Hey', template: 'plain' })

  // Listing with each filter
  const userOpen = body(await client.conversations.list({ type: 'user', intercom_user_id: user.id, open: true }))
  t.equal(userOpen.type, 'conversation.list')
  t.equal(userOpen.conversations.length, 2, 'the two the user started (the admin ones are closed until the user replies)')
  t.equal(userOpen.conversations[1].conversation_message.id, userMessage.id)
  const byUserId = body(await client.conversations.list({ type: 'user', user_id: 'sdk-u1', unread: true }))
  t.equal(byUserId.conversations.length, 2)
  const byEmail = body(await client.conversations.list({ type: 'user', email: 'sdk@example.com' }))
  t.equal(byEmail.conversations.length, 4)
  const leadConversations = body(await client.conversations.list({ type: 'user', intercom_user_id: lead.id }))
  t.same(leadConversations.conversations.map((c: any) => c.user), [{ type: 'lead', id: lead.id }]) // eslint-disable-line @typescript-eslint/no-explicit-any
  const washs = body(await client.conversations.list({ type: 'admin', admin_id: FIXTURE.wash.id }))
  t.equal(washs.conversations.length, 2, 'the admin-initiated ones are assigned to their sender')
  const unassigned = body(await client.conversations.list({ type: 'admin', admin_id: 'nobody', open: true }))
  t.equal(unassigned.conversations.length, 3)
  const closedOfWash = body(await client.conversations.list({ type: 'admin', admin_id: FIXTURE.wash.id, open: false, sort: 'desc', order: 'created_at' }))
  t.same(closedOfWash.conversations.map((c: any) => c.conversation_message.type), ['email', 'conversation']) // eslint-disable-line @typescript-eslint/no-explicit-any

  // Find, with and without display_as
  const conversationId: string = userOpen.conversations[1].id
  const found = body(await client.conversations.find({ id: conversationId }))
  t.match(found, { type: 'conversation', id: conversationId, conversation_message: { body: '<p>Howdy</p>' }, conversation_parts: { total_count: 0 } })
  t.equal(body(await client.conversations.find({ id: conversationId, display_as: 'plaintext' })).conversation_message.body, 'Howdy')

  // Replies and state changes
  tick()
  const userReply = body(await client.conversations.reply({ id: conversationId, intercom_user_id: user.id, body: 'Some reply :)', type: 'user', message_type: 'comment' }))
  t.match(userReply.conversation_parts.conversation_parts.at(-1), { part_type: 'comment', body: '<p>Some reply :)</p>', author: { type: 'user', id: user.id } })
  tick()
  const adminReply = body(await client.conversations.reply({ id: conversationId, admin_id: FIXTURE.wash.id, body: 'Admin reply', type: 'admin', message_type: 'comment' }))
  t.match(adminReply, { waiting_since: null, conversation_parts: { total_count: 2 } })
  tick()
  t.match(body(await client.conversations.reply({ id: conversationId, admin_id: FIXTURE.wash.id, type: 'admin', message_type: 'close' })), { state: 'closed', open: false })
  tick()
  t.match(body(await client.conversations.reply({ id: conversationId, admin_id: FIXTURE.wash.id, type: 'admin', message_type: 'open' })), { state: 'open', open: true })
  tick()
  const assigned = body(await client.conversations.reply({ id: conversationId, type: 'admin', admin_id: FIXTURE.wash.id, assignee_id: FIXTURE.zoe.id, message_type: 'assignment' }))
  t.same(assigned.assignee, { type: 'admin', id: FIXTURE.zoe.id })
  tick()
  const snoozed = body(await client.conversations.reply({ id: conversationId, type: 'admin', admin_id: FIXTURE.zoe.id, message_type: 'snoozed', snoozed_until: T0 + 86400 }))
  t.match(snoozed, { state: 'snoozed', snoozed_until: T0 + 86400 })
  tick()
  const read = body(await client.conversations.markAsRead({ id: conversationId }))
  t.equal(read.read, true)
  t.same(read.conversation_parts.conversation_parts.map((p: any) => p.part_type), ['comment', 'comment', 'close', 'open', 'assignment', 'snoozed']) // eslint-disable-line @typescript-eslint/no-explicit-any
  t.same(body(await client.conversations.list({ type: 'admin', admin_id: FIXTURE.zoe.id })).conversations.map((c: any) => c.id), [conversationId]) // eslint-disable-line @typescript-eslint/no-explicit-any

  // Pages: nextPage(pages) follows the absolute next URL to the last page
  for (let i = 0; i < 23; i++) {
    tick()
    await client.messages.create({ from: { type: 'user', id: user.id }, body: `Bulk ${i}` })
  }
  let page = body(await client.conversations.list({ type: 'user', intercom_user_id: user.id, per_page: 10 }))
  const seen: string[] = page.conversations.map((c: any) => c.id) // eslint-disable-line @typescript-eslint/no-explicit-any
  let pages = 1
  while (page.pages.next !== null) {
    page = body(await client.nextPage(page.pages))
    seen.push(...page.conversations.map((c: any) => c.id)) // eslint-disable-line @typescript-eslint/no-explicit-any
    pages++
  }
  t.equal(pages, 3)
  t.equal(seen.length, 27)
  t.equal(new Set(seen).size, 27)

  // Conversions
  const converted = body(await client.leads.convert({ contact: { user_id: lead.user_id }, user: { email: 'converted@sdk.example' } }))
  t.match(converted, { type: 'user', id: lead.id, email: 'converted@sdk.example' })
  const leadNowUser = body(await client.conversations.list({ type: 'user', email: 'converted@sdk.example' }))
  t.equal(leadNowUser.conversations.length, 1, 'the lead\'s conversation follows it')
  t.same(leadNowUser.conversations[0].user, { type: 'user', id: lead.id })
  const visitorUser = body(await client.visitors.convert({ visitor: { user_id: FIXTURE.visitor.userId }, user: { email: 'visitor@sdk.example' }, type: 'user' }))
  t.match(visitorUser, { type: 'user', id: FIXTURE.visitor.id, email: 'visitor@sdk.example' })
  const visitorLead = body(await client.visitors.convert({ visitor: { user_id: FIXTURE.book.userId }, type: 'lead' }))
  t.match(visitorLead, { type: 'contact', id: FIXTURE.book.id })

  // Errors surface as the SDK's error with the HTTP status
  const missing = await client.conversations.find({ id: 'missing' }).then(() => null, (error: unknown) => error as { statusCode: number, message: string, body: { type: string } })
  t.match(missing, { statusCode: 404, message: 'Resource Not Found', body: { type: 'error.list' } })
  const unknownUser = await client.users.find({ user_id: 'nobody' }).then(() => null, (error: unknown) => error as { statusCode: number, message: string })
  t.match(unknownUser, { statusCode: 404, message: 'User Not Found' })
  const badEmail = await client.messages.create({ message_type: 'email', body: 'x', from: { type: 'admin', id: FIXTURE.wash.id }, to: { type: 'user', id: user.id } })
    .then(() => null, (error: unknown) => error as { statusCode: number, message: string })
  t.match(badEmail, { statusCode: 422, message: 'No subject supplied for email message' })
}

t.test('intercom-client 2.11.2 users.find({ email }) with Intercom-Version 1.0 gets the single user; with 1.1 a user.list', async t => {
  const mock = await listen(t)
  const client = (version: string) => {
    const c = new Client({ token: 'sdk-v2-email' })
    c.useRequestOpts({ baseUrl: mock.url, headers: { 'Intercom-Version': version } })
    return c
  }
  const found = (await client('1.0').users.find({ email: FIXTURE.mal.email })).body
  t.match(found, { type: 'user', id: FIXTURE.mal.id, email: FIXTURE.mal.email, user_id: FIXTURE.mal.userId })
  const listed = (await client('1.1').users.find({ email: FIXTURE.mal.email })).body
  t.match(listed, { type: 'user.list', total_count: 1, users: [{ id: FIXTURE.mal.id }] })
  await client('1.0').users.create({ user_id: 'mal-twin', email: FIXTURE.mal.email })
  const conflict = await client('1.0').users.find({ email: FIXTURE.mal.email }).then(() => null, (error: unknown) => error as { statusCode: number, body: { errors: Array<{ code: string }> } })
  t.equal(conflict?.statusCode, 409)
  t.equal(conflict?.body.errors[0]?.code, 'conflict')
})
