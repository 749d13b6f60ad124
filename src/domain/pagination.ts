import { MAX_PAGE } from '../limits.js'
import { errors } from './errors.js'
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
  const page = request.startingAfter === undefined || request.startingAfter === '' ? request.page ?? 1 : pageOfCursor(request.startingAfter)
  return { page, perPage, offset: (page - 1) * perPage }
}

export function numberedPage<T> (items: T[], window: PageWindow, totalCount: number): Page<T> {
  const totalPages = Math.ceil(totalCount / window.perPage)
  return {
    items,
    page: window.page,
    perPage: window.perPage,
    totalCount,
    totalPages,
    nextStartingAfter: window.page < totalPages ? cursorOf(window.page + 1, window.offset + items.length) : null
  }
}

/** Everything that matched, as the one page of a list that is not paged (e.g. users by email). */
export function singlePage<T> (items: T[]): Page<T> {
  return numberedPage(items, { page: 1, perPage: Math.max(items.length, 1), offset: 0 }, items.length)
}

/**
 * Cursors look like Intercom's (base64 of a JSON array, "WzE2NzA0…") and are as opaque to clients:
 * `[next page, items before it]`. A list that changes between pages shifts, as a numbered page would.
 */
function cursorOf (page: number, before: number): string {
  return Buffer.from(JSON.stringify([page, before])).toString('base64')
}

function pageOfCursor (cursor: string): number {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64').toString('utf8'))
    if (Array.isArray(decoded) && Number.isInteger(decoded[0]) && decoded[0] >= 1 && decoded[0] <= MAX_PAGE) return decoded[0] as number
  } catch {}
  throw errors.parameterInvalid('starting_after is not a cursor this server handed out: pass pages.next.starting_after as it came', 'starting_after')
}
