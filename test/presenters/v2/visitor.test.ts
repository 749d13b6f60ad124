import t from 'tap'
import { presentVisitorV2 } from '../../../src/presenters/v2/visitor.js'
import { APP_ID, book, T0, V2_LABELS, version, visitor } from './fixtures/objects.js'
import { assertSpec } from './fixtures/assert-spec.js'

function expectedVisitor (fields: { id: string, user_id: string, email: string, name: string | null, pseudonym: string | null, image_url: string | null, signed_up_at: number }): object {
  return {
    type: 'visitor',
    id: fields.id,
    user_id: fields.user_id,
    anonymous: true,
    email: fields.email,
    phone: null,
    name: fields.name,
    pseudonym: fields.pseudonym,
    avatar: { type: 'avatar', image_url: fields.image_url },
    app_id: APP_ID,
    companies: { type: 'company.list', companies: [] },
    location_data: {},
    last_request_at: T0 - 60,
    created_at: T0 - 86400,
    remote_created_at: fields.signed_up_at,
    signed_up_at: fields.signed_up_at,
    updated_at: T0 - 3600,
    session_count: 1,
    social_profiles: { type: 'social_profile.list', social_profiles: [] },
    owner_id: null,
    unsubscribed_from_emails: false,
    marked_email_as_spam: false,
    has_hard_bounced: false,
    tags: { type: 'tag.list', tags: [] },
    segments: { type: 'segment.list', segments: [] },
    custom_attributes: { landing_page: '/pricing' },
    referrer: null,
    utm_campaign: null,
    utm_content: null,
    utm_medium: null,
    utm_source: null,
    utm_term: null,
    do_not_track: null
  }
}

t.test('a visitor renders as the spec example shows one, its anonymous id as user_id, in every version', async t => {
  for (const label of V2_LABELS) {
    t.strictSame(presentVisitorV2(visitor, APP_ID, version(label)), expectedVisitor({
      id: visitor.id,
      user_id: '8a88a590-e1c3-41e2-a502-e0649dbf721c',
      email: '',
      name: null,
      pseudonym: 'Orange Shepherd from Persephone',
      image_url: null,
      // never signed up: created_at, as in Intercom's example visitor
      signed_up_at: T0 - 86400
    }), label)
  }
})

t.test('a visitor who gave an email and signed up keeps them', async t => {
  t.strictSame(presentVisitorV2(book, APP_ID, version('2.11')), expectedVisitor({
    id: book.id,
    user_id: '3ecf64d0-9ed1-4e9f-88e1-da7d6e6782f3',
    email: 'book@abbey.org',
    name: 'Shepherd Book',
    pseudonym: 'Orange Shepherd from Persephone',
    image_url: 'https://example.org/book.png',
    signed_up_at: T0 - 7200
  }))
})

t.test('visitors match GET /visitors in every version', async t => {
  for (const label of V2_LABELS) {
    for (const c of [visitor, book]) assertSpec(t, label, 'GET', `/visitors?user_id=${c.anonymousId ?? ''}`, presentVisitorV2(c, APP_ID, version(label)))
  }
})
