import { MAX_PAGE } from '../limits.js'
import { errors, type IntercomError } from './errors.js'
import type { Page } from './types.js'

/** How a list request asks for a page: by number (1.x) or by the cursor of the previous page (2.x). */
export interface PageRequest {
  page?: number | undefined
  perPage?: number | undefined
  startingAfter?: string | undefined
}

export interface PageWindow {
  page: number
  perPage: number
  offset: number
  /** The sort key of the previous page's last item, when the cursor carries one (a keyset cursor); else null. */
  after?: unknown[] | null
}

export interface PageLimits {
  defaultPerPage: number
  maxPerPage: number
}

/**
 * Where a page starts. Pages count from 1; a `per_page` above the maximum is capped, as Intercom does.
 * A `starting_after` cursor (one this mock handed out) names the page it leads to.
 */
export function pageWindow (request: PageRequest, limits: PageLimits): PageWindow {
  const perPage = Math.min(request.perPage ?? limits.defaultPerPage, limits.maxPerPage)
  if (request.startingAfter === undefined || request.startingAfter === '') {
    const page = request.page ?? 1
    return { page, perPage, offset: (page - 1) * perPage, after: null }
  }
  const cursor = decodeCursor(request.startingAfter)
  return { page: cursor.page, perPage, offset: (cursor.page - 1) * perPage, after: cursor.after }
}

/**
 * A page and the cursor to the next. With `keyOf` (a list read by keyset), the cursor carries the sort
 * key of the page's last item, so the next page starts after it however deep it is, and rows written
 * or deleted before it shift nothing.
 */
export function numberedPage<T> (items: T[], window: PageWindow, totalCount: number, keyOf?: (item: T) => unknown[]): Page<T> {
  const totalPages = Math.ceil(totalCount / window.perPage)
  const last = items.at(-1)
  const key = keyOf === undefined || last === undefined ? [] : keyOf(last)
  return {
    items,
    page: window.page,
    perPage: window.perPage,
    totalCount,
    totalPages,
    nextStartingAfter: window.page < totalPages ? cursorOf(window.page + 1, window.offset + items.length, key) : null
  }
}

/** The error of a cursor this server did not hand out (or not for this list). */
export function badCursor (): IntercomError {
  return errors.parameterInvalid('starting_after is not a cursor this server handed out: pass pages.next.starting_after as it came', 'starting_after')
}

/** Everything that matched, as the one page of a list that is not paged (e.g. users by email). */
export function singlePage<T> (items: T[]): Page<T> {
  return numberedPage(items, { page: 1, perPage: Math.max(items.length, 1), offset: 0 }, items.length)
}

/**
 * Cursors look like Intercom's (base64 of a JSON array, "WzE2NzA0…") and are as opaque to clients:
 * `[next page, items before it, ...sort key of the last item]`. Without a key, the next page is found
 * by counting items, and a list that changes between pages shifts, as a numbered page would.
 */
export function cursorOf (page: number, before: number, key: readonly unknown[] = []): string {
  return Buffer.from(JSON.stringify([page, before, ...key])).toString('base64')
}

function decodeCursor (cursor: string): { page: number, after: unknown[] | null } {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64').toString('utf8'))
    if (Array.isArray(decoded) && Number.isInteger(decoded[0]) && decoded[0] >= 1 && decoded[0] <= MAX_PAGE) {
      return { page: decoded[0] as number, after: decoded.length > 2 ? decoded.slice(2) as unknown[] : null }
    }
  } catch {}
  throw badCursor()
}
