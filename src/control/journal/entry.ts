/** A journal entry as the control plane answers it (`GET /__mock/requests`). */
export interface JournalEntry {
  /** The request id: the `X-Request-Id` the client saw. */
  id: string
  /** Unix seconds on the workspace's clock (the server's for requests that reached no workspace). */
  time: number
  method: string
  /** Without the query string. */
  path: string
  query: Record<string, string | string[]>
  /** The Intercom-Version the mock answered in, or null when the request failed before choosing one. */
  api_version: string | null
  duration_ms: number
  request: { headers: Record<string, string | string[]>, body: unknown, body_truncated: boolean }
  response: { status: number, body: unknown, body_truncated: boolean }
  /** Set when a fault rule answered the request instead of the API. */
  fault?: unknown
}

/** What the HTTP hooks capture per request; bodies stay raw until someone lists them. */
export interface RecordedRequest {
  id: string
  time: number
  method: string
  url: string
  apiVersion: string | null
  durationMs: number
  headers: Record<string, string | string[] | undefined>
  requestBody: unknown
  /** The request's Content-Length, when it sent one. */
  requestLength: number | null
  status: number
  responseBody: string | null
  fault?: unknown
  /** Its bodies were dropped to keep the journal within its body budget. */
  bodiesDropped?: true
}
