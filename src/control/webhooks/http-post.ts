import { Agent as HttpAgent, request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http'
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https'
import type { ReceivedResponse } from '../../store/webhook-records.js'

export interface PostOutcome {
  response: ReceivedResponse | null
  /** Why no answer came (a refused connection, the timeout, the mock closing), or null. */
  error: string | null
}

/**
 * Sends webhook notifications with node:http on kept-alive connections. fetch (undici) cost several
 * times the CPU of a request of the mock itself (web streams, an AbortSignal each, its own header
 * objects), and a subscription's attempts go one after another, so delivery ran far behind the load.
 * Redirects are never followed: only the URL a subscription names is called.
 */
export class WebhookPoster {
  private readonly http = new HttpAgent({ keepAlive: true })
  private readonly https = new HttpsAgent({ keepAlive: true })

  constructor (private readonly timeoutMs: number, private readonly closing: AbortSignal, private readonly maxBodyBytes: number) {}

  post (url: string, headers: Record<string, string>, body: string): Promise<PostOutcome> {
    const started = performance.now()
    return new Promise(resolve => {
      let settled = false
      const finish = (outcome: PostOutcome): void => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        this.closing.removeEventListener('abort', onClose)
        resolve(outcome)
      }
      const fail = (error: string): void => {
        finish({ response: null, error })
        request.destroy()
      }
      const onClose = (): void => { fail('the mock closed before an answer came') }
      let request: ClientRequest
      try {
        const target = new URL(url)
        const secure = target.protocol === 'https:'
        request = (secure ? httpsRequest : httpRequest)(target, {
          method: 'POST',
          headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) },
          agent: secure ? this.https : this.http
        })
      } catch (error) { // a URL node:http refuses outright is a failed attempt like any other, recorded
        resolve({ response: null, error: (error as Error).message })
        return
      }
      const timer = setTimeout(() => { fail(`no answer within ${this.timeoutMs} ms`) }, this.timeoutMs)
      this.closing.addEventListener('abort', onClose)
      request.on('error', (error: NodeJS.ErrnoException) => {
        fail(error.code !== undefined && !error.message.includes(error.code) ? `${error.message}: ${error.code}` : error.message)
      })
      request.on('response', (answer) => {
        const chunks: Buffer[] = []
        let size = 0
        const done = (): void => {
          finish({
            response: {
              status: answer.statusCode ?? 0,
              headers: headersOf(answer),
              body: Buffer.concat(chunks).subarray(0, this.maxBodyBytes).toString('utf8'),
              duration_ms: Math.round(performance.now() - started)
            },
            error: null
          })
        }
        answer.on('data', (chunk: Buffer) => {
          chunks.push(chunk)
          size += chunk.length
          if (size >= this.maxBodyBytes) { // enough kept: the rest is not read, and the connection not reused
            done()
            answer.destroy()
          }
        })
        answer.on('end', done)
        answer.on('close', done) // cut off by the endpoint: what came is what it answered
      })
      request.end(body)
    })
  }

  close (): void {
    this.http.destroy()
    this.https.destroy()
  }
}

/** Response headers as one object: names in lower case and in order, repeats joined by ", " (a repeated Set-Cookie keeps its last). */
function headersOf (answer: IncomingMessage): Record<string, string> {
  const headers = new Map<string, string>()
  const raw = answer.rawHeaders
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = (raw[i] as string).toLowerCase()
    const value = raw[i + 1] as string
    const before = headers.get(name)
    headers.set(name, before === undefined || name === 'set-cookie' ? value : `${before}, ${value}`)
  }
  return Object.fromEntries([...headers].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}
