import t from 'tap'
import { presentCursorPagesV2 } from '../../../src/presenters/v2/pages.js'
import { page } from './fixtures/objects.js'

t.test('pages with a next page carry its cursor and size', async t => {
  t.strictSame(presentCursorPagesV2(page([1, 2], { page: 1, perPage: 2, totalCount: 5, totalPages: 3, nextStartingAfter: 'WzIsMl0=' })),
    { type: 'pages', page: 1, per_page: 2, total_pages: 3, next: { per_page: 2, starting_after: 'WzIsMl0=' } })
})

t.test('the last page has no next', async t => {
  t.strictSame(presentCursorPagesV2(page([1], { page: 3, perPage: 2, totalCount: 5, totalPages: 3 })),
    { type: 'pages', page: 3, per_page: 2, total_pages: 3 })
  t.strictSame(presentCursorPagesV2(page([], { totalPages: 0 })), { type: 'pages', page: 1, per_page: 20, total_pages: 0 })
})
