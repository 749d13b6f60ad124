import type { Company, Page } from '../../domain/types.js'
import { presentCompany, type CompanyWire } from '../company.js'
import { presentPagesV1, type PageLink, type PagesV1 } from './pages.js'

/** 1.x `company.list`, paged by number with an absolute `next`. */
export interface CompanyListV1 {
  type: 'company.list'
  companies: CompanyWire[]
  total_count: number
  pages: PagesV1
}

export function presentCompanyListV1 (page: Page<Company>, appId: string, link: PageLink): CompanyListV1 {
  return { type: 'company.list', companies: page.items.map(c => presentCompany(c, appId)), total_count: page.totalCount, pages: presentPagesV1(page, link) }
}

/** 1.x `GET /companies/scroll`. */
export function presentCompanyScrollV1 (scroll: { companies: Company[], scrollParam: string }, appId: string) {
  return { type: 'company.list' as const, companies: scroll.companies.map(c => presentCompany(c, appId)), scroll_param: scroll.scrollParam }
}
