import type { Company } from '../domain/types.js'

/**
 * A company as both majors render it (1.x and 2.x `company` have the same fields): attributes the
 * company has no value for are left out, as in Intercom's examples; `plan` is `{}` without one.
 * The mock keeps plans by name, so a plan's id is its name.
 */
export interface CompanyWire {
  type: 'company'
  id: string
  company_id: string
  app_id: string
  name?: string
  plan: { type: 'plan', id: string, name: string } | Record<string, never>
  remote_created_at?: number
  created_at: number
  updated_at: number
  last_request_at?: number
  size?: number
  website?: string
  industry?: string
  monthly_spend: number
  session_count: number
  user_count: number
  custom_attributes: Record<string, unknown>
  tags: { type: 'tag.list', tags: Array<{ type: 'tag', id: string, name: string }> }
  segments: { type: 'segment.list', segments: [] }
}

export function presentCompany (c: Company, appId: string): CompanyWire {
  const wire: CompanyWire = {
    type: 'company',
    id: c.id,
    company_id: c.companyId,
    app_id: appId,
    plan: c.plan === null ? {} : { type: 'plan', id: c.plan, name: c.plan },
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    monthly_spend: c.monthlySpend,
    session_count: c.sessionCount,
    user_count: c.userCount,
    custom_attributes: c.customAttributes,
    tags: { type: 'tag.list', tags: c.tags.map(t => ({ type: 'tag', id: t.tag.id, name: t.tag.name })) },
    // Segments in the mock are segments of people: a company is in none.
    segments: { type: 'segment.list', segments: [] }
  }
  if (c.name !== null) wire.name = c.name
  if (c.remoteCreatedAt !== null) wire.remote_created_at = c.remoteCreatedAt
  if (c.lastRequestAt !== null) wire.last_request_at = c.lastRequestAt
  if (c.size !== null) wire.size = c.size
  if (c.website !== null) wire.website = c.website
  if (c.industry !== null) wire.industry = c.industry
  return wire
}
