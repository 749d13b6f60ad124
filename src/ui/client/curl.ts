import type { JournalEntry } from './types.js'

// Set by curl itself or meaningless to repeat.
const LEFT_OUT = new Set(['host', 'content-length', 'connection', 'accept-encoding', 'transfer-encoding', 'keep-alive'])

const quote = (text: string): string => `'${text.replaceAll("'", "'\\''")}'`

/**
 * The request as a curl command. The journal redacts credentials, so the command reads the token
 * from $INTERCOM_TOKEN (the workspace's access token).
 */
export function curlCommand (entry: JournalEntry, origin: string): string {
  const query = new URLSearchParams()
  for (const [key, value] of Object.entries(entry.query)) for (const v of Array.isArray(value) ? value : [value]) query.append(key, v)
  const search = query.toString()
  const lines = [`curl -X ${entry.method} ${quote(`${origin}${entry.path}${search === '' ? '' : `?${search}`}`)}`]
  for (const [name, value] of Object.entries(entry.request.headers)) {
    if (LEFT_OUT.has(name)) continue
    if (name === 'authorization') { lines.push(`-H "Authorization: Bearer $INTERCOM_TOKEN"`); continue }
    for (const v of Array.isArray(value) ? value : [value]) lines.push(`-H ${quote(`${name}: ${v}`)}`)
  }
  const body = entry.request.body
  if (body !== null && body !== undefined && body !== '') lines.push(`--data-raw ${quote(typeof body === 'string' ? body : JSON.stringify(body))}`)
  return lines.join(' \\\n  ')
}
