import type { Page } from '../../domain/types.js'

/**
 * The 2.x `pages` object (`cursor_pages` in every 2.x description). `next` carries the cursor a
 * client passes back as `starting_after`; Intercom leaves it out on the last page, as the spec's
 * own list examples do (every description also allows it to be null).
 */
export interface CursorPagesV2 {
  type: 'pages'
  page: number
  per_page: number
  total_pages: number
  next?: { per_page: number, starting_after: string }
}

export function presentCursorPagesV2 (page: Page<unknown>): CursorPagesV2 {
  const pages: CursorPagesV2 = {
    type: 'pages',
    page: page.page,
    per_page: page.perPage,
    total_pages: page.totalPages
  }
  if (page.nextStartingAfter !== null) pages.next = { per_page: page.perPage, starting_after: page.nextStartingAfter }
  return pages
}
