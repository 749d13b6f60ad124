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
    const body = JSON.stringify(presentErrorList(parseError(error.code), requestId))
    const status = parseError(error.code).status
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
  app.addHook('onRequest', async (request, reply) => {
    if (request.raw.httpVersion === '1.1' && request.headers.host === undefined) return send(request, reply, errors.hostRequired())
  })
  app.server.on('checkExpectation', (req, res) => {
    const requestId = newRequestId()
    const error = errors.expectationFailed(String(req.headers.expect))
    res.writeHead(error.status, { 'content-type': 'application/json; charset=utf-8', 'x-request-id': requestId, connection: 'close' })
    res.end(JSON.stringify(presentErrorList(error, requestId)))
  })
}

/**
 * After a 413 the client is usually still sending its body. Closing at once would reset the connection
 * and the client would often never read the answer; instead the rest is read and thrown away (up to
 * BODY_DRAIN_LIMIT_BYTES, then the connection is closed) and the connection is kept.
 */
export function drainExcessBody (request: FastifyRequest, reply: FastifyReply): void {
  reply.removeHeader('connection')
  const raw = request.raw
  let drained = 0
  raw.on('data', (chunk: Buffer) => {
    drained += chunk.length
    if (drained > BODY_DRAIN_LIMIT_BYTES) raw.socket.destroy()
  })
  raw.resume()
}
