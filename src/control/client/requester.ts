import type { FastifyInstance } from 'fastify'

export type ControlMethod = 'GET' | 'POST' | 'PUT' | 'DELETE'

/**
 * One control call: method, a path under the mock's root (`/__mock/clock`), an optional JSON body and
 * query. Resolves to the parsed JSON answer (undefined for 204); rejects with an IntercomMockError
 * carrying the error.list. Bound to one workspace's token (or none, for server-wide calls).
 */
export type ControlRequest = (
  method: ControlMethod,
  path: string,
  options?: { body?: unknown, query?: Record<string, string | number> }
) => Promise<unknown>

export interface ControlCredentials {
  /** The workspace's access token; null for server-wide calls. */
  token: string | null
  /** The mock's INTERCOM_MOCK_ADMIN_TOKEN, when it runs with one. */
  adminToken?: string | undefined
}

/** A control call the mock refused: its status and Intercom's error.list. */
export class IntercomMockError extends Error {
  override name = 'IntercomMockError'
  constructor (
    readonly status: number,
    readonly errors: Array<{ code: string, message: string, field?: string }>,
    readonly requestId: string | null
  ) {
    super(`intercom-mock answered ${status}: ${errors.map(e => `${e.code}: ${e.message}`).join('; ')}`)
  }
}

/** Control calls through `app.inject`: no socket, the same routes. */
export function injectRequester (app: FastifyInstance, credentials: ControlCredentials): ControlRequest {
  return async (method, path, options = {}) => {
    const response = await app.inject({
      method,
      url: withQuery(path, options.query),
      headers: headersFor(credentials, options.body !== undefined),
      ...(options.body === undefined ? {} : { payload: JSON.stringify(options.body) })
    })
    return answer(response.statusCode, response.body)
  }
}

/** Control calls over HTTP to a mock running elsewhere (docker-compose), with the global fetch. */
export function httpRequester (baseUrl: string, credentials: ControlCredentials): ControlRequest {
  const root = baseUrl.replace(/\/+$/, '')
  return async (method, path, options = {}) => {
    const response = await fetch(root + withQuery(path, options.query), {
      method,
      headers: headersFor(credentials, options.body !== undefined),
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) })
    })
    return answer(response.status, await response.text())
  }
}

function headersFor ({ token, adminToken }: ControlCredentials, hasBody: boolean): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json' }
  if (hasBody) headers['content-type'] = 'application/json'
  if (token !== null) headers.authorization = `Bearer ${token}`
  if (adminToken !== undefined) headers['x-intercom-mock-admin'] = adminToken
  return headers
}

function withQuery (path: string, query: Record<string, string | number> | undefined): string {
  if (query === undefined) return path
  const search = new URLSearchParams(Object.entries(query).map(([key, value]): [string, string] => [key, String(value)])).toString()
  return search === '' ? path : `${path}?${search}`
}

function answer (status: number, text: string): unknown {
  let body: unknown
  try {
    body = text === '' ? undefined : JSON.parse(text)
  } catch {
    body = undefined
  }
  if (status >= 400) {
    const list = body as { errors?: IntercomMockError['errors'], request_id?: string } | undefined
    throw new IntercomMockError(status, list?.errors ?? [{ code: 'unknown', message: text }], list?.request_id ?? null)
  }
  return body
}
