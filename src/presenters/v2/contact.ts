import type { Contact, Page } from '../../domain/types.js'
import { isAtLeast, type ApiVersion } from '../../versions.js'
import { integerId } from './integer-id.js'
import { presentCursorPagesV2, type CursorPagesV2 } from './pages.js'

/**
 * A 2.x contact (`contact`, intercom-api.md §3.3): users and leads in one model. What the mock does
 * not model (owner, browser and device data, location, UTM, bounces) is null, false or an empty
 * list, as Intercom returns it for a contact that never had it (the spec's contact examples).
 */
export interface ContactV2 {
  type: 'contact'
  id: string
  workspace_id: string
  external_id: string | null
  role: 'user' | 'lead'
  email: string
  phone: string | null
  name: string | null
  avatar: { type: 'avatar', image_url: string } | null
  owner_id: number | null
  social_profiles: { type: 'list', data: [] }
  has_hard_bounced: false
  marked_email_as_spam: false
  unsubscribed_from_emails: boolean
  created_at: number
  updated_at: number
  signed_up_at: number | null
  last_seen_at: number | null
  last_replied_at: number | null
  last_contacted_at: null
  last_email_opened_at: null
  last_email_clicked_at: null
  language_override: null
  browser: null
  browser_version: null
  browser_language: null
  os: null
  location: { type: 'location', country: null, region: null, city: null, country_code: null, continent_code: null }
  android_app_name: null
  android_app_version: null
  android_device: null
  android_os_version: null
  android_sdk_version: null
  android_last_seen_at: null
  ios_app_name: null
  ios_app_version: null
  ios_device: null
  ios_os_version: null
  ios_sdk_version: null
  ios_last_seen_at: null
  custom_attributes: Record<string, unknown>
  tags: NestedListV2
  notes: NestedListV2
  companies: NestedListV2
  opted_out_subscription_types: NestedListV2
  opted_in_subscription_types: NestedListV2
  utm_campaign: null
  utm_content: null
  utm_medium: null
  utm_source: null
  utm_term: null
  referrer: null
  enabled_push_messaging?: null
}

/**
 * What a contact links to, as a list with the path that fetches it. The paths are relative, as in
 * every example, though the schemas say `format: uri` (see KNOWN_DEVIATIONS). Like Intercom's, a list
 * holds the first 10 and says whether there are more.
 */
export interface NestedListV2 {
  type: 'list'
  data: Array<{ type: string, id: string, url?: string }>
  url: string
  total_count: number
  has_more: boolean
}

const NESTED_LIST_LIMIT = 10

/** `GET /contacts` and `POST /contacts/search`: both answer `contact_list` in every 2.x description. */
export interface ContactListV2 {
  type: 'list'
  data: ContactV2[]
  total_count: number
  pages: CursorPagesV2
}

/** `DELETE /contacts/{id}` (`contact_deleted`). */
export type DeletedContactV2 =
  | { id: string, object: 'contact', deleted: true }
  | { id: string, external_id: string | null, type: 'contact', deleted: true }

export function presentContactV2 (c: Contact, appId: string, version: ApiVersion): ContactV2 {
  const wire: ContactV2 = {
    type: 'contact',
    id: c.id,
    workspace_id: appId,
    external_id: c.externalId,
    // 2.x contacts are users or leads; a visitor shown here (none should be) is the lead it becomes.
    role: c.role === 'user' ? 'user' : 'lead',
    // `email` is a non-nullable string; Intercom's own example of a person without one has "".
    email: c.email ?? '',
    phone: c.phone,
    name: c.name,
    avatar: c.avatarUrl === null ? null : { type: 'avatar', image_url: c.avatarUrl },
    owner_id: c.ownerId === null ? null : integerId(c.ownerId),
    social_profiles: { type: 'list', data: [] },
    has_hard_bounced: false,
    marked_email_as_spam: false,
    unsubscribed_from_emails: c.unsubscribedFromEmails,
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
    tags: nestedList(c.id, 'tags', c.links.tags.map(t => ({ type: 'tag', id: t.tag.id, url: `/tags/${t.tag.id}` }))),
    notes: nestedList(c.id, 'notes', c.links.noteIds.map(id => ({ type: 'note', id, url: `/notes/${id}` }))),
    companies: nestedList(c.id, 'companies', c.links.companies.map(company => ({ type: 'company', id: company.id, url: `/companies/${company.id}` }))),
    opted_out_subscription_types: nestedList(c.id, 'subscriptions', subscriptionsOf(c, 'opt_out')),
    opted_in_subscription_types: nestedList(c.id, 'subscriptions', subscriptionsOf(c, 'opt_in')),
    utm_campaign: null,
    utm_content: null,
    utm_medium: null,
    utm_source: null,
    utm_term: null,
    referrer: null
  }
  // 2.12 adds `enabled_push_messaging` to every single-contact response (null until a device registers).
  if (isAtLeast(version, 2, 12)) wire.enabled_push_messaging = null
  return wire
}

export function presentContactListV2 (page: Page<Contact>, appId: string, version: ApiVersion): ContactListV2 {
  return {
    type: 'list',
    data: page.items.map(c => presentContactV2(c, appId, version)),
    total_count: page.totalCount,
    pages: presentCursorPagesV2(page)
  }
}

export function presentDeletedContactV2 (c: Contact, version: ApiVersion): DeletedContactV2 {
  // Until 2.10 the examples answer Stripe-style `object: "contact"`; 2.10 answers `type` and `external_id`.
  if (!isAtLeast(version, 2, 10)) return { id: c.id, object: 'contact', deleted: true }
  return { id: c.id, external_id: c.externalId, type: 'contact', deleted: true }
}

function nestedList (contactId: string, path: 'tags' | 'notes' | 'companies' | 'subscriptions', items: NestedListV2['data']): NestedListV2 {
  return {
    type: 'list',
    data: items.slice(0, NESTED_LIST_LIMIT),
    url: `/contacts/${contactId}/${path}`,
    total_count: items.length,
    has_more: items.length > NESTED_LIST_LIMIT
  }
}

/** Subscription types have no URL of their own to link to. */
function subscriptionsOf (c: Contact, consent: 'opt_in' | 'opt_out'): NestedListV2['data'] {
  return c.links.subscriptions.filter(s => s.consent === consent).map(s => ({ type: 'subscription', id: s.subscriptionTypeId }))
}

/** `contact_archived` / `contact_unarchived`: the contact's reference and its state. */
export function presentArchivedContactV2 (c: Contact): { type: 'contact', id: string, external_id: string | null, archived: boolean } {
  return { type: 'contact', id: c.id, external_id: c.externalId, archived: c.archived }
}

/** `contact_blocked` (2.13+). */
export function presentBlockedContactV2 (c: Contact): { type: 'contact', id: string, external_id: string | null, blocked: boolean } {
  return { type: 'contact', id: c.id, external_id: c.externalId, blocked: c.blocked }
}
