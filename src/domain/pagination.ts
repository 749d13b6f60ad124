import type { NumberedPage } from './types.js'

export interface PageRequest {
  page?: number | undefined
  perPage?: number | undefined
}

export interface PageWindow {
  page: number
  perPage: number
  offset: number
}

export interface PageLimits {
  defaultPerPage: number
  maxPerPage: number
}

/** Page-numbered (1.x) paging: pages count from 1; a `per_page` above the maximum is capped, as Intercom does. */
export function pageWindow (request: PageRequest, limits: PageLimits): PageWindow {
  const page = request.page ?? 1
  const perPage = Math.min(request.perPage ?? limits.defaultPerPage, limits.maxPerPage)
  return { page, perPage, offset: (page - 1) * perPage }
}

export function numberedPage<T> (items: T[], window: PageWindow, totalCount: number): NumberedPage<T> {
  return {
    items,
    page: window.page,
    perPage: window.perPage,
    totalCount,
    totalPages: Math.ceil(totalCount / window.perPage)
  }
}

/** Everything that matched, as the one page of a list that is not paged (e.g. users by email). */
export function singlePage<T> (items: T[]): NumberedPage<T> {
  return numberedPage(items, { page: 1, perPage: Math.max(items.length, 1), offset: 0 }, items.length)
}
