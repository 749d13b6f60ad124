import { errors } from '../../domain/errors.js'
import type { RecordedRequest } from './entry.js'

/** The filters of `GET /__mock/requests` and `/count`, all optional. */
export interface JournalFilter {
  method?: string | undefined
  /** An exact path, or a glob: `*` matches within one path segment, `**` across segments. */
  path?: string | undefined
  /** A status (`404`) or a class of them (`4xx`). */
  status?: string | number | undefined
  /** Entries newer than this request id, or at or after this unix time. */
  since?: string | number | undefined
  limit?: number | undefined
}

export interface CompiledFilter {
  matches: (r: RecordedRequest) => boolean
  /** The request id the listing stops at (exclusive), if `since` names one. */
  sinceId: string | null
  limit: number
}

export function compileFilter (filter: JournalFilter): CompiledFilter {
  const tests: Array<(r: RecordedRequest) => boolean> = []
  if (filter.method !== undefined) {
    const method = filter.method.toUpperCase()
    tests.push(r => r.method === method)
  }
  if (filter.path !== undefined) {
    const pattern = pathPattern(filter.path)
    tests.push(r => pattern.test(pathOf(r.url)))
  }
  if (filter.status !== undefined) tests.push(statusTest(String(filter.status)))
  let sinceId: string | null = null
  if (filter.since !== undefined) {
    const since = String(filter.since)
    if (/^\d+(\.\d+)?$/.test(since)) {
      const time = Number(since)
      tests.push(r => r.time >= time)
    } else {
      sinceId = since
    }
  }
  return { matches: r => tests.every(test => test(r)), sinceId, limit: filter.limit ?? Number.POSITIVE_INFINITY }
}

function pathOf (url: string): string {
  const queryAt = url.indexOf('?')
  return queryAt === -1 ? url : url.slice(0, queryAt)
}

function pathPattern (glob: string): RegExp {
  const source = glob.split(/(\*\*|\*)/).map(piece =>
    piece === '**' ? '.*' : piece === '*' ? '[^/]*' : piece.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('')
  return new RegExp(`^${source}/?$`)
}

function statusTest (status: string): (r: RecordedRequest) => boolean {
  if (/^[1-5][0-9]{2}$/.test(status)) {
    const exact = Number(status)
    return r => r.status === exact
  }
  if (/^[1-5]xx$/i.test(status)) {
    const hundreds = Number(status[0])
    return r => Math.floor(r.status / 100) === hundreds
  }
  throw errors.parameterInvalid(`status must be a status code like 404 or a class like 4xx, not ${status}`, 'status')
}
