import t from 'tap'
import { Intercom, IntercomClient, IntercomError } from 'intercom-client-v7'
import { FIXTURE, listen } from '../helper.js'

/**
 * The current official node SDK, intercom-client 7.0.3 (Fern-generated, Bearer auth, always sends
 * Intercom-Version 2.14), driven through a product's whole 2.x scenario against the mock on a real
 * socket. Every assertion is on what the SDK parsed (and, for errors, on the typed error it threw);
 * every response is also checked against the 2.14 OpenAPI by the helper.
 */
t.test('intercom-client 7.0.3 (Bearer, Intercom-Version 2.14) through a whole product scenario', async t => {
  const mock = await listen(t)
  const client = new IntercomClient({ token: 'sdk-v7', baseUrl: mock.url })
  const now = () => mock.clock.now()
  const tick = () => { mock.clock.advance(1) }
  const WASH = Number(FIXTURE.wash.id)

  let user!: Intercom.Contact
  let lead!: Intercom.Contact
  let userConversation!: string
  let leadConversation!: string
  let visitorConversation!: string
  let inappConversation!: string
  let emailConversation!: string
  const bulk: string[] = []

  await t.test('creates a user and a lead, and finds the user by id, by external id and by search', async t => {
    user = await client.contacts.create({ role: 'user', external_id: 'sdk7-user', email: 'user@sdk7.example', name: 'SDK7 User' })
    t.match(user, { type: 'contact', role: 'user', external_id: 'sdk7-user', email: 'user@sdk7.example', name: 'SDK7 User' })
    lead = await client.contacts.create({ role: 'lead', name: 'SDK7 Lead', email: 'lead@sdk7.example' })
    t.match(lead, { type: 'contact', role: 'lead', external_id: null, email: 'lead@sdk7.example', name: 'SDK7 Lead' })

    t.match(await client.contacts.find({ contact_id: user.id }), { type: 'contact', id: user.id, role: 'user', external_id: 'sdk7-user' })
    t.match(await client.contacts.showContactByExternalId({ external_id: 'sdk7-user' }), { type: 'contact', id: user.id, email: 'user@sdk7.example' })

    const byExternalId = await client.contacts.search({ query: { field: 'external_id', operator: '=', value: 'sdk7-user' } })
    t.same(byExternalId.data.map(c => c.id), [user.id])
    const leads = await client.contacts.search({ query: { field: 'role', operator: '=', value: 'lead' }, pagination: { per_page: 2 } })
    t.match(leads.response, { type: 'list', total_count: 3, pages: { per_page: 2, total_pages: 2 } })
    t.equal(leads.data.length, 2, 'a first page of two')
    const leadIds: string[] = []
    for await (const contact of leads) leadIds.push(contact.id)
    t.same(leadIds.sort(), [lead.id, FIXTURE.simon.id, FIXTURE.river.id].sort(), 'the paginator walks both pages')
  })

  await t.test('the user, the lead and a visitor start conversations; the visitor becomes a lead', async t => {
    tick()
    const fromUser = await client.conversations.create({ from: { type: 'user', id: user.id }, body: 'Hello from the user' })
    t.strictSame(fromUser, { type: 'user_message', id: fromUser.id, created_at: now(), body: 'Hello from the user', message_type: 'inapp', conversation_id: fromUser.conversation_id })
    userConversation = conversationOf(fromUser)
    tick()
    const fromLead = await client.conversations.create({ from: { type: 'lead', id: lead.id }, body: 'Hi from the lead' })
    t.match(fromLead, { type: 'user_message', body: 'Hi from the lead' })
    leadConversation = conversationOf(fromLead)
    tick()
    const fromVisitor = await client.conversations.create({ from: { type: 'contact', id: FIXTURE.visitor.userId }, body: 'Hi from a visitor' })
    visitorConversation = conversationOf(fromVisitor)
    t.equal(new Set([userConversation, leadConversation, visitorConversation]).size, 3)

    const started = await client.conversations.find({ conversation_id: leadConversation })
    t.match(started, { state: 'open', open: true, read: false, waiting_since: now() - 1, source: { delivered_as: 'customer_initiated', author: { type: 'lead', id: lead.id } } })
    const visitors = await client.conversations.find({ conversation_id: visitorConversation })
    t.same(visitors.contacts.contacts?.map(c => c.id), [FIXTURE.visitor.id])
    t.match(await client.contacts.find({ contact_id: FIXTURE.visitor.id }), { id: FIXTURE.visitor.id, role: 'lead' }, 'the visitor is now a lead, same id')
  })

  await t.test('an admin sends an in-app message and an email; only the email opens its conversation now', async t => {
    tick()
    const inapp = await client.messages.create({ message_type: 'inapp', body: 'Welcome aboard', from: { type: 'admin', id: WASH }, to: { type: 'user', id: user.id } })
    t.match(inapp, { type: 'admin_message', message_type: 'inapp', body: 'Welcome aboard', created_at: now(), owner: { type: 'admin', id: FIXTURE.wash.id } })
    inappConversation = conversationOf(inapp)
    tick()
    const email = await client.messages.create({
      message_type: 'email',
      subject: 'Your order',
      body: 'It shipped',
      template: 'plain',
      from: { type: 'admin', id: WASH },
      to: { type: 'lead', id: lead.id },
      create_conversation_without_contact_reply: true
    })
    t.match(email, { type: 'admin_message', message_type: 'email', subject: 'Your order', body: 'It shipped' })
    emailConversation = conversationOf(email)

    const waiting = await client.conversations.find({ conversation_id: inappConversation })
    t.match(waiting, { state: 'closed', open: false, admin_assignee_id: WASH, source: { type: 'conversation', delivered_as: 'admin_initiated', author: { type: 'admin', id: FIXTURE.wash.id } } })
    const opened = await client.conversations.find({ conversation_id: emailConversation })
    t.match(opened, { state: 'open', open: true, admin_assignee_id: WASH, source: { type: 'email', subject: 'Your order' } })
    t.same(opened.contacts.contacts?.map(c => c.id), [lead.id])
  })

  await t.test('finds a conversation with HTML bodies, and as plaintext with display_as', async t => {
    const html = await client.conversations.find({ conversation_id: userConversation })
    t.match(html, { type: 'conversation', id: userConversation, source: { body: '<p>Hello from the user</p>', author: { type: 'user', id: user.id, email: 'user@sdk7.example' } } })
    t.same(html.contacts.contacts, [{ type: 'contact', id: user.id, external_id: 'sdk7-user' }])
    const plain = await client.conversations.find({ conversation_id: userConversation, display_as: 'plaintext' })
    t.equal(plain.source.body, 'Hello from the user')
  })

  await t.test('the user and an admin reply; the user answers the in-app message through last', async t => {
    tick()
    const byUser = await client.conversations.reply({ conversation_id: userConversation, body: { message_type: 'comment', type: 'user', body: 'Is anyone there?', intercom_user_id: user.id } })
    t.match(byUser.conversation_parts?.conversation_parts?.at(-1), { part_type: 'comment', body: '<p>Is anyone there?</p>', author: { type: 'user', id: user.id } })
    tick()
    const byAdmin = await client.conversations.reply({ conversation_id: userConversation, body: { message_type: 'comment', type: 'admin', admin_id: FIXTURE.wash.id, body: 'Right here' } })
    t.match(byAdmin, { waiting_since: null, read: true, conversation_parts: { total_count: 2 } })
    t.match(byAdmin.conversation_parts?.conversation_parts?.at(-1), { part_type: 'comment', body: '<p>Right here</p>', author: { type: 'admin', id: FIXTURE.wash.id, name: 'Wash' } })

    tick()
    const toLast = await client.conversations.reply({ conversation_id: 'last', body: { message_type: 'comment', type: 'user', body: 'Thanks for the welcome', user_id: 'sdk7-user' } })
    t.equal(toLast.id, inappConversation, 'last is the user\'s newest conversation')
    t.match(toLast, { state: 'open', open: true, read: false, waiting_since: now(), first_contact_reply: { created_at: now(), type: 'conversation' } })
    t.match(toLast.conversation_parts?.conversation_parts?.at(-1), { part_type: 'open', body: '<p>Thanks for the welcome</p>', author: { type: 'user', id: user.id } })
    tick()
    const read = await client.conversations.update({ conversation_id: inappConversation, read: true })
    t.match(read, { id: inappConversation, read: true })
  })

  await t.test('an admin closes, reopens, assigns to an admin and a team, and snoozes with conversations.manage', async t => {
    tick()
    const closed = await client.conversations.manage({ conversation_id: userConversation, body: { message_type: 'close', type: 'admin', admin_id: FIXTURE.wash.id, body: 'Closing this' } })
    t.match(closed, { state: 'closed', open: false })
    tick()
    t.match(await client.conversations.manage({ conversation_id: userConversation, body: { message_type: 'open', admin_id: FIXTURE.wash.id } }), { state: 'open', open: true })
    tick()
    const toZoe = await client.conversations.manage({ conversation_id: userConversation, body: { message_type: 'assignment', type: 'admin', admin_id: FIXTURE.wash.id, assignee_id: FIXTURE.zoe.id } })
    t.match(toZoe, { admin_assignee_id: Number(FIXTURE.zoe.id) })
    t.match(toZoe.conversation_parts?.conversation_parts?.at(-1), { part_type: 'assignment', assigned_to: { type: 'admin', id: FIXTURE.zoe.id } })
    tick()
    const toCrew = await client.conversations.manage({ conversation_id: userConversation, body: { message_type: 'assignment', type: 'team', admin_id: FIXTURE.wash.id, assignee_id: FIXTURE.crew.id } })
    t.match(toCrew, { admin_assignee_id: Number(FIXTURE.zoe.id), team_assignee_id: Number(FIXTURE.crew.id) })
    tick()
    const snoozed = await client.conversations.manage({ conversation_id: userConversation, body: { message_type: 'snoozed', admin_id: FIXTURE.zoe.id, snoozed_until: now() + 3600 } })
    t.match(snoozed, { state: 'snoozed', open: true, snoozed_until: now() + 3600 })
    t.same(snoozed.conversation_parts?.conversation_parts?.map(p => p.part_type), ['comment', 'comment', 'close', 'open', 'assignment', 'assignment', 'snoozed'])
    t.match(snoozed.statistics, { count_reopens: 1, count_assignments: 2, last_closed_by_id: FIXTURE.wash.id })
  })

  await t.test('lists every conversation exactly once across pages of 10 with the SDK\'s paginator', async t => {
    for (let i = 0; i < 25; i++) {
      tick()
      bulk.push(conversationOf(await client.conversations.create({ from: { type: 'user', id: user.id }, body: `Bulk ${i}` })))
    }
    const all = [userConversation, leadConversation, visitorConversation, inappConversation, emailConversation, ...bulk]

    const first = await client.conversations.list({ per_page: 10 })
    t.match(first.response, { type: 'conversation.list', total_count: 30, pages: { type: 'pages', page: 1, per_page: 10, total_pages: 3 } })
    const seen: string[] = []
    for await (const conversation of first) seen.push(conversation.id)
    t.equal(seen.length, 30)
    t.same([...seen].sort(), [...all].sort(), 'every conversation, each once')

    const walker = await client.conversations.list({ per_page: 10 })
    const sizes = [walker.data.length]
    while (walker.hasNextPage()) {
      await walker.getNextPage()
      sizes.push(walker.data.length)
    }
    t.same(sizes, [10, 10, 10], 'three pages, by starting_after')
  })

  await t.test('passes the 1.x list filters through the queryParams request option', async t => {
    const usersOpen = await client.conversations.list({ per_page: 50 }, { queryParams: { type: 'user', intercom_user_id: user.id, open: true } })
    t.same(usersOpen.data.map(c => c.id).sort(), [userConversation, inappConversation, ...bulk].sort(), 'the user\'s open conversations (snoozed is open)')
    const zoes = await client.conversations.list({}, { queryParams: { type: 'admin', admin_id: FIXTURE.zoe.id } })
    t.same(zoes.data.map(c => c.id), [userConversation])
    const washs = await client.conversations.list({}, { queryParams: { type: 'admin', admin_id: FIXTURE.wash.id, open: false } })
    t.same(washs.data.map(c => c.id), [], 'the in-app one reopened when the user answered it')
    const unassigned = await client.conversations.list({ per_page: 50 }, { queryParams: { type: 'admin', admin_id: 'nobody' } })
    t.equal(unassigned.data.length, 27, 'the lead\'s, the visitor\'s and the 25 bulk ones')
  })

  await t.test('searches conversations and iterates every page of the results', async t => {
    const results = await client.conversations.search({
      query: { operator: 'AND', value: [{ field: 'open', operator: '=', value: 'true' }, { field: 'contact_ids', operator: '=', value: user.id }] },
      pagination: { per_page: 5 }
    })
    t.match(results.response, { type: 'conversation.list', total_count: 27, pages: { per_page: 5, total_pages: 6 } })
    const found: string[] = []
    for await (const conversation of results) found.push(conversation.id)
    t.same(found.sort(), [userConversation, inappConversation, ...bulk].sort())
  })

  await t.test('merging the lead into the user carries the lead\'s conversations over', async t => {
    const merged = await client.contacts.mergeLeadInUser({ from: lead.id, into: user.id })
    t.match(merged, { type: 'contact', id: user.id, role: 'user', external_id: 'sdk7-user' })
    const moved = await client.conversations.find({ conversation_id: leadConversation })
    t.same(moved.contacts.contacts?.map(c => c.id), [user.id])
    const gone = await client.contacts.find({ contact_id: lead.id }).then(() => null, (error: unknown) => error)
    t.ok(gone instanceof IntercomError, 'contacts.find maps no 404: a plain IntercomError')
    t.match(gone, { statusCode: 404, body: { type: 'error.list', errors: [{ code: 'not_found', message: 'User Not Found' }] } })
  })

  await t.test('converts visitors to a user and to a lead (in a fresh workspace: the fixtures have two visitors)', async t => {
    const fresh = new IntercomClient({ token: 'sdk-v7-visitors', baseUrl: mock.url })
    t.match(await fresh.visitors.find({ user_id: FIXTURE.visitor.userId }), { type: 'visitor', id: FIXTURE.visitor.id, user_id: FIXTURE.visitor.userId })
    const asUser = await fresh.visitors.mergeToContact({ type: 'user', user: { user_id: 'sdk7-visitor', email: 'visitor@sdk7.example' }, visitor: { user_id: FIXTURE.visitor.userId } })
    t.match(asUser, { type: 'contact', id: FIXTURE.visitor.id, role: 'user', external_id: 'sdk7-visitor', email: 'visitor@sdk7.example' })
    const asLead = await fresh.visitors.mergeToContact({ type: 'lead', user: { id: FIXTURE.book.id }, visitor: { user_id: FIXTURE.book.userId } })
    t.match(asLead, { type: 'contact', id: FIXTURE.book.id, role: 'lead', email: FIXTURE.book.email })
  })

  await t.test('negotiates the version: a 2.11 client, a per-request version, and an endpoint 2.11 lacks', async t => {
    const at211 = new IntercomClient({ token: 'sdk-v7', baseUrl: mock.url, version: '2.11' })
    const old = await at211.conversations.create({ from: { type: 'user', id: user.id }, body: 'From 2.11' })
    t.equal(old.subject, '', '2.11 alone requires subject on a user message')
    const current = await client.conversations.create({ from: { type: 'user', id: user.id }, body: 'From 2.14' })
    t.notOk('subject' in current, '2.14 leaves it out')

    const firstPart = (c: Intercom.Conversation) => c.conversation_parts?.conversation_parts?.[0] ?? {}
    const perRequest = await client.conversations.find({ conversation_id: userConversation }, { version: '2.11' })
    t.notOk('app_package_code' in firstPart(perRequest), 'a per-request 2.11: parts as 2.11 has them')
    t.match(firstPart(await client.conversations.find({ conversation_id: userConversation })), { app_package_code: null, tags: [] }, '2.13 added these')

    const tooOld = await client.contacts.showContactByExternalId({ external_id: 'sdk7-user' }, { version: '2.11', maxRetries: 0 }).then(() => null, (error: unknown) => error)
    t.ok(tooOld instanceof IntercomError)
    t.match(tooOld, { statusCode: 400, body: { errors: [{ code: 'intercom_version_invalid', message: 'Requested resource is not available in current API version.' }] } })
  })

  await t.test('surfaces 404 and 400 as the SDK\'s typed errors with Intercom\'s error code and message', async t => {
    const missing = await client.conversations.find({ conversation_id: '1999999999' }, { maxRetries: 0 }).then(() => null, (error: unknown) => error)
    t.ok(missing instanceof Intercom.NotFoundError)
    t.equal((missing as Error).constructor.name, 'NotFoundError')
    t.match(missing, {
      name: 'Error', // Fern's errors keep Error's name: tell them apart by class
      message: /^NotFoundError\nStatus code: 404\nBody: \{/,
      statusCode: 404,
      body: { type: 'error.list', errors: [{ code: 'not_found', message: 'Resource Not Found' }] }
    })

    const badVersion = await client.messages.create(
      { message_type: 'inapp', body: 'x', from: { type: 'admin', id: WASH }, to: { type: 'user', id: user.id } },
      { headers: { 'Intercom-Version': '3.0' }, maxRetries: 0 }
    ).then(() => null, (error: unknown) => error)
    t.ok(badVersion instanceof Intercom.BadRequestError)
    t.match(badVersion, { statusCode: 400, body: { errors: [{ code: 'intercom_version_invalid', message: 'The requested version could not be found' }] } })

    const badSearch = await client.conversations.search({ query: { field: 'favourite_colour', operator: '=', value: 'blue' } }, { maxRetries: 0 }).then(() => null, (error: unknown) => error)
    t.ok(badSearch instanceof IntercomError, 'search maps no 400: a plain IntercomError')
    t.notOk(badSearch instanceof Intercom.BadRequestError)
    t.match(badSearch, { statusCode: 400, body: { errors: [{ code: 'parameter_invalid', field: 'query.field', message: /^favourite_colour is not a searchable conversation field/ }] } })

    const noSubject = await client.messages.create(
      { message_type: 'email', subject: '', body: 'x', template: 'plain', from: { type: 'admin', id: WASH }, to: { type: 'user', id: user.id } },
      { maxRetries: 0 }
    ).then(() => null, (error: unknown) => error)
    t.ok(noSubject instanceof Intercom.UnprocessableEntityError)
    t.match(noSubject, { statusCode: 422, body: { errors: [{ code: 'parameter_not_found', message: 'No subject supplied for email message' }] } })
  })

  await t.test('a wrong token against a strict mock is the SDK\'s UnauthorizedError', async t => {
    const strict = await listen(t, { tokens: ['good'] })
    const wrong = new IntercomClient({ token: 'bad', baseUrl: strict.url, maxRetries: 0 })
    const refused = await wrong.conversations.find({ conversation_id: '1000000001' }).then(() => null, (error: unknown) => error)
    t.ok(refused instanceof Intercom.UnauthorizedError)
    t.match(refused, { statusCode: 401, body: { type: 'error.list', errors: [{ code: 'unauthorized', message: 'Access Token Invalid' }] } })
    const good = new IntercomClient({ token: 'good', baseUrl: strict.url, maxRetries: 0 })
    t.equal((await good.conversations.list()).data.length, 0, 'the listed token gets in')
  })
})

/** The conversation a message opened (2.6+ messages carry it). */
function conversationOf (message: Intercom.Message): string {
  if (message.conversation_id === undefined) throw new Error(`message ${message.id} has no conversation_id`)
  return message.conversation_id
}
