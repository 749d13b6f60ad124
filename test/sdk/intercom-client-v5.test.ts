import t from 'tap'
import intercom, { type ContactObject, type ContactType as ContactRole, type ConversationObject, type Operators as SearchOperator } from 'intercom-client-v5'
import { BadResponseError } from 'intercom-client-v5/dist/errors/badResponse.error.js'
import { FIXTURE, listen } from '../helper.js'

// 5.x is CommonJS whose `Client` export is a getter Node's ESM loader cannot see: take it from the default.
const {
  AssignToConversationUserType, Client, ContactType, MessageType, Operators, RecipientType, ReplyToConversationMessageType, Role, SearchConversationOrderBy
} = intercom

/** 5.x types `useRequestOpts({ headers })` as axios' per-method defaults; its README passes a plain header, as axios sends it. */
type RequestHeaders = NonNullable<Parameters<InstanceType<typeof Client>['useRequestOpts']>[0]['headers']>

/**
 * intercom-client 5.0.0 (hand-written TypeScript over axios, Basic auth, no Intercom-Version unless
 * configured) driven through a product's whole 2.x scenario against the mock on a real socket, with
 * `Intercom-Version: 2.6` set as its README says. 5.x has no paginator: lists and searches are walked
 * by `pages.next.starting_after`. Assertions are on what the SDK parsed; every response is also
 * checked against the OpenAPI (2.6 has none: 2.7's) by the helper.
 */
t.test('intercom-client 5.0.0 (Basic auth, Intercom-Version 2.6 by useRequestOpts) through a whole product scenario', async t => {
  const mock = await listen(t)
  const connect = (token: string, url = mock.url, version = '2.6') =>
    new Client({ tokenAuth: { token } }).useRequestOpts({ baseURL: url, headers: { 'Intercom-Version': version } as unknown as RequestHeaders })
  const client = connect('sdk-v5')
  const now = () => mock.clock.now()
  const tick = () => { mock.clock.advance(1) }
  const wash = FIXTURE.wash.id

  let user!: ContactObject
  let lead!: ContactObject
  let userConversation!: string
  let leadConversation!: string
  let visitorConversation!: string
  let inappConversation!: string
  let emailConversation!: string
  const bulk: string[] = []

  await t.test('creates a user and a lead, and finds the user by id and by a search on external_id', async t => {
    user = await client.contacts.createUser({ externalId: 'sdk5-user', email: 'user@sdk5.example', name: 'SDK5 User', customAttributes: {} })
    t.match(user, { type: 'contact', role: 'user', external_id: 'sdk5-user', email: 'user@sdk5.example', name: 'SDK5 User' })
    lead = await client.contacts.createLead({ name: 'SDK5 Lead', email: 'lead@sdk5.example' })
    t.match(lead, { type: 'contact', role: 'lead', external_id: null, email: 'lead@sdk5.example' })

    t.match(await client.contacts.find({ id: user.id }), { type: 'contact', id: user.id, role: 'user', external_id: 'sdk5-user' })
    const byExternalId = await client.contacts.search({ data: { query: { field: 'external_id', operator: Operators.EQUALS, value: 'sdk5-user' } } })
    t.match(byExternalId, { type: 'list', total_count: 1 })
    t.same(byExternalId.data.map(c => c.id), [user.id], 'find by external id, as 5.x can (find_by_external_id is 2.14\'s)')

    const leadIds: string[] = []
    let startingAfter: string | undefined
    let pages = 0
    do {
      const page = await client.contacts.search({
        data: { query: { field: 'role', operator: Operators.EQUALS, value: 'lead' }, pagination: { per_page: 2, ...(startingAfter === undefined ? {} : { starting_after: startingAfter }) } }
      })
      leadIds.push(...page.data.map(c => c.id))
      startingAfter = page.pages.next?.starting_after
      pages++
    } while (startingAfter !== undefined)
    t.equal(pages, 2)
    t.same(leadIds.sort(), [lead.id, FIXTURE.simon.id, FIXTURE.river.id].sort(), 'both pages, by starting_after')
  })

  await t.test('the user, the lead and a visitor start conversations; the visitor becomes a lead', async t => {
    tick()
    const fromUser = await client.conversations.create({ userId: user.id, body: 'Hello from the user' })
    t.strictSame(fromUser, { type: 'user_message', id: fromUser.id, created_at: now(), body: 'Hello from the user', message_type: 'inapp', conversation_id: fromUser.conversation_id })
    userConversation = conversationOf(fromUser)
    tick()
    leadConversation = conversationOf(await client.conversations.create({ userId: lead.id, type: ContactType.LEAD, body: 'Hi from the lead' }))
    tick()
    // 5.x types `type` as user | lead, but sends whatever it is given: `contact` names a visitor by its user_id.
    visitorConversation = conversationOf(await client.conversations.create({ userId: FIXTURE.visitor.userId, type: 'contact' as ContactRole, body: 'Hi from a visitor' }))
    t.equal(new Set([userConversation, leadConversation, visitorConversation]).size, 3)

    t.match(await client.conversations.find({ id: leadConversation }), {
      state: 'open', open: true, read: false, waiting_since: now() - 1, source: { delivered_as: 'customer_initiated', author: { type: 'lead', id: lead.id } }
    })
    t.same(contactIdsOf(await client.conversations.find({ id: visitorConversation })), [FIXTURE.visitor.id])
    t.match(await client.contacts.find({ id: FIXTURE.visitor.id }), { id: FIXTURE.visitor.id, role: 'lead' }, 'the visitor is now a lead, same id')
  })

  await t.test('an admin sends an in-app message and an email; only the email opens its conversation now', async t => {
    tick()
    const inapp = await client.messages.create({
      messageType: MessageType.INAPP, body: 'Welcome aboard', template: 'plain', from: { type: RecipientType.ADMIN, id: wash }, to: { type: RecipientType.USER, id: user.id }
    })
    t.match(inapp, { type: 'admin_message', message_type: 'inapp', body: 'Welcome aboard', created_at: now(), owner: { type: 'admin', id: wash } })
    inappConversation = conversationOf(inapp)
    tick()
    const email = await client.messages.create({
      messageType: MessageType.EMAIL,
      subject: 'Your order',
      body: 'It shipped',
      template: 'personal',
      from: { type: RecipientType.ADMIN, id: wash },
      to: { type: RecipientType.LEAD, id: lead.id },
      createConversationWithoutContactReply: true
    })
    t.match(email, { type: 'admin_message', message_type: 'email', subject: 'Your order' })
    emailConversation = conversationOf(email)

    t.match(await client.conversations.find({ id: inappConversation }), {
      state: 'closed', open: false, admin_assignee_id: Number(wash), source: { delivered_as: 'admin_initiated', author: { type: 'admin', id: wash } }
    })
    const opened = await client.conversations.find({ id: emailConversation })
    t.match(opened, { state: 'open', open: true, admin_assignee_id: Number(wash), source: { type: 'email', subject: 'Your order' } })
    t.same(contactIdsOf(opened), [lead.id])
  })

  await t.test('finds a conversation with HTML bodies, and as plaintext (inPlainText sends display_as)', async t => {
    const html = await client.conversations.find({ id: userConversation })
    t.match(html, { type: 'conversation', id: userConversation, source: { body: '<p>Hello from the user</p>', author: { type: 'user', id: user.id } } })
    t.equal((await client.conversations.find({ id: userConversation, inPlainText: true })).source.body, 'Hello from the user')
  })

  await t.test('the user and an admin reply; the user answers the in-app message by replyByLastAsUser', async t => {
    tick()
    const byUser = await client.conversations.replyByIdAsUser({ id: userConversation, body: 'Is anyone there?', intercomUserId: user.id })
    t.match(byUser.conversation_parts.conversation_parts.at(-1), { part_type: 'comment', body: '<p>Is anyone there?</p>', author: { type: 'user', id: user.id } })
    tick()
    const byAdmin = await client.conversations.replyByIdAsAdmin({ id: userConversation, adminId: wash, messageType: ReplyToConversationMessageType.COMMENT, body: 'Right here' })
    t.match(byAdmin, { waiting_since: null, read: true })
    t.match(byAdmin.conversation_parts.conversation_parts.at(-1), { part_type: 'comment', body: '<p>Right here</p>', author: { type: 'admin', id: wash, name: 'Wash' } })

    tick()
    const toLast = await client.conversations.replyByLastAsUser({ body: 'Thanks for the welcome', userId: 'sdk5-user' })
    t.equal(toLast.id, inappConversation, 'last is the user\'s newest conversation')
    t.match(toLast, { state: 'open', read: false, first_contact_reply: { created_at: now() } })
    t.equal(toLast.conversation_parts.conversation_parts.at(-1)?.part_type, 'open')
    const read = await client.conversations.update({ id: inappConversation, markRead: true })
    t.match(read, { id: inappConversation, read: true })
  })

  await t.test('an admin closes, reopens, assigns to an admin and a team, and snoozes with close/open/assign/snooze', async t => {
    tick()
    t.match(await client.conversations.close({ id: userConversation, adminId: wash, body: 'Closing this' }), { state: 'closed', open: false })
    tick()
    t.match(await client.conversations.open({ id: userConversation, adminId: wash }), { state: 'open', open: true })
    tick()
    const toZoe = await client.conversations.assign({ id: userConversation, type: AssignToConversationUserType.ADMIN, adminId: wash, assigneeId: FIXTURE.zoe.id })
    t.match(toZoe, { admin_assignee_id: Number(FIXTURE.zoe.id) })
    tick()
    const toCrew = await client.conversations.assign({ id: userConversation, type: AssignToConversationUserType.TEAM, adminId: wash, assigneeId: FIXTURE.crew.id, body: 'Crew, take it' })
    t.match(toCrew, { admin_assignee_id: Number(FIXTURE.zoe.id), team_assignee_id: Number(FIXTURE.crew.id) })
    tick()
    // 5.x snoozes through /reply, with no `type` and a string snoozed_until, as the 1.x and 2.0–2.6 docs show it.
    const snoozed = await client.conversations.snooze({ id: userConversation, adminId: FIXTURE.zoe.id, snoozedUntil: String(now() + 3600) })
    t.match(snoozed, { state: 'snoozed', open: true, snoozed_until: now() + 3600 })
    t.same(snoozed.conversation_parts.conversation_parts.map(p => p.part_type), ['comment', 'comment', 'close', 'open', 'assignment', 'assignment', 'snoozed'])
  })

  await t.test('lists every conversation exactly once, following pages.next.starting_after with list({ startingAfter, perPage })', async t => {
    for (let i = 0; i < 25; i++) {
      tick()
      bulk.push(conversationOf(await client.conversations.create({ userId: user.id, body: `Bulk ${i}` })))
    }
    const all = [userConversation, leadConversation, visitorConversation, inappConversation, emailConversation, ...bulk]
    const seen: string[] = []
    const sizes: number[] = []
    let page = await client.conversations.list({ perPage: 10 })
    t.match(page, { type: 'conversation.list', total_count: 30, pages: { type: 'pages', page: 1, per_page: 10, total_pages: 3 } })
    for (;;) {
      seen.push(...page.conversations.map(c => c.id))
      sizes.push(page.conversations.length)
      const startingAfter = page.pages.next?.starting_after
      if (startingAfter === undefined) break
      page = await client.conversations.list({ startingAfter, perPage: 10 })
    }
    t.same(sizes, [10, 10, 10])
    t.same([...seen].sort(), [...all].sort(), 'every conversation, each once')
    t.equal(page.pages.page, 3)
  })

  await t.test('searches conversations, sorted, walking every page of the results', async t => {
    const query = { operator: Operators.AND, value: [{ field: 'open', operator: Operators.EQUALS, value: 'true' }, { field: 'contact_ids', operator: Operators.EQUALS, value: user.id }] }
    const sort = { field: 'created_at', order: SearchConversationOrderBy.ASC }
    const found: string[] = []
    let startingAfter: string | undefined
    do {
      const page = await client.conversations.search({ data: { query, sort, pagination: { per_page: 5, ...(startingAfter === undefined ? {} : { starting_after: startingAfter }) } } })
      t.equal(page.total_count, 27)
      found.push(...page.conversations.map(c => c.id))
      startingAfter = page.pages.next?.starting_after
    } while (startingAfter !== undefined)
    t.same(found, [userConversation, inappConversation, ...bulk], 'oldest first, as sorted')
  })

  await t.test('merging the lead into the user carries the lead\'s conversations over', async t => {
    t.match(await client.contacts.mergeLeadInUser({ leadId: lead.id, userId: user.id }), { type: 'contact', id: user.id, role: 'user', external_id: 'sdk5-user' })
    t.same(contactIdsOf(await client.conversations.find({ id: leadConversation })), [user.id])
  })

  await t.test('converts visitors to a user and to a lead (in a fresh workspace: the fixtures have two visitors)', async t => {
    const fresh = connect('sdk-v5-visitors')
    t.match(await fresh.visitors.find({ userId: FIXTURE.visitor.userId }), { type: 'visitor', id: FIXTURE.visitor.id, user_id: FIXTURE.visitor.userId })
    const asUser = await fresh.visitors.mergeToContact({ visitor: { userId: FIXTURE.visitor.userId }, user: { userId: 'sdk5-visitor', email: 'visitor@sdk5.example' }, type: Role.USER })
    t.match(asUser, { type: 'contact', id: FIXTURE.visitor.id, role: 'user', external_id: 'sdk5-visitor', email: 'visitor@sdk5.example' })
    const asLead = await fresh.visitors.mergeToContact({ visitor: { id: FIXTURE.book.id }, user: { id: FIXTURE.book.id }, type: Role.LEAD })
    t.match(asLead, { type: 'contact', id: FIXTURE.book.id, role: 'lead', email: FIXTURE.book.email })
  })

  await t.test('surfaces 404, 400 and a missing version as errors with the status and Intercom\'s message', async t => {
    const missing = await rejectionOf(client.conversations.find({ id: '1999999999' }))
    // BadResponseError is compiled to ES5 without setPrototypeOf: what 5.x throws is a plain Error with its fields.
    t.notOk(missing instanceof BadResponseError, 'not an instance of BadResponseError')
    t.match(missing, { name: 'Error', statusCode: 404, message: 'Resource Not Found', body: { type: 'error.list', errors: [{ code: 'not_found', message: 'Resource Not Found' }] } })
    t.equal(missing.headers?.['x-request-id'], (missing.body as { request_id: string }).request_id)

    const badSearch = await rejectionOf(client.conversations.search({ data: { query: { field: 'open', operator: 'LIKE' as SearchOperator, value: 'true' } } }))
    t.match(badSearch, { statusCode: 400, message: /^query\.operator must be one of/, body: { errors: [{ code: 'parameter_invalid', field: 'query.operator' }] } })

    const badVersion = await rejectionOf(connect('sdk-v5', mock.url, '2.99').conversations.find({ id: userConversation }))
    t.match(badVersion, { statusCode: 400, message: 'The requested version could not be found', body: { errors: [{ code: 'intercom_version_invalid' }] } })

    // Without the header the mock assumes 1.4 (INTERCOM_MOCK_API_VERSION), which has no POST /conversations.
    const unversioned = new Client({ tokenAuth: { token: 'sdk-v5' } }).useRequestOpts({ baseURL: mock.url })
    const tooOld = await rejectionOf(unversioned.conversations.create({ userId: user.id, body: 'x' }))
    t.match(tooOld, { statusCode: 400, message: 'Requested resource is not available in current API version.', body: { errors: [{ code: 'intercom_version_invalid' }] } })
  })

  await t.test('a wrong token (as Basic auth) against a strict mock is a 401 with Intercom\'s message', async t => {
    const strict = await listen(t, { tokens: ['good'] })
    const refused = await rejectionOf(connect('bad', strict.url).contacts.find({ id: FIXTURE.mal.id }))
    t.match(refused, { statusCode: 401, message: 'Access Token Invalid', body: { type: 'error.list', errors: [{ code: 'unauthorized', message: 'Access Token Invalid' }] } })
    t.match(await connect('good', strict.url).contacts.find({ id: FIXTURE.mal.id }), { id: FIXTURE.mal.id }, 'the listed token gets in')
  })
})

/** The conversation a message opened (2.6+ messages carry it). */
function conversationOf (message: { id: string, conversation_id?: string }): string {
  if (message.conversation_id === undefined) throw new Error(`message ${message.id} has no conversation_id`)
  return message.conversation_id
}

/**
 * The ids of a conversation's contacts. 5.x types `contacts` as a bare array (the 2.0–2.6 docs'
 * shape); the mock sends the `contact.list` wrapper of the OpenAPI (2.7's stands in for 2.6).
 */
function contactIdsOf (conversation: ConversationObject): string[] {
  return (conversation.contacts as unknown as { contacts: Array<{ id: string }> }).contacts.map(c => c.id)
}

/** What a 5.x call rejected with: an Error carrying the HTTP status, the error.list body and the headers. */
async function rejectionOf (call: Promise<unknown>): Promise<Error & { statusCode?: number, body?: unknown, headers?: Record<string, string> }> {
  try {
    await call
  } catch (error) {
    if (error instanceof Error) return error
    throw error
  }
  throw new Error('the call succeeded')
}
