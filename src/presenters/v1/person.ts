import { userIdOf } from '../../domain/people.js'
import type { Contact, Page } from '../../domain/types.js'
import { isAtLeast, type ApiVersion } from '../../versions.js'
import { presentPagesV1, type PageLink, type PagesV1 } from './pages.js'
import { presentTagListV1, type TagListV1 } from './tag.js'

/**
 * A 1.x user, lead ("contact") or visitor: three types over one contact model (intercom-api.md §3.1–3.2).
 */
export interface PersonV1 {
  type: 'user' | 'contact' | 'visitor'
  id: string
  user_id: string | null
  anonymous: boolean
  email: string | null
  phone: string | null
  name: string | null
  pseudonym: string | null
  avatar: { type: 'avatar', image_url: string | null }
  app_id: string
  companies: { type: 'company.list', companies: Array<{ type: 'company', id: string, company_id: string, name: string | null }> }
  location_data: Record<string, never>
  last_request_at: number | null
  /** 1.0 and 1.1 only. */
  last_seen_ip?: null
  created_at: number
  remote_created_at: number | null
  signed_up_at: number | null
  updated_at: number
  session_count: number
  social_profiles: { type: 'social_profile.list', social_profiles: [] }
  unsubscribed_from_emails: boolean
  /** 1.0 and 1.1 only. */
  user_agent_data?: null
  tags: TagListV1
  segments: { type: 'segment.list', segments: Array<{ type: 'segment', id: string }> }
  custom_attributes: Record<string, unknown>
}

export interface PersonListV1 {
  type: 'user.list' | 'contact.list'
  total_count: number
  users?: PersonV1[]
  contacts?: PersonV1[]
  pages: PagesV1
}

const TYPE_OF_ROLE = { user: 'user', lead: 'contact', visitor: 'visitor' } as const

/**
 * Before 1.2 people carry `last_seen_ip` and `user_agent_data` (and coordinates in `location_data`);
 * 1.2 dropped them. The mock records no sessions, so they are null and the location empty.
 */
export function presentPersonV1 (c: Contact, appId: string, version: ApiVersion): PersonV1 {
  const wire: PersonV1 = {
    type: TYPE_OF_ROLE[c.role],
    id: c.id,
    user_id: userIdOf(c),
    anonymous: c.role !== 'user',
    email: c.email,
    phone: c.phone,
    name: c.name,
    pseudonym: c.pseudonym,
    avatar: { type: 'avatar', image_url: c.avatarUrl },
    app_id: appId,
    companies: { type: 'company.list', companies: c.links.companies.map(company => ({ type: 'company', id: company.id, company_id: company.companyId, name: company.name })) },
    location_data: {},
    last_request_at: c.lastRequestAt,
    last_seen_ip: null,
    created_at: c.createdAt,
    remote_created_at: c.signedUpAt,
    signed_up_at: c.signedUpAt,
    updated_at: c.updatedAt,
    session_count: c.sessionCount,
    social_profiles: { type: 'social_profile.list', social_profiles: [] },
    unsubscribed_from_emails: c.unsubscribedFromEmails,
    user_agent_data: null,
    tags: presentTagListV1(c.links.tags),
    segments: { type: 'segment.list', segments: c.links.segmentIds.map(id => ({ type: 'segment', id })) },
    custom_attributes: c.customAttributes
  }
  if (isAtLeast(version, 1, 2)) {
    delete wire.last_seen_ip
    delete wire.user_agent_data
  }
  return wire
}

/** `user.list` (users) or `contact.list` (leads), with `total_count` and 1.x `pages`. */
export function presentPersonListV1 (kind: 'users' | 'contacts', page: Page<Contact>, appId: string, link: PageLink, version: ApiVersion): PersonListV1 {
  const people = page.items.map(c => presentPersonV1(c, appId, version))
  return {
    type: kind === 'users' ? 'user.list' : 'contact.list',
    total_count: page.totalCount,
    [kind]: people,
    pages: presentPagesV1(page, link)
  }
}
