import { connect } from 'node:net'

/** What came back on a raw socket: the status and body of the first response, or nothing. */
export interface RawAnswer {
  /** Null when the connection closed (or reset) before any response. */
  status: number | null
  headers: Record<string, string>
  body: string
  /** Bytes received in all. */
  raw: string
  error?: string
}

/**
 * Sends `bytes` as they are on a fresh connection to 127.0.0.1:`port` (for requests no HTTP client would
 * send), and reads until the server closes, `idleMs` pass without data after a complete response, or
 * `timeoutMs` in all. With `halfClose`, the client ends its side after the bytes, so that a server
 * waiting for more of the request learns there is none.
 */
export async function rawRequest (port: number, bytes: string | Buffer, { timeoutMs = 5000, idleMs = 150, halfClose = false } = {}): Promise<RawAnswer> {
  return await new Promise(resolve => {
    const socket = connect(port, '127.0.0.1')
    const chunks: Buffer[] = []
    let error: string | undefined
    let idle: NodeJS.Timeout | undefined
    const finish = (): void => {
      clearTimeout(total)
      clearTimeout(idle)
      socket.destroy()
      resolve(parseAnswer(Buffer.concat(chunks).toString('latin1'), error))
    }
    const total = setTimeout(finish, timeoutMs)
    socket.on('data', chunk => {
      chunks.push(chunk)
      if (complete(Buffer.concat(chunks).toString('latin1'))) {
        clearTimeout(idle)
        idle = setTimeout(finish, idleMs)
      }
    })
    socket.on('error', (e: NodeJS.ErrnoException) => { error = e.code ?? e.message })
    socket.on('close', finish)
    if (halfClose) socket.end(bytes)
    else socket.write(bytes)
  })
}

function complete (raw: string): boolean {
  const end = raw.indexOf('\r\n\r\n')
  if (end === -1) return false
  const length = /\r\ncontent-length:\s*(\d+)/i.exec(raw.slice(0, end))
  return length === null || raw.length - end - 4 >= Number(length[1])
}

export function parseAnswer (raw: string, error?: string): RawAnswer {
  const end = raw.indexOf('\r\n\r\n')
  const status = /^HTTP\/1\.[01] (\d{3})/.exec(raw)
  const headers: Record<string, string> = {}
  for (const line of raw.slice(0, end === -1 ? raw.length : end).split('\r\n').slice(1)) {
    const colon = line.indexOf(':')
    if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim()
  }
  const rawBody = end === -1 ? '' : raw.slice(end + 4)
  const length = headers['content-length']
  const body = Buffer.from(length === undefined ? rawBody : rawBody.slice(0, Number(length)), 'latin1').toString('utf8')
  return { status: status === null ? null : Number(status[1]), headers, body, raw, ...(error === undefined ? {} : { error }) }
}

/** True when `body` is Intercom's error.list with one error that has a code and a message. */
export function isErrorList (body: string): boolean {
  try {
    const parsed = JSON.parse(body) as { type?: unknown, request_id?: unknown, errors?: Array<{ code?: unknown, message?: unknown }> }
    return parsed.type === 'error.list' && typeof parsed.request_id === 'string' && Array.isArray(parsed.errors) &&
      parsed.errors.length >= 1 && parsed.errors.every(e => typeof e.code === 'string' && typeof e.message === 'string')
  } catch {
    return false
  }
}
