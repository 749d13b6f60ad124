import t from 'tap'
import { Intercom, IntercomClient } from 'intercom-client-v6'
import { FIXTURE, listen } from '../helper.js'

/**
 * intercom-client 6.4.0 (Fern-generated, Bearer auth, always sends Intercom-Version 2.11) driven
 * through a product's whole 2.x scenario against the mock on a real socket. 6.x sends the same
 * requests as 7.x but has no `queryParams` request option, no `showContactByExternalId` (the endpoint
 * is 2.14's) and no client-wide `maxRetries`. Assertions are on what the SDK parsed; every response
 * is also checked against the 2.11 OpenAPI by the helper.
 */
t.test('intercom-client 6.4.0 (Bearer, Intercom-Version 2.11) through a whole product scenario', async t => {
  const mock = await listen(t)
  const client = new IntercomClient({ token: 'sdk-v6', baseUrl: mock.url })
  const now = () => mock.clock.now()
  const tick = () => { mock.clock.advance(1) }
  const WASH = Number(FIXTURE.wash.id)
  const once = { maxRetries: 0 }

  let user!: Intercom.Contact
  let lead!: Intercom.Contact
  let userConversation!: string
  let leadConversation!: string
  let visitorConversation!: string
  let inappConversation!: string
  let emailConversation!: string
  const bulk: string[] = []

  await t.test('creates a user and a lead, and finds the user by id and by a search on external_id', async t => {
    user = await client.contacts.create({ role: 'user', external_id: 'sdk6-user', email: 'user@sdk6.example', name: 'SDK6 User' })
    t.match(user, { type: 'contact', role: 'user', external_id: 'sdk6-user', email: 'user@sdk6.example', name: 'SDK6 User' })
    lead = await client.contacts.create({ role: 'lead', name: 'SDK6 Lead', email: 'lead@sdk6.example' })
    t.match(lead, { type: 'contact', role: 'lead', external_id: null, email: 'lead@sdk6.example' })

    t.match(await client.contacts.find({ contact_id: user.id }), { type: 'contact', id: user.id, role: 'user', external_id: 'sdk6-user' })
    const byExternalId = await client.contacts.search({ query: { field: 'external_id', operator: '=', value: 'sdk6-user' } })
    t.same(byExternalId.data.map(c => c.id), [user.id], 'find by external id, as 6.x can (find_by_external_id is 2.14\'s)')

    const leads = await client.contacts.search({ query: { field: 'role', operator: '=', value: 'lead' }, pagination: { per_page: 2 } })
    t.equal(leads.data.length, 2, 'a first page of two')
    t.ok(leads.hasNextPage())
    const leadIds: string[] = []
    for await (const contact of leads) leadIds.push(contact.id)
    t.same(leadIds.sort(), [lead.id, FIXTURE.simon.id, FIXTURE.river.id].sort(), 'the paginator walks both pages')
  })

  await t.test('the user, the lead and a visitor start conversations; the visitor becomes a lead', async t => {
    tick()
    const fromUser = await client.conversations.create({ from: { type: 'user', id: user.id }, body: 'Hello from the user' })
    t.strictSame(fromUser, {
      type: 'user_message', id: fromUser.id, created_at: now(), subject: '', body: 'Hello from the user', message_type: 'inapp', conversation_id: fromUser.conversation_id
    }, '2.11 requires subject on a user message')
    userConversation = fromUser.conversation_id
    tick()
    leadConversation = (await client.conversations.create({ from: { type: 'lead', id: lead.id }, body: 'Hi from the lead' })).conversation_id
    tick()
    visitorConversation = (await client.conversations.create({ from: { type: 'contact', id: FIXTURE.visitor.userId }, body: 'Hi from a visitor' })).conversation_id
    t.equal(new Set([userConversation, leadConversation, visitorConversation]).size, 3)

    t.match(await client.conversations.find({ conversation_id: leadConversation }), {
      state: 'open', open: true, read: false, waiting_since: now() - 1, ai_agent_participated: false,
      source: { delivered_as: 'customer_initiated', author: { type: 'lead', id: lead.id } }
    })
    const visitors = await client.conversations.find({ conversation_id: visitorConversation })
    t.same(visitors.contacts.contacts.map(c => c.id), [FIXTURE.visitor.id])
    t.match(await client.contacts.find({ contact_id: FIXTURE.visitor.id }), { id: FIXTURE.visitor.id, role: 'lead' }, 'the visitor is now a lead, same id')
  })

  await t.test('an admin sends an in-app message and an email; only the email opens its conversation now', async t => {
    tick()
    const inapp = await client.messages.create({ message_type: 'inapp', body: 'Welcome aboard', from: { type: 'admin', id: WASH }, to: { type: 'user', id: user.id } })
    t.match(inapp, { type: 'admin_message', message_type: 'inapp', subject: '', body: 'Welcome aboard', created_at: now(), owner: { type: 'admin', id: FIXTURE.wash.id } })
    inappConversation = inapp.conversation_id
    tick()
    const email = await client.messages.create({
      message_type: 'email',
      subject: 'Your order',
      body: 'It shipped',
      template: 'personal',
      from: { type: 'admin', id: WASH },
      to: { type: 'lead', id: lead.id },
      create_conversation_without_contact_reply: true
    })
    t.match(email, { type: 'admin_message', message_type: 'email', subject: 'Your order' })
    emailConversation = email.conversation_id

    t.match(await client.conversations.find({ conversation_id: inappConversation }), {
      state: 'closed', open: false, admin_assignee_id: WASH, source: { delivered_as: 'admin_initiated', author: { type: 'admin', id: FIXTURE.wash.id } }
    })
    const opened = await client.conversations.find({ conversation_id: emailConversation })
    t.match(opened, { state: 'open', open: true, admin_assignee_id: WASH, source: { type: 'email', subject: 'Your order' } })
    t.same(opened.contacts.contacts.map(c => c.id), [lead.id])
  })

  await t.test('finds a conversation with HTML bodies, and as plaintext with display_as', async t => {
    const html = await client.conversations.find({ conversation_id: userConversation })
    t.match(html, { type: 'conversation', id: userConversation, source: { body: '<p>Hello from the user</p>', author: { type: 'user', id: user.id } } })
    t.same(html.contacts.contacts, [{ type: 'contact', id: user.id, external_id: 'sdk6-user' }])
    t.equal((await client.conversations.find({ conversation_id: userConversation, display_as: 'plaintext' })).source.body, 'Hello from the user')
  })

  await t.test('the user and an admin reply; the user answers the in-app message through last and it is marked read', async t => {
    tick()
    const byUser = await client.conversations.reply({ conversation_id: userConversation, body: { message_type: 'comment', type: 'user', body: 'Is anyone there?', intercom_user_id: user.id } })
    t.match(byUser.conversation_parts?.conversation_parts.at(-1), { part_type: 'comment', body: '<p>Is anyone there?</p>', author: { type: 'user', id: user.id } })
    tick()
    const byAdmin = await client.conversations.reply({ conversation_id: userConversation, body: { message_type: 'note', type: 'admin', admin_id: FIXTURE.wash.id, body: 'Checking stock' } })
    t.ok(byUser.waiting_since !== undefined && byUser.waiting_since !== null, 'the user waits')
    t.match(byAdmin, { waiting_since: byUser.waiting_since, read: false, conversation_parts: { total_count: 2 } }, 'a note neither answers nor reads it')
    tick()
    const answered = await client.conversations.reply({ conversation_id: userConversation, body: { message_type: 'comment', type: 'admin', admin_id: FIXTURE.wash.id, body: 'In stock' } })
    t.match(answered, { waiting_since: null, read: true })
    t.match(answered.conversation_parts?.conversation_parts.at(-1), { part_type: 'comment', body: '<p>In stock</p>', author: { type: 'admin', id: FIXTURE.wash.id, name: 'Wash' } })

    tick()
    const toLast = await client.conversations.reply({ conversation_id: 'last', body: { message_type: 'comment', type: 'user', body: 'Thanks for the welcome', email: 'user@sdk6.example' } })
    t.equal(toLast.id, inappConversation, 'last is the user\'s newest conversation')
    t.match(toLast, { state: 'open', read: false, first_contact_reply: { created_at: now() } })
    t.equal(toLast.conversation_parts?.conversation_parts.at(-1)?.part_type, 'open', 'a user\'s reply to a closed conversation reopens it')
    t.match(await client.conversations.update({ conversation_id: inappConversation, read: true }), { id: inappConversation, read: true })
  })

  await t.test('an admin closes, reopens, assigns to an admin and a team, and snoozes with conversations.manage', async t => {
    tick()
    t.match(await client.conversations.manage({ conversation_id: userConversation, body: { message_type: 'close', type: 'admin', admin_id: FIXTURE.wash.id } }), { state: 'closed', open: false })
    tick()
    t.match(await client.conversations.manage({ conversation_id: userConversation, body: { message_type: 'open', admin_id: FIXTURE.wash.id } }), { state: 'open', open: true })
    tick()
    t.match(await client.conversations.manage({ conversation_id: userConversation, body: { message_type: 'assignment', type: 'admin', admin_id: FIXTURE.wash.id, assignee_id: FIXTURE.kaylee.id } }), {
      admin_assignee_id: Number(FIXTURE.kaylee.id)
    })
    tick()
    t.match(await client.conversations.manage({ conversation_id: userConversation, body: { message_type: 'assignment', type: 'team', admin_id: FIXTURE.wash.id, assignee_id: FIXTURE.crew.id } }), {
      admin_assignee_id: Number(FIXTURE.kaylee.id), team_assignee_id: Number(FIXTURE.crew.id)
    })
    tick()
    const snoozed = await client.conversations.manage({ conversation_id: userConversation, body: { message_type: 'snoozed', admin_id: FIXTURE.wash.id, snoozed_until: now() + 600 } })
    t.match(snoozed, { state: 'snoozed', snoozed_until: now() + 600 })
    t.same(snoozed.conversation_parts?.conversation_parts.map(p => p.part_type), ['comment', 'note', 'comment', 'close', 'open', 'assignment', 'assignment', 'snoozed'])
  })

  await t.test('lists every conversation exactly once across pages of 10 with the SDK\'s paginator', async t => {
    for (let i = 0; i < 25; i++) {
      tick()
      bulk.push((await client.conversations.create({ from: { type: 'user', id: user.id }, body: `Bulk ${i}` })).conversation_id)
    }
    const all = [userConversation, leadConversation, visitorConversation, inappConversation, emailConversation, ...bulk]
    const seen: string[] = []
    for await (const conversation of await client.conversations.list({ per_page: 10 })) seen.push(conversation.id)
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

  await t.test('searches conversations and iterates every page of the results', async t => {
    const results = await client.conversations.search({
      query: { operator: 'AND', value: [{ field: 'open', operator: '=', value: 'true' }, { field: 'contact_ids', operator: '=', value: user.id }] },
      pagination: { per_page: 5 }
    })
    t.equal(results.data.length, 5)
    const found: string[] = []
    for await (const conversation of results) found.push(conversation.id)
    t.same(found.sort(), [userConversation, inappConversation, ...bulk].sort())
  })

  await t.test('merging the lead into the user carries the lead\'s conversations over', async t => {
    t.match(await client.contacts.mergeLeadInUser({ from: lead.id, into: user.id }), { type: 'contact', id: user.id, role: 'user' })
    t.same((await client.conversations.find({ conversation_id: leadConversation })).contacts.contacts.map(c => c.id), [user.id])
    t.same((await client.conversations.find({ conversation_id: emailConversation })).contacts.contacts.map(c => c.id), [user.id])
  })

  await t.test('converts visitors into an existing user and to a lead (in a fresh workspace: the fixtures have two visitors)', async t => {
    const fresh = new IntercomClient({ token: 'sdk-v6-visitors', baseUrl: mock.url })
    const merged = await fresh.visitors.mergeToContact({ type: 'user', user: { id: FIXTURE.mal.id }, visitor: { user_id: FIXTURE.visitor.userId } })
    t.match(merged, { type: 'contact', id: FIXTURE.mal.id, role: 'user', email: FIXTURE.mal.email }, 'merged into the user, who is answered')
    const gone = await fresh.visitors.find({ user_id: FIXTURE.visitor.userId }, once).then(() => null, (error: unknown) => error)
    t.ok(gone instanceof Intercom.NotFoundError, 'the visitor is gone')
    t.match(gone, { statusCode: 404, body: { errors: [{ code: 'not_found', message: 'Visitor Not Found' }] } })
    const asLead = await fresh.visitors.mergeToContact({ type: 'lead', user: { id: FIXTURE.book.id }, visitor: { id: FIXTURE.book.id } })
    t.match(asLead, { type: 'contact', id: FIXTURE.book.id, role: 'lead', email: FIXTURE.book.email })
  })

  await t.test('a per-request version changes the shape the SDK parses', async t => {
    const at210 = await client.conversations.create({ from: { type: 'user', id: user.id }, body: 'From 2.10' }, { version: '2.10' })
    t.notOk('subject' in at210, 'only 2.11 requires subject on a user message')
    const conversation = await client.conversations.find({ conversation_id: at210.conversation_id }, { version: '2.10' })
    t.notOk('ai_agent' in conversation, 'ai_agent came with 2.11')
    t.ok('ai_agent' in (await client.conversations.find({ conversation_id: at210.conversation_id })))
  })

  await t.test('surfaces 404 and 400 as the SDK\'s typed errors with Intercom\'s error code and message', async t => {
    const missing = await client.conversations.find({ conversation_id: '1999999999' }, once).then(() => null, (error: unknown) => error)
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
      { ...once, headers: { 'Intercom-Version': '2.99' } }
    ).then(() => null, (error: unknown) => error)
    t.ok(badVersion instanceof Intercom.BadRequestError)
    t.match(badVersion, { statusCode: 400, body: { errors: [{ code: 'intercom_version_invalid', message: 'The requested version could not be found' }] } })

    const badSearch = await client.contacts.search({ query: { operator: 'AND', value: [{ field: 'email', operator: '>', value: 'a' }] } }, once).then(() => null, (error: unknown) => error)
    t.notOk(badSearch instanceof Intercom.BadRequestError, 'search maps no 400')
    t.match(badSearch, { statusCode: 400, body: { errors: [{ code: 'parameter_invalid', field: 'query.value[0].operator' }] } })
  })

  await t.test('a wrong token against a strict mock is the SDK\'s UnauthorizedError', async t => {
    const strict = await listen(t, { tokens: ['good'] })
    const wrong = new IntercomClient({ token: 'bad', baseUrl: strict.url })
    const refused = await wrong.contacts.find({ contact_id: FIXTURE.mal.id }, once).then(() => null, (error: unknown) => error)
    t.ok(refused instanceof Intercom.UnauthorizedError)
    t.match(refused, { statusCode: 401, body: { type: 'error.list', errors: [{ code: 'unauthorized', message: 'Access Token Invalid' }] } })
  })
})
