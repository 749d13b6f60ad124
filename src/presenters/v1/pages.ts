import type { Page } from '../../domain/types.js'

/** Builds the absolute URL of another page of the list being rendered, on the mock's own origin. */
export type PageLink = (page: number, perPage: number) => string

/**
 * The 1.x `pages` object. `next` is an absolute URL (clients fetch it verbatim) or null on the last page.
 */
export interface PagesV1 {
  type: 'pages'
  next: string | null
  page: number
  per_page: number
  total_pages: number
}

export function presentPagesV1 (page: Page<unknown>, link: PageLink): PagesV1 {
  return {
    type: 'pages',
    next: page.page < page.totalPages ? link(page.page + 1, page.perPage) : null,
    page: page.page,
    per_page: page.perPage,
    total_pages: page.totalPages
  }
}
