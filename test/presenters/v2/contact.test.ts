import t from 'tap'
import type { Contact } from '../../../src/domain/types.js'
import { presentContactListV2, presentContactV2, presentDeletedContactV2 } from '../../../src/presenters/v2/contact.js'
import { APP_ID, atLeast, jayne, mal, page, river, simon, T0, V2_LABELS, version, visitor } from './fixtures/objects.js'
import { assertSpec } from './fixtures/assert-spec.js'

function nested (id: string, path: string): object {
  return { type: 'list', data: [], url: `/contacts/${id}/${path}`, total_count: 0, has_more: false }
}

/** Everything Intercom returns for a contact that the mock does not model: null, false or empty. */
function expectedContact (label: string, fields: { id: string, external_id: string | null, role: string, email: string }, c: Contact): object {
  return {
    type: 'contact',
    id: fields.id,
    workspace_id: APP_ID,
    external_id: fields.external_id,
    role: fields.role,
    email: fields.email,
    phone: c.phone,
    name: c.name,
    avatar: c.avatarUrl === null ? null : { type: 'avatar', image_url: c.avatarUrl },
    owner_id: null,
    social_profiles: { type: 'list', data: [] },
    has_hard_bounced: false,
    marked_email_as_spam: false,
    unsubscribed_from_emails: false,
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    signed_up_at: c.signedUpAt,
    last_seen_at: c.lastRequestAt,
    last_replied_at: c.lastRepliedAt,
    last_contacted_at: null,
    last_email_opened_at: null,
    last_email_clicked_at: null,
    language_override: null,
    browser: null,
    browser_version: null,
    browser_language: null,
    os: null,
    location: { type: 'location', country: null, region: null, city: null, country_code: null, continent_code: null },
    android_app_name: null,
    android_app_version: null,
    android_device: null,
    android_os_version: null,
    android_sdk_version: null,
    android_last_seen_at: null,
    ios_app_name: null,
    ios_app_version: null,
    ios_device: null,
    ios_os_version: null,
    ios_sdk_version: null,
    ios_last_seen_at: null,
    custom_attributes: c.customAttributes,
    tags: nested(fields.id, 'tags'),
    notes: nested(fields.id, 'notes'),
    companies: nested(fields.id, 'companies'),
    opted_out_subscription_types: nested(fields.id, 'subscriptions'),
    opted_in_subscription_types: nested(fields.id, 'subscriptions'),
    utm_campaign: null,
    utm_content: null,
    utm_medium: null,
    utm_source: null,
    utm_term: null,
    referrer: null,
    ...(atLeast(label, 12) ? { enabled_push_messaging: null } : {})
  }
}

t.test('a user with everything renders as a 2.x contact in every version', async t => {
  for (const label of V2_LABELS) {
    const wire = presentContactV2(mal, APP_ID, version(label))
    t.strictSame(wire, expectedContact(label, { id: mal.id, external_id: '25', role: 'user', email: 'mal@serenity.io' }, mal), label)
  }
  const wire = presentContactV2(mal, APP_ID, version('2.11'))
  t.equal(wire.last_seen_at, T0 - 600, 'last_seen_at is the last request')
  t.strictSame(wire.custom_attributes, { ship: 'Serenity', crew_size: 9, captain: true })
  t.strictSame(wire.avatar, { type: 'avatar', image_url: 'https://example.org/mal.png' })
})

t.test('leads, users without an email and visitors', async t => {
  const v = version('2.10')
  t.strictSame(presentContactV2(river, APP_ID, v), expectedContact('2.10', { id: river.id, external_id: null, role: 'lead', email: '' }, river),
    'a lead with nothing: email "" as Intercom\'s example of a person without one')
  t.strictSame(presentContactV2(simon, APP_ID, v), expectedContact('2.10', { id: simon.id, external_id: null, role: 'lead', email: 'simon@serenity.io' }, simon))
  t.strictSame(presentContactV2(jayne, APP_ID, v), expectedContact('2.10', { id: jayne.id, external_id: '27', role: 'user', email: '' }, jayne))
  t.equal(presentContactV2(visitor, APP_ID, v).role, 'lead', 'a visitor shown as a contact is a lead')
})

t.test('enabled_push_messaging appears from 2.12', async t => {
  t.notOk('enabled_push_messaging' in presentContactV2(mal, APP_ID, version('2.11')))
  t.equal(presentContactV2(mal, APP_ID, version('2.12')).enabled_push_messaging, null)
  t.equal(presentContactV2(mal, APP_ID, version('Preview')).enabled_push_messaging, null)
})

t.test('a contact list is a list with the total and cursor pages, for listing and searching alike', async t => {
  const v = version('2.14')
  const list = presentContactListV2(page([mal, river], { perPage: 2, totalCount: 5, totalPages: 3, nextStartingAfter: 'WzIsMl0=' }), APP_ID, v)
  t.strictSame(list, {
    type: 'list',
    data: [presentContactV2(mal, APP_ID, v), presentContactV2(river, APP_ID, v)],
    total_count: 5,
    pages: { type: 'pages', page: 1, per_page: 2, total_pages: 3, next: { per_page: 2, starting_after: 'WzIsMl0=' } }
  })
  t.strictSame(presentContactListV2(page([], { perPage: 50, totalPages: 0 }), APP_ID, v),
    { type: 'list', data: [], total_count: 0, pages: { type: 'pages', page: 1, per_page: 50, total_pages: 0 } })
})

t.test('a deleted contact answers Stripe-style `object` before 2.10, then `type` and `external_id`', async t => {
  for (const label of V2_LABELS) {
    const expected = atLeast(label, 10)
      ? { id: mal.id, external_id: '25', type: 'contact', deleted: true }
      : { id: mal.id, object: 'contact', deleted: true }
    t.strictSame(presentDeletedContactV2(mal, version(label)), expected, label)
  }
  t.strictSame(presentDeletedContactV2(river, version('2.16')), { id: river.id, external_id: null, type: 'contact', deleted: true })
})

t.test('contacts match every operation that answers one, in every version', async t => {
  for (const label of V2_LABELS) {
    const v = version(label)
    for (const c of [mal, jayne, simon, river]) {
      const body = presentContactV2(c, APP_ID, v)
      assertSpec(t, label, 'GET', `/contacts/${c.id}`, body)
      assertSpec(t, label, 'POST', '/contacts', body)
      assertSpec(t, label, 'PUT', `/contacts/${c.id}`, body)
      assertSpec(t, label, 'POST', '/contacts/merge', body)
      assertSpec(t, label, 'DELETE', `/contacts/${c.id}`, presentDeletedContactV2(c, v))
    }
    for (const p of [page([mal, jayne, simon, river], { totalCount: 9, totalPages: 3, nextStartingAfter: 'WzIsNF0=' }), page([river])]) {
      const body = presentContactListV2(p, APP_ID, v)
      assertSpec(t, label, 'GET', '/contacts', body)
      assertSpec(t, label, 'POST', '/contacts/search', body)
    }
  }
})
