import type { Contact } from '../../domain/types.js'
import type { ApiVersion } from '../../versions.js'

/**
 * A 2.x visitor (`visitor`, `GET /visitors?user_id=`): still the 1.x person shape, in every 2.x
 * description alike. Fields follow the spec's example, which (unlike the schema's misspelt
 * `las_request_at`) names `last_request_at`.
 */
export interface VisitorV2 {
  type: 'visitor'
  id: string
  user_id: string
  anonymous: true
  email: string
  phone: string | null
  name: string | null
  pseudonym: string | null
  avatar: { type: 'avatar', image_url: string | null }
  app_id: string
  companies: { type: 'company.list', companies: [] }
  location_data: Record<string, never>
  last_request_at: number | null
  created_at: number
  remote_created_at: number
  signed_up_at: number
  updated_at: number
  session_count: number
  social_profiles: { type: 'social_profile.list', social_profiles: [] }
  owner_id: null
  unsubscribed_from_emails: boolean
  marked_email_as_spam: false
  has_hard_bounced: false
  tags: { type: 'tag.list', tags: [] }
  segments: { type: 'segment.list', segments: [] }
  custom_attributes: Record<string, unknown>
  referrer: null
  utm_campaign: null
  utm_content: null
  utm_medium: null
  utm_source: null
  utm_term: null
  do_not_track: null
}

/** The same in every 2.x version; `version` keeps the signature of the other 2.x presenters. */
export function presentVisitorV2 (c: Contact, appId: string, _version: ApiVersion): VisitorV2 {
  // Intercom's example visitor was never signed up, yet has signed_up_at and remote_created_at equal to
  // created_at; both are non-nullable integers (2.11 requires signed_up_at).
  const signedUpAt = c.signedUpAt ?? c.createdAt
  return {
    type: 'visitor',
    id: c.id,
    // The UUID Intercom gives every visitor; 2.11 requires a string.
    user_id: c.anonymousId ?? '',
    anonymous: true,
    // Intercom's example visitor without an email has "" (the schema's `format: email` refuses it: see KNOWN_DEVIATIONS).
    email: c.email ?? '',
    phone: c.phone,
    name: c.name,
    pseudonym: c.pseudonym,
    avatar: { type: 'avatar', image_url: c.avatarUrl },
    app_id: appId,
    companies: { type: 'company.list', companies: [] },
    location_data: {},
    last_request_at: c.lastRequestAt,
    created_at: c.createdAt,
    remote_created_at: signedUpAt,
    signed_up_at: signedUpAt,
    updated_at: c.updatedAt,
    session_count: c.sessionCount,
    social_profiles: { type: 'social_profile.list', social_profiles: [] },
    owner_id: null,
    unsubscribed_from_emails: c.unsubscribedFromEmails,
    marked_email_as_spam: false,
    has_hard_bounced: false,
    tags: { type: 'tag.list', tags: [] },
    segments: { type: 'segment.list', segments: [] },
    custom_attributes: c.customAttributes,
    referrer: null,
    utm_campaign: null,
    utm_content: null,
    utm_medium: null,
    utm_source: null,
    utm_term: null,
    do_not_track: null
  }
}
