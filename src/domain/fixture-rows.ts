import type { DomainContext } from './context.js'
import type { Contact } from './types.js'

/**
 * The workspace's tags, companies, segments, data attributes and subscription types in the shape of
 * the fixture file (src/control/fixtures.ts), so a state dump can be seeded again (notes, events and
 * people's links: control/resource-fixtures.ts). Intercom's own data attributes are not listed (they are built in).
 */
export function resourceFixtureRows (ctx: DomainContext) {
  const tags = ctx.store.tags.all()
  const tagNames = new Map(tags.map(tag => [tag.id, tag.name]))
  const companies = ctx.store.companies.page('asc', -1, 0)
  const companyTags = ctx.store.tags.of('company', companies.map(c => c.id))
  return {
    tags: tags.map(tag => ({ id: tag.id, name: tag.name })),
    companies: companies.map(c => omitNull({
      id: c.id,
      company_id: c.companyId,
      name: c.name,
      plan: c.plan,
      size: c.size,
      website: c.website,
      industry: c.industry,
      monthly_spend: c.monthlySpend,
      custom_attributes: c.customAttributes,
      remote_created_at: c.remoteCreatedAt,
      created_at: c.createdAt,
      updated_at: c.updatedAt,
      last_request_at: c.lastRequestAt,
      tags: (companyTags.get(c.id) ?? []).map(t => t.tag.name)
    })),
    segments: ctx.store.segments.all().map(s => ({ id: s.id, name: s.name, person_type: s.personType, filter: s.filter, created_at: s.createdAt })),
    data_attributes: ctx.store.dataAttributes.all().map(a => omitNull({
      id: a.id,
      name: a.name,
      model: a.model,
      data_type: a.options === null ? a.dataType : 'options',
      options: a.options,
      description: a.description,
      messenger_writable: a.messengerWritable,
      archived: a.archived,
      admin_id: a.adminId,
      created_at: a.createdAt,
      updated_at: a.updatedAt
    })),
    subscription_types: ctx.store.subscriptionTypes.all().map(s => ({
      id: s.id, name: s.name, description: s.description, locale: s.locale, consent_type: s.consentType, state: s.state, content_types: s.contentTypes
    })),
    /** What a person's fixture entry adds for its links: tag names and company_ids. */
    personLinks: (contact: Contact) => ({
      tags: contact.links.tags.map(t => tagNames.get(t.tag.id) ?? t.tag.name),
      companies: contact.links.companies.map(c => c.companyId)
    })
  }
}

function omitNull<T extends Record<string, unknown>> (row: T): Partial<T> {
  return Object.fromEntries(Object.entries(row).filter(([, value]) => value !== null)) as Partial<T>
}
