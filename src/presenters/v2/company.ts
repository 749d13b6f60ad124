import type { Company, Contact, Page } from '../../domain/types.js'
import type { ApiVersion } from '../../versions.js'
import { presentCompany, type CompanyWire } from '../company.js'
import { presentContactV2, type ContactV2 } from './contact.js'
import { presentCursorPagesV2, type CursorPagesV2 } from './pages.js'

/** `company_list` (`GET /companies`, `POST /companies/list`) and `contact_attached_companies`. */
export interface CompanyListV2 {
  type: 'list'
  data: CompanyWire[]
  total_count: number
  pages: CursorPagesV2
}

/** `company_scroll`: no pages or count, a `scroll_param` for the next call. */
export interface CompanyScrollV2 {
  type: 'list'
  data: CompanyWire[]
  pages: null
  total_count: null
  scroll_param: string
}

export interface ContactCompaniesV2 {
  type: 'list'
  companies: CompanyWire[]
  data: CompanyWire[]
  total_count: number
  pages: { type: 'pages', next: null, page: number, per_page: number, total_pages: number }
}

export interface CompanyContactsV2 {
  type: 'list'
  data: ContactV2[]
  total_count: number
  pages: CursorPagesV2
}

export function presentCompanyListV2 (page: Page<Company>, appId: string): CompanyListV2 {
  return { type: 'list', data: page.items.map(c => presentCompany(c, appId)), total_count: page.totalCount, pages: presentCursorPagesV2(page) }
}

export function presentCompanyScrollV2 (scroll: { companies: Company[], scrollParam: string }, appId: string): CompanyScrollV2 {
  return { type: 'list', data: scroll.companies.map(c => presentCompany(c, appId)), pages: null, total_count: null, scroll_param: scroll.scrollParam }
}

/**
 * `GET /contacts/{id}/companies`. The schema (`contact_attached_companies`) names the list `companies`,
 * its example `data`: both are sent, so clients reading either find it.
 */
export function presentContactCompaniesV2 (page: Page<Company>, appId: string): ContactCompaniesV2 {
  const companies = page.items.map(c => presentCompany(c, appId))
  return {
    type: 'list',
    companies,
    data: companies,
    total_count: page.totalCount,
    pages: { type: 'pages', next: null, page: page.page, per_page: page.perPage, total_pages: page.totalPages }
  }
}

export function presentCompanyContactsV2 (page: Page<Contact>, appId: string, version: ApiVersion): CompanyContactsV2 {
  return { type: 'list', data: page.items.map(c => presentContactV2(c, appId, version)), total_count: page.totalCount, pages: presentCursorPagesV2(page) }
}

/** `deleted_company_object`. */
export function presentDeletedCompanyV2 (c: Company): { id: string, object: 'company', deleted: true } {
  return { id: c.id, object: 'company', deleted: true }
}
