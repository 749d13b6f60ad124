/** The UI's calls to the mock: its own `/__mock/ui/api/…`, with the admin token of the session when one is set. */

const TOKEN_KEY = 'intercom-mock-admin-token'

export class ApiError extends Error {
  constructor (readonly status: number, readonly body: unknown) {
    super(errorMessage(status, body))
  }
}

export function adminToken (): string | null {
  return sessionStorage.getItem(TOKEN_KEY)
}

export function setAdminToken (token: string | null): void {
  if (token === null) sessionStorage.removeItem(TOKEN_KEY)
  else sessionStorage.setItem(TOKEN_KEY, token)
}

/** Told when a call is refused for want of the admin token (the page shows its login form). */
let onUnauthorized: () => void = () => {}
export function whenUnauthorized (listener: () => void): void { onUnauthorized = listener }

export async function call<T> (method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' }
  const token = adminToken()
  if (token !== null) headers['x-intercom-mock-admin'] = token
  if (body !== undefined) headers['content-type'] = 'application/json'
  const response = await fetch(`/__mock/ui/api${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) })
  const text = await response.text()
  let parsed: unknown = null
  try { parsed = text === '' ? null : JSON.parse(text) } catch { parsed = text }
  if (response.status === 401 && path.startsWith('/workspaces') || response.status === 401 && isAdminRefusal(parsed)) onUnauthorized()
  if (!response.ok) throw new ApiError(response.status, parsed)
  return parsed as T
}

export const get = async <T>(path: string): Promise<T> => await call<T>('GET', path)

/** The workspace's event stream URL: with an admin token, it carries a proof of it for this stream alone. */
export async function eventsUrl (key: string): Promise<string> {
  return (await get<{ url: string }>(`/w/${key}/stream`)).url
}

function isAdminRefusal (body: unknown): boolean {
  return JSON.stringify(body).includes('X-Intercom-Mock-Admin')
}

function errorMessage (status: number, body: unknown): string {
  const errors = (body as { errors?: Array<{ code?: string, message?: string }> } | null)?.errors
  if (Array.isArray(errors) && errors.length > 0) return `${status}: ${errors.map(e => `${e.code ?? ''} ${e.message ?? ''}`.trim()).join('; ')}`
  return `${status}: ${typeof body === 'string' ? body : JSON.stringify(body)}`
}
