import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Clock } from '../domain/clock.js'
import type { Journal } from '../control/journal/journal.js'
import { capRequestBody, capResponseBody } from '../control/journal/render.js'

declare module 'fastify' {
  interface FastifyRequest {
    /** The response body as sent, kept by onSend for the journal. */
    journalPayload?: unknown
    /** Set once the request is in the journal. */
    journaled?: boolean
  }
  interface FastifyInstance {
    /**
     * Records a request whose answer never completed (a network fault closed, reset or held its
     * connection), once its connection closes; onResponse records every other request.
     */
    journalWhenClosed: (request: FastifyRequest, reply: FastifyReply, status: number) => void
  }
}

/**
 * The request journal's hook pair: onSend keeps the response body, onResponse records the exchange in
 * the journal of the request's workspace (server-wide when it reached none). Control calls (`/__mock/`)
 * are not recorded.
 */
export function addJournal (app: FastifyInstance, journal: Journal, serverClock: Clock): void {
  if (journal.capacity === 0) {
    app.decorate('journalWhenClosed', () => {})
    return
  }
  app.addHook('onSend', (request, _reply, payload, done) => {
    request.journalPayload = payload
    done(null, payload)
  })
  const record = (request: FastifyRequest, reply: FastifyReply, status: number): void => {
    if (request.url.startsWith('/__mock/') || request.journaled === true) return
    request.journaled = true
    const ctx = request.ctx as typeof request.ctx | undefined
    const contentLength = request.headers['content-length']
    const length = contentLength === undefined ? null : Number(contentLength)
    const { body, truncated } = capRequestBody(request.body, length)
    journal.record(ctx?.workspace.id ?? null, {
      id: request.id,
      time: (ctx?.clock ?? serverClock).now(),
      method: request.method,
      url: request.url,
      apiVersion: (request.apiVersion as typeof request.apiVersion | undefined)?.label ?? null,
      durationMs: Math.round(reply.elapsedTime * 1000) / 1000,
      headers: request.headers,
      requestBody: body,
      requestLength: length,
      status,
      responseBody: capResponseBody(request.journalPayload),
      ...(request.mockFault == null ? {} : { fault: request.mockFault })
    }, truncated)
  }
  app.addHook('onResponse', (request, reply, done) => {
    record(request, reply, reply.statusCode)
    done()
  })
  app.decorate('journalWhenClosed', (request: FastifyRequest, reply: FastifyReply, status: number) => {
    reply.raw.once('close', () => { record(request, reply, status) })
  })
}
