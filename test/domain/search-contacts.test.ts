import t, { type Test } from 'tap'
import type { DomainContext } from '../../src/domain/context.js'
import { searchContacts } from '../../src/domain/search.js'
import { build, FIXTURE, fixtures, T0, type TestApp } from '../helper.js'


const filter = (field: string, operator: string, value: unknown) => ({ field, operator, value })
const and = (...value: unknown[]) => ({ operator: 'AND', value })

async function post (api: TestApp, url: string, payload: Record<string, unknown>, token = 'test-token'): Promise<{ id: string }> {
  const res = await api.request({ method: 'POST', url, payload, token, version: '1.4' })
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`)
  return res.json()
}

/**
 * The default fixtures (users Mal, Inara, Jayne; leads Simon, River; two visitors, one with the email
 * book@abbey.org) plus Joe, a user with custom attributes, and Kaywinnet, a lead with a phone.
 */
const api = await build(t)
const joe = await post(api, '/users', {
  user_id: 'ext-1', email: 'Joe@Example.com', name: 'Joe', phone: '+353 1 555 0100',
  custom_attributes: { plan: 'pro', seats: 12, vip: true, "it's": 'quoted' }
})
const kaywinnet = await post(api, '/contacts', { email: 'kaylee@serenity.io', name: 'Kaywinnet Frye', phone: '+1 555 0199' })
const ctx = api.ctxFor()

const USERS = [FIXTURE.mal.id, FIXTURE.inara.id, FIXTURE.jayne.id, joe.id]
const LEADS = [FIXTURE.simon.id, FIXTURE.river.id, kaywinnet.id]
const EVERYONE = [...USERS, ...LEADS]

function finds (t: Test, query: unknown, expected: string[], on: DomainContext = ctx, what = JSON.stringify(query)): void {
  const page = searchContacts(on, { query })
  t.same(page.items.map(c => c.id).sort(), [...expected].sort(), what)
  t.equal(page.totalCount, expected.length, `${what}: total_count`)
}

t.test('users and leads are found; visitors never are', async t => {
  finds(t, filter('id', '!=', 'none'), EVERYONE)
  finds(t, filter('role', '=', 'user'), USERS)
  finds(t, filter('role', '!=', 'user'), LEADS, ctx, 'a visitor is not a lead either')
  finds(t, filter('role', 'IN', ['user', 'lead']), EVERYONE)
  finds(t, filter('email', '=', FIXTURE.book.email), [], ctx, 'the visitor with that email')
  finds(t, filter('id', '=', FIXTURE.visitor.id), [])
  const page = searchContacts(ctx, { query: filter('external_id', '=', 'ext-1') })
  t.match(page.items, [{ id: joe.id, role: 'user', externalId: 'ext-1', email: 'joe@example.com', customAttributes: { plan: 'pro' } }])
})

t.test('deleted contacts are never found', async t => {
  const api = await build(t)
  const gone = await post(api, '/users', { user_id: 'gone', email: 'gone@example.com' })
  const res = await api.request({ method: 'DELETE', url: `/users/${gone.id}`, version: '1.4' })
  t.equal(res.statusCode, 200)
  const here = api.ctxFor()
  finds(t, filter('email', '=', 'gone@example.com'), [], here)
  finds(t, filter('id', '=', gone.id), [], here)
  t.equal(searchContacts(here, { query: filter('id', '!=', 'x') }).totalCount, 5, 'the fixtures, without the visitors or the deleted')
})

t.test('string fields: =, !=, IN, NIN, ~, !~, ^, $', async t => {
  finds(t, filter('name', '=', 'Joe'), [joe.id])
  finds(t, filter('name', '!=', 'Joe'), EVERYONE.filter(id => id !== joe.id), ctx, 'River has no name, and is not Joe')
  finds(t, filter('name', '=', null), [FIXTURE.river.id])
  finds(t, filter('name', 'IN', ['Joe', 'Simon Tam']), [joe.id, FIXTURE.simon.id])
  finds(t, filter('name', 'NIN', ['Joe', 'Simon Tam']), [FIXTURE.mal.id, FIXTURE.inara.id, FIXTURE.jayne.id, FIXTURE.river.id, kaywinnet.id])
  finds(t, filter('name', '~', 'RA'), [FIXTURE.inara.id])
  finds(t, filter('name', '!~', 'a'), [joe.id, FIXTURE.river.id])
  finds(t, filter('name', '^', 'Kay'), [kaywinnet.id])
  finds(t, filter('name', '$', 'Frye'), [kaywinnet.id])
  finds(t, filter('email', '=', 'JOE@example.com'), [joe.id], ctx, 'emails are compared downcased')
  finds(t, filter('email_domain', '=', 'serenity.io'), [FIXTURE.mal.id, FIXTURE.inara.id, FIXTURE.jayne.id, FIXTURE.simon.id, FIXTURE.river.id, kaywinnet.id])
  finds(t, filter('email_domain', '=', 'Example.com'), [joe.id])
  finds(t, filter('email_domain', 'NIN', ['serenity.io']), [joe.id])
  finds(t, filter('phone', '^', '+353'), [joe.id])
  finds(t, filter('phone', '!=', null), [joe.id, kaywinnet.id])
  finds(t, filter('external_id', '=', 25), [FIXTURE.mal.id], ctx, 'an external id sent as a number')
  finds(t, filter('external_id', 'IN', ['25', '26']), [FIXTURE.mal.id, FIXTURE.inara.id])
})

t.test('booleans, and what the mock does not keep: owners, tags, segments, email events', async t => {
  finds(t, filter('unsubscribed_from_emails', '=', true), [FIXTURE.jayne.id])
  finds(t, filter('unsubscribed_from_emails', '!=', 'true'), EVERYONE.filter(id => id !== FIXTURE.jayne.id))
  finds(t, filter('unsubscribed_from_emails', 'IN', [true, false]), EVERYONE)
  finds(t, filter('marked_email_as_spam', '=', false), EVERYONE)
  finds(t, filter('has_hard_bounced', '=', true), [])
  finds(t, filter('owner_id', '=', null), EVERYONE)
  finds(t, filter('owner_id', '>', 0), [])
  finds(t, filter('tag_id', '=', '123'), [])
  finds(t, filter('tag_id', '!=', '123'), EVERYONE)
  finds(t, filter('segment_id', 'IN', ['1', '2']), [])
  finds(t, filter('last_email_opened_at', '=', null), EVERYONE)
})

t.test('custom attributes compare as the type of the value sent', async t => {
  finds(t, filter('custom_attributes.plan', '=', 'pro'), [joe.id])
  finds(t, filter('custom_attributes.plan', '=', 'captain'), [FIXTURE.mal.id])
  finds(t, filter('custom_attributes.plan', 'IN', ['pro', 'captain']), [joe.id, FIXTURE.mal.id])
  finds(t, filter('custom_attributes.plan', '!=', 'pro'), EVERYONE.filter(id => id !== joe.id), ctx, 'those without a plan are not on pro')
  finds(t, filter('custom_attributes.plan', '=', null), EVERYONE.filter(id => id !== joe.id && id !== FIXTURE.mal.id))
  finds(t, filter('custom_attributes.plan', '~', 'APT'), [FIXTURE.mal.id])
  finds(t, filter('custom_attributes.seats', '=', 12), [joe.id])
  finds(t, filter('custom_attributes.seats', '>', 11), [joe.id])
  finds(t, filter('custom_attributes.seats', '>', 12), [], ctx, 'contacts compare integers strictly')
  finds(t, filter('custom_attributes.seats', '>=', '12'), [joe.id])
  finds(t, filter('custom_attributes.seats', '<', 12.5), [joe.id])
  finds(t, filter('custom_attributes.vip', '=', true), [joe.id])
  finds(t, filter('custom_attributes.it\'s', '=', 'quoted'), [joe.id], ctx, 'a quote in the name is part of the name')
  finds(t, filter('custom_attributes.missing', '=', 'x'), [])
})

t.test('sort by a field either way, or by a custom attribute; newest first by default', async t => {
  const order = (sort?: unknown) => searchContacts(ctx, { query: filter('role', '=', 'lead'), sort }).items.map(c => c.name)
  t.same(order(), ['Kaywinnet Frye', null, 'Simon Tam'], 'created_at descending: the API-made lead, then River, then Simon')
  t.same(order({ field: 'created_at', order: 'ascending' }), ['Simon Tam', null, 'Kaywinnet Frye'])
  t.same(order({ field: 'name', order: 'ascending' }), [null, 'Kaywinnet Frye', 'Simon Tam'])
  t.same(order({ field: 'name', order: 'descending' }), ['Simon Tam', 'Kaywinnet Frye', null])
  const plans = searchContacts(ctx, { query: filter('custom_attributes.plan', '!=', null), sort: { field: 'custom_attributes.plan', order: 'ascending' } })
  t.same(plans.items.map(c => c.customAttributes.plan), ['captain', 'pro'])
})

t.test('the cursor walks every page of contacts, 50 a page by default', async t => {
  const api = await build(t)
  for (let i = 0; i < 60; i++) {
    api.clock.set(T0 + i)
    await post(api, '/users', { user_id: `bulk-${i}`, email: `bulk${i}@bulk.example` })
  }
  const here = api.ctxFor()
  const query = filter('email_domain', '=', 'bulk.example')
  const first = searchContacts(here, { query })
  t.match(first, { page: 1, perPage: 50, totalCount: 60, totalPages: 2 })
  const second = searchContacts(here, { query, pagination: { starting_after: first.nextStartingAfter } })
  t.match(second, { page: 2, perPage: 50, totalCount: 60, totalPages: 2, nextStartingAfter: null })
  const emails = [...first.items, ...second.items].map(c => c.email)
  t.same(emails, Array.from({ length: 60 }, (_, i) => `bulk${59 - i}@bulk.example`), 'every contact once, newest first')
})

t.test('contact dates match by calendar day in the workspace timezone', async t => {
  // A workspace in Los Angeles (UTC-7 in May). Four users, made at these instants:
  //   a 2024-05-01T06:30Z  (LA: April 30, 23:30)    b 2024-05-01T08:00Z  (LA: May 1, 01:00)
  //   c 2024-05-02T05:00Z  (LA: May 1, 22:00)       d 2024-05-02T08:00Z  (LA: May 2, 01:00)
  const seed = fixtures()
  const la = await build(t, {}, { fixtures: { ...seed, app: { ...seed.app, timezone: 'America/Los_Angeles' } } })
  const made: Record<string, string> = {}
  for (const [name, at] of Object.entries({ a: Date.UTC(2024, 4, 1, 6, 30), b: Date.UTC(2024, 4, 1, 8), c: Date.UTC(2024, 4, 2, 5), d: Date.UTC(2024, 4, 2, 8) })) {
    la.clock.set(at / 1000)
    made[(await post(la, '/users', { user_id: name, email: `${name}@day.test`, signed_up_at: at / 1000, last_request_at: at / 1000 })).id] = name
  }
  const here = la.ctxFor()
  t.equal(here.workspace.app.timezone, 'America/Los_Angeles')
  const utc = { ...here, workspace: { ...here.workspace, app: { ...here.workspace.app, timezone: 'UTC' } } }
  const named = (on: DomainContext, field: string, operator: string, value: unknown) =>
    searchContacts(on, { query: and(filter('email_domain', '=', 'day.test'), filter(field, operator, value)), sort: { order: 'ascending' } })
      .items.map(c => made[c.id])

  // T0 is 2024-05-01T12:00Z: May 1 in both zones, whose days start 7 hours apart.
  t.same(named(here, 'created_at', '=', T0), ['b', 'c'], 'LA: the whole of May 1, LA time')
  t.same(named(utc, 'created_at', '=', T0), ['a', 'b'], 'UTC: the whole of May 1, UTC')
  t.same(named(here, 'created_at', '>', T0), ['d'], '> starts from the next day')
  t.same(named(utc, 'created_at', '>', T0), ['c', 'd'])
  t.same(named(here, 'created_at', '<', T0), ['a'], '< is before the start of the day')
  t.same(named(utc, 'created_at', '<', T0), [])
  t.same(named(here, 'created_at', '=', String(Date.UTC(2024, 4, 2, 6, 59, 59) / 1000)), ['b', 'c'], 'any instant of the day names it')
  t.same(named(here, 'signed_up_at', '=', T0), ['b', 'c'])
  t.same(named(here, 'last_seen_at', '>', Date.UTC(2024, 4, 1, 6, 59, 59) / 1000), ['b', 'c', 'd'], 'the last second of April 30 in LA')
  t.same(named(here, 'updated_at', '=', T0), ['b', 'c'])
})

t.test('the documented example: > 9:00 on January 1st, 2020 (UTC) starts on January 2nd', async t => {
  const seed = fixtures()
  const utc = await build(t, {}, { fixtures: { ...seed, app: { ...seed.app, timezone: 'UTC' } } })
  const jan1 = Date.UTC(2020, 0, 1) / 1000
  for (const [name, at] of [['midnight', jan1], ['ten', jan1 + 10 * 3600], ['jan2', jan1 + 86400]] as const) {
    utc.clock.set(at)
    await post(utc, '/users', { user_id: name, email: `${name}@jan.test` })
  }
  const here = utc.ctxFor()
  const emails = (operator: string, value: number) => searchContacts(here, { query: and(filter('email_domain', '=', 'jan.test'), filter('created_at', operator, value)), sort: { order: 'ascending' } }).items.map(c => c.email)
  t.same(emails('>', 1577869200), ['jan2@jan.test'])
  t.same(emails('=', 1577836800), ['midnight@jan.test', 'ten@jan.test'], '"search for created_at equal to 1577836800"')
})

t.test('last_replied_at is when the contact last replied', async t => {
  const api = await build(t)
  await post(api, '/messages', { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Hi' })
  api.clock.set(T0 + 86400)
  await post(api, '/conversations/1000000001/reply', { type: 'user', intercom_user_id: FIXTURE.mal.id, message_type: 'comment', body: 'Hello?' })
  finds(t, filter('last_replied_at', '=', T0 + 86400), [FIXTURE.mal.id], api.ctxFor())
  finds(t, filter('last_replied_at', '<', T0 + 86400), [], api.ctxFor())
})

t.test("another workspace's contacts never appear", async t => {
  const api = await build(t)
  await post(api, '/users', { user_id: 'only-a', email: 'only@a.example' }, 'workspace-a')
  finds(t, filter('email', '=', 'only@a.example'), [], api.ctxFor('workspace-b'))
  t.equal(searchContacts(api.ctxFor('workspace-a'), { query: filter('email', '=', 'only@a.example') }).totalCount, 1)
})
