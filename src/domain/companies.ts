import type { CompanyRecord } from '../store/index.js'
import type { DomainContext } from './context.js'
import { checkCustomAttributes } from './data-attributes.js'
import { errors } from './errors.js'
import { numberedPage, pageWindow, type PageLimits, type PageRequest } from './pagination.js'
import { findContact } from './people.js'
import type { Company, Contact, Page, Segment, UnixSeconds } from './types.js'

/** The attributes a create-or-update may set on a company. Absent means unchanged. */
export interface CompanyChanges {
  name?: string | null | undefined
  plan?: string | null | undefined
  size?: number | null | undefined
  website?: string | null | undefined
  industry?: string | null | undefined
  monthlySpend?: number | null | undefined
  customAttributes?: Record<string, unknown> | undefined
  remoteCreatedAt?: UnixSeconds | null | undefined
  lastRequestAt?: UnixSeconds | null | undefined
  /** 1.x: undeclared custom attributes are declared by their first write. */
  declareAttributes?: boolean | undefined
}

/** "Defaults to 15"; at most 60 per page (both majors). */
export const COMPANY_PAGE_LIMITS: PageLimits = { defaultPerPage: 15, maxPerPage: 60 }
/** `GET /companies/{id}/contacts` and `/users`. */
const COMPANY_CONTACT_LIMITS: PageLimits = { defaultPerPage: 50, maxPerPage: 150 }
const CONTACT_ROLES = ['user', 'lead'] as const

/**
 * `POST /companies`: the company with that `company_id` is updated, or created. `monthly_spend`
 * keeps whole units only ("155.98 will be truncated to 155").
 */
export function createOrUpdateCompany (ctx: DomainContext, companyId: string | undefined, changes: CompanyChanges): Company {
  if (companyId === undefined || companyId.trim() === '') throw errors.parameterInvalid('company_id is required', 'company_id')
  return ctx.store.transaction(() => withTags(ctx, saveCompany(ctx, companyId, changes)))
}

/**
 * Writes `changes` onto the company with `companyId`, creating it when there is none: the step the
 * 1.x user update shares (a user's `companies` creates the companies it names). Call inside a transaction.
 */
export function saveCompany (ctx: DomainContext, companyId: string, changes: CompanyChanges): CompanyRecord {
  const existing = ctx.store.companies.findByCompanyId(companyId)
  const now = ctx.clock.now()
  const company = applyCompanyChanges(ctx, existing ?? {
    id: unusedCompanyId(ctx),
    companyId,
    name: null,
    plan: null,
    size: null,
    website: null,
    industry: null,
    monthlySpend: 0,
    customAttributes: {},
    remoteCreatedAt: null,
    lastRequestAt: null,
    createdAt: now,
    updatedAt: now,
    userCount: 0,
    sessionCount: 0
  }, changes)
  if (existing === null) {
    ctx.store.companies.insert(company)
    ctx.events.record({ type: 'company.created', companyId: company.id })
  } else {
    ctx.store.companies.update(company)
  }
  return company
}

/** `GET /companies/{id}` (2.x: the Intercom id; 1.x too). */
export function retrieveCompany (ctx: DomainContext, id: string): Company {
  return withTags(ctx, companyRecord(ctx, id))
}

/** `GET /companies?company_id=…` or `?name=…`: the companies that match, or 404 `company_not_found`. */
export function findCompanies (ctx: DomainContext, by: { companyId?: string | undefined, name?: string | undefined }): Company[] {
  const records = by.companyId !== undefined
    ? [ctx.store.companies.findByCompanyId(by.companyId)].filter((c): c is CompanyRecord => c !== null)
    : ctx.store.companies.findByName(by.name ?? '')
  if (records.length === 0) throw errors.companyNotFound()
  return records.map(record => withTags(ctx, record))
}

/** `PUT /companies/{id}` (2.x). */
export function updateCompany (ctx: DomainContext, id: string, changes: CompanyChanges): Company {
  return ctx.store.transaction(() => {
    const updated = applyCompanyChanges(ctx, companyRecord(ctx, id), changes)
    ctx.store.companies.update(updated)
    return withTags(ctx, updated)
  })
}

/** `DELETE /companies/{id}`: its contacts stay, no longer attached. */
export function deleteCompany (ctx: DomainContext, id: string): Company {
  return ctx.store.transaction(() => {
    const company = retrieveCompany(ctx, id)
    ctx.store.companies.delete(company.id)
    return company
  })
}

/** `GET /companies`, `POST /companies/list`: newest first unless `order` is `asc`; `tag_id` filters. */
export function listCompanies (ctx: DomainContext, request: PageRequest & { order?: string | undefined, tagId?: string | undefined }): Page<Company> {
  const window = pageWindow(request, COMPANY_PAGE_LIMITS)
  if (request.tagId !== undefined) {
    const records = ctx.store.companies.pageByTag(request.tagId, window.perPage, window.offset)
    return numberedPage(withTagsAll(ctx, records), window, ctx.store.companies.countByTag(request.tagId))
  }
  const records = ctx.store.companies.page(request.order === 'asc' ? 'asc' : 'desc', window.perPage, window.offset)
  return numberedPage(withTagsAll(ctx, records), window, ctx.store.companies.count())
}

/**
 * `GET /companies/scroll`: every company, oldest first, a page at a time. The `scroll_param` of one
 * page fetches the next; past the last page, `data` is empty.
 */
export function scrollCompanies (ctx: DomainContext, scrollParam: string | undefined): { companies: Company[], scrollParam: string } {
  const offset = scrollParam === undefined || scrollParam === '' ? 0 : offsetOfScroll(scrollParam)
  const records = ctx.store.companies.page('asc', COMPANY_PAGE_LIMITS.defaultPerPage, offset)
  return { companies: withTagsAll(ctx, records), scrollParam: Buffer.from(JSON.stringify(['companies', offset + records.length])).toString('base64') }
}

/** `POST /contacts/{id}/companies` `{id}`. */
export function attachContactToCompany (ctx: DomainContext, contactId: string, companyId: string | undefined): Company {
  if (companyId === undefined || companyId === '') throw errors.parameterNotFound('company not specified')
  return ctx.store.transaction(() => {
    const contact = findContact(ctx, { by: 'id', value: contactId }, CONTACT_ROLES)
    const company = companyRecord(ctx, companyId)
    ctx.store.companies.attach(company.id, contact.id, ctx.clock.now())
    return retrieveCompany(ctx, company.id)
  })
}

/** `DELETE /contacts/{id}/companies/{company_id}`: answers the company. */
export function detachContactFromCompany (ctx: DomainContext, contactId: string, companyId: string): Company {
  return ctx.store.transaction(() => {
    const contact = findContact(ctx, { by: 'id', value: contactId }, CONTACT_ROLES)
    const company = companyRecord(ctx, companyId)
    if (!ctx.store.companies.detach(company.id, contact.id)) throw errors.companyNotFound()
    return retrieveCompany(ctx, company.id)
  })
}

/** `GET /contacts/{id}/companies`. */
export function listContactCompanies (ctx: DomainContext, contactId: string): Page<Company> {
  const contact = findContact(ctx, { by: 'id', value: contactId }, CONTACT_ROLES)
  const companies = contact.links.companies.map(ref => retrieveCompany(ctx, ref.id))
  return numberedPage(companies, { page: 1, perPage: COMPANY_CONTACT_LIMITS.defaultPerPage, offset: 0 }, companies.length)
}

/** `GET /companies/{id}/contacts` (2.x), `/users` (1.x): the live users and leads attached. */
export function listCompanyContacts (ctx: DomainContext, companyId: string, request: PageRequest): Page<Contact> {
  const company = companyRecord(ctx, companyId)
  const window = pageWindow(request, COMPANY_CONTACT_LIMITS)
  const contacts = ctx.store.contacts.findByIds(ctx.store.companies.contactIds(company.id, window.perPage, window.offset))
  return numberedPage(contacts, window, company.userCount)
}

/**
 * `GET /companies/{id}/segments`: the mock's segments are segments of people (their filters are contact
 * searches), so a company belongs to none; an unknown company is 404 `company_not_found`.
 */
export function listCompanySegments (ctx: DomainContext, id: string): Segment[] {
  companyRecord(ctx, id)
  return []
}

function applyCompanyChanges (ctx: DomainContext, company: CompanyRecord, changes: CompanyChanges): CompanyRecord {
  const pick = <K extends keyof CompanyChanges & keyof CompanyRecord>(key: K) => changes[key] === undefined ? company[key] : changes[key]
  const customAttributes = checkCustomAttributes(ctx, 'company', company.customAttributes, changes.customAttributes, changes.declareAttributes)
  return {
    ...company,
    name: pick('name'),
    plan: pick('plan'),
    size: pick('size'),
    website: pick('website'),
    industry: pick('industry'),
    monthlySpend: changes.monthlySpend === undefined ? company.monthlySpend : Math.trunc(changes.monthlySpend ?? 0),
    customAttributes,
    remoteCreatedAt: pick('remoteCreatedAt'),
    lastRequestAt: pick('lastRequestAt'),
    updatedAt: ctx.clock.now()
  }
}

function companyRecord (ctx: DomainContext, id: string): CompanyRecord {
  const record = ctx.store.companies.findById(id)
  if (record === null) throw errors.companyNotFound()
  return record
}

function withTags (ctx: DomainContext, record: CompanyRecord): Company {
  return withTagsAll(ctx, [record])[0] as Company
}

function withTagsAll (ctx: DomainContext, records: CompanyRecord[]): Company[] {
  const tags = ctx.store.tags.of('company', records.map(r => r.id))
  return records.map(record => ({ ...record, tags: tags.get(record.id) ?? [] }))
}

function unusedCompanyId (ctx: DomainContext): string {
  let id = ctx.ids.companyId()
  while (ctx.store.companies.findById(id) !== null) id = ctx.ids.companyId()
  return id
}

function offsetOfScroll (scrollParam: string): number {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(scrollParam, 'base64').toString('utf8'))
    if (Array.isArray(decoded) && decoded[0] === 'companies' && Number.isInteger(decoded[1]) && decoded[1] >= 0) return decoded[1] as number
  } catch {}
  throw errors.parameterInvalid('scroll_param is not one this server handed out: pass the scroll_param of the previous page as it came', 'scroll_param')
}
