import type { JournalEntry, RecordedRequest } from './entry.js'

/** Bodies are kept and answered up to this many characters (64 KiB), then cut with `body_truncated`. */
export const BODY_CAP = 64 * 1024

const REDACTED = '[REDACTED]'
const SECRET_NAME = /secret|token|passw|api[-_]?key|signature|credential|session|^cookie$|^set-cookie$|^proxy-authorization$/i

/** Cuts an oversized request body at record time, so an entry never holds more than the cap. */
export function capRequestBody (body: unknown, contentLength: number | null): { body: unknown, truncated: boolean } {
  if (body === undefined || body === null) return { body: null, truncated: false }
  if (contentLength !== null && contentLength <= BODY_CAP) return { body, truncated: false }
  const text = typeof body === 'string' ? body : JSON.stringify(body)
  return text.length <= BODY_CAP ? { body, truncated: false } : { body: text.slice(0, BODY_CAP), truncated: true }
}

export function capResponseBody (payload: unknown): string | null {
  // A cut is copied through a Buffer: a slice of a string would keep the whole answer alive.
  if (typeof payload === 'string') return payload.length <= BODY_CAP ? payload : Buffer.from(payload.slice(0, BODY_CAP + 1)).toString('utf8')
  if (Buffer.isBuffer(payload)) return payload.subarray(0, BODY_CAP + 1).toString('utf8')
  return null
}

/** The entry as listed: path and parsed query apart, secrets redacted, JSON bodies parsed. */
export function renderEntry (r: RecordedRequest, requestTruncated: boolean): JournalEntry {
  const queryAt = r.url.indexOf('?')
  const entry: JournalEntry = {
    id: r.id,
    time: r.time,
    method: r.method,
    path: queryAt === -1 ? r.url : r.url.slice(0, queryAt),
    query: queryAt === -1 ? {} : parseQuery(r.url.slice(queryAt + 1)),
    api_version: r.apiVersion,
    duration_ms: r.durationMs,
    request: { headers: redactHeaders(r.headers), body: r.requestBody ?? null, body_truncated: requestTruncated || r.bodiesDropped === true },
    response: { status: r.status, ...(r.bodiesDropped === true ? { body: null, body_truncated: true } : responseBody(r.responseBody)) }
  }
  if (r.fault !== undefined) entry.fault = r.fault
  return entry
}

function responseBody (text: string | null): { body: unknown, body_truncated: boolean } {
  if (text === null || text === '') return { body: null, body_truncated: false }
  if (text.length > BODY_CAP) return { body: text.slice(0, BODY_CAP), body_truncated: true }
  try {
    return { body: JSON.parse(text), body_truncated: false }
  } catch {
    return { body: text, body_truncated: false }
  }
}

function parseQuery (search: string): Record<string, string | string[]> {
  // No prototype: a key such as `constructor` or `__proto__` is a key like any other.
  const query = Object.create(null) as Record<string, string | string[]>
  for (const [key, value] of new URLSearchParams(search)) {
    const shown = SECRET_NAME.test(key) ? REDACTED : value
    const previous = query[key]
    query[key] = previous === undefined ? shown : [previous, shown].flat()
  }
  return query
}

function redactHeaders (headers: RecordedRequest['headers']): Record<string, string | string[]> {
  const redacted: Record<string, string | string[]> = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue
    if (name === 'authorization' || name === 'proxy-authorization') redacted[name] = redactCredentials(String(value))
    else redacted[name] = name === 'x-intercom-mock-admin' || SECRET_NAME.test(name) ? REDACTED : value
  }
  return redacted
}

/** Keeps the scheme (a test may check its SDK sends Bearer, or Basic), never the credentials. */
function redactCredentials (value: string): string {
  const scheme = /^\s*(\S+)\s+\S/.exec(value)?.[1]
  return scheme === undefined ? REDACTED : `${scheme} ${REDACTED}`
}
