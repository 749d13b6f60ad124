import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { IncomingMessage } from 'node:http'
import type { Socket } from 'node:net'
import { Readable } from 'node:stream'
import type { RateLimits } from '../rate-limit/rate-limits.js'
import { setRateLimitHeaders } from '../rate-limit/enforce.js'
import { defaultFaultError } from './fault-errors.js'
import { describeAction, type FaultAction, type FaultRule, type FaultRules } from './fault-rules.js'
import type { NetworkFailure } from './rule-schema.js'

/** What the journal shows of a faulted request. */
export interface MockFault {
  rule_id: string
  /** `respond 503`, `delay_ms 200`, `network reset`, … */
  action: string
  when: 'before' | 'after'
}

/** Bytes no HTTP client can parse as a response. */
const GARBAGE = Buffer.from('\u0000\u00ff\u00fe intercom-mock: malformed answer \u0000\r\n\r\n', 'latin1')

/**
 * Applies the workspace's fault rules to the requests of `api` (the Intercom API only: register
 * after workspace auth and the version hook, never on /__mock). `before` acts in onRequest, so
 * nothing is read or written; `after` lets the request run and commit, then fails its answer in
 * onSend. Network failures act on the connection itself.
 */
export function addFaults (api: FastifyInstance, rules: FaultRules, rateLimits: RateLimits): void {
  const afterAnswer = new WeakMap<FastifyRequest, FaultRule>()
  const hung = new Set<Socket>()
  api.addHook('preClose', (done) => {
    for (const socket of hung) socket.destroy()
    done()
  })
  api.decorateRequest('mockFault', null)

  api.addHook('onRequest', (request, reply, done) => {
    const rule = rules.take(request.ctx.workspace.id, request.method, request.url, request.apiVersion)
    if (rule === null) return done()
    request.mockFault = { rule_id: rule.id, action: describeAction(rule.action), when: rule.when }
    request.log.info({ mockFault: request.mockFault }, 'fault rule applied')
    if (rule.when === 'after') {
      afterAnswer.set(request, rule)
      return done()
    }
    const action = rule.action
    switch (action.kind) {
      case 'delay':
        setTimeout(done, action.ms)
        return
      case 'respond':
        void reply.code(action.status).send(faultResponse(request, reply, action, rateLimits))
        return
      case 'network':
        // No answer ever completes: 0 in the journal says so.
        request.server.journalWhenClosed(request, reply, 0)
        reply.hijack()
        failConnection(request.raw, action.failure, hung)
    }
  })

  api.addHook('onSend', (request, reply, payload, done) => {
    const rule = afterAnswer.get(request)
    if (rule === undefined) return done(null, payload)
    afterAnswer.delete(request)
    const action = rule.action
    switch (action.kind) {
      case 'delay':
        setTimeout(() => done(null, payload), action.ms)
        return
      case 'respond':
        reply.code(action.status)
        done(null, JSON.stringify(faultResponse(request, reply, action, rateLimits)))
        return
      case 'network':
        request.server.journalWhenClosed(request, reply, reply.statusCode)
        done(null, failAnswer(request.raw, reply, payload, action.failure, hung))
    }
  })
}

/** The error.list of a `respond` fault; sets its headers (a 429's rate-limit headers first, the rule's last). */
function faultResponse (request: FastifyRequest, reply: FastifyReply, action: Extract<FaultAction, { kind: 'respond' }>, rateLimits: RateLimits) {
  const workspaceId = request.ctx.workspace.id
  const limit = rateLimits.exhausted(workspaceId, request.ctx.clock.now())
  if (action.status === 429) setRateLimitHeaders(reply, limit)
  if (action.headers !== undefined) reply.headers(action.headers)
  return {
    type: 'error.list',
    request_id: request.id,
    errors: action.errors ?? [defaultFaultError(action.status, request.apiVersion, limit.limit)]
  }
}

/** `when: before`: the request is never processed. */
function failConnection (raw: IncomingMessage, failure: NetworkFailure, hung: Set<Socket>): void {
  const socket = raw.socket
  if (failure === 'reset') {
    socket.resetAndDestroy()
    return
  }
  // Read the request to its end first: closing over unread bytes would be a reset, not a clean close.
  const then = () => {
    if (failure === 'hang') hold(socket, hung)
    else if (failure === 'malformed') socket.end(GARBAGE)
    else socket.end()
  }
  if (raw.readableEnded) then()
  else {
    raw.once('end', then)
    raw.resume()
  }
}

/**
 * `when: after`: the request ran and committed; its answer fails. Returns the payload Fastify then
 * sends: a stream that never yields (the connection is already gone or held), or for `truncated`
 * the first half of the real body under the full Content-Length, after which the connection closes.
 */
function failAnswer (raw: IncomingMessage, reply: FastifyReply, payload: unknown, failure: NetworkFailure, hung: Set<Socket>): Readable {
  const socket = raw.socket
  const body = new Readable({ read () {} })
  switch (failure) {
    case 'reset':
      socket.resetAndDestroy()
      break
    case 'hang':
      hold(socket, hung)
      break
    case 'empty':
      socket.end()
      break
    case 'malformed':
      socket.end(GARBAGE)
      break
    case 'truncated': {
      const bytes = Buffer.from(typeof payload === 'string' || Buffer.isBuffer(payload) ? payload : '')
      reply.header('content-length', String(bytes.length))
      body.push(bytes.subarray(0, Math.floor(bytes.length / 2)))
      body.push(null)
      reply.raw.once('finish', () => socket.end())
    }
  }
  return body
}

/** Keeps the connection open without answering until the client gives up or the server closes. */
function hold (socket: Socket, hung: Set<Socket>): void {
  hung.add(socket)
  socket.once('close', () => hung.delete(socket))
}
