import { STATUS_CODES } from 'node:http'
import type { Socket } from 'node:net'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { errors, type IntercomError } from '../domain/errors.js'
import { newRequestId } from '../domain/ids.js'
import { BODY_DRAIN_LIMIT_BYTES } from '../limits.js'
import { presentErrorList } from '../presenters/error-list.js'

/**
 * What goes wrong below routing (the request line, headers, framing) answered as Intercom's error.list,
 * wherever HTTP still allows an answer: Node's own answers to these are empty or Fastify-shaped.
 */

/** Node's HTTP options: a missing Host is refused by our hook (with a body), not by Node (without one). */
export const HTTP_SERVER_OPTIONS = { requireHostHeader: false }

/**
 * Fastify's `clientErrorHandler`: the request could not be parsed (an unknown method, a malformed request
 * line, headers over 16 KiB, bad chunked framing, a timeout). The connection cannot be trusted after
 * this, so the answer closes it, after a moment in which the client can read it.
 */
export function clientErrorHandler (error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed || socket.writableEnded) return
  const httpMessage = (socket as Socket & { _httpMessage?: { headersSent?: boolean } | null })._httpMessage
  if (socket.writable && httpMessage?.headersSent !== true) {
    const requestId = newRequestId()
    const answer = parseError(error.code)
    const body = JSON.stringify(presentErrorList(answer, requestId))
    const status = answer.status
    socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nX-Request-Id: ${requestId}\r\nConnection: close\r\n\r\n${body}`)
    setTimeout(() => socket.destroy(), 1000).unref()
  } else {
    socket.destroy()
  }
}

function parseError (code: string | undefined): IntercomError {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW': return errors.clientError(431, 'The request headers are larger than the limit of 16 KiB')
    case 'ERR_HTTP_REQUEST_TIMEOUT': return errors.clientError(408, 'The request was not received in time')
    case 'HPE_INVALID_METHOD': return errors.clientError(400, 'The request method is not an HTTP method')
    case 'HPE_INVALID_URL': return errors.malformedUrl()
    case 'HPE_INVALID_VERSION': return errors.clientError(400, 'The request line names no HTTP/1.x version')
    default: return errors.clientError(400, 'The request is not valid HTTP/1.1')
  }
}

/** A Host header (required in HTTP/1.1), and `Expect` other than 100-continue, answered as error.list. */
export function registerFraming (app: FastifyInstance, send: (request: FastifyRequest, reply: FastifyReply, error: IntercomError) => FastifyReply): void {
  app.addHook('onRequest', (request, reply, done) => {
    if (request.raw.httpVersion === '1.1' && request.headers.host === undefined) send(request, reply, errors.hostRequired())
    else done()
  })
  app.server.on('checkExpectation', (req, res) => {
    const requestId = newRequestId()
    const error = errors.expectationFailed(String(req.headers.expect))
    const body = JSON.stringify(presentErrorList(error, requestId))
    res.writeHead(error.status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), 'x-request-id': requestId, connection: 'close' })
    res.end(body)
  })
}

/**
 * After a 413 the client is usually still sending its body: answering and closing at once would reset
 * the connection, and the client would often never read the answer. So the rest of the body is read and
 * thrown away first, up to BODY_DRAIN_LIMIT_BYTES or DRAIN_TIMEOUT_MS (then the answer goes out and the
 * connection closes); a body read to its end leaves the connection usable for the next request.
 */
export async function drainExcessBody (request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const raw = request.raw
  if (raw.complete || raw.destroyed) return
  await new Promise<void>(resolve => {
    let drained = 0
    const done = (): void => {
      clearTimeout(timer)
      raw.removeListener('data', onData)
      resolve()
    }
    const onData = (chunk: Buffer): void => {
      drained += chunk.length
      if (drained > BODY_DRAIN_LIMIT_BYTES) done()
    }
    const timer = setTimeout(done, DRAIN_TIMEOUT_MS)
    raw.on('data', onData)
    raw.once('end', () => {
      reply.removeHeader('connection')
      done()
    })
    raw.once('close', done)
    raw.once('error', done)
    raw.resume()
  })
}

const DRAIN_TIMEOUT_MS = 10000
