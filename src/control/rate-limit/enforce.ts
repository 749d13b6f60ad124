import type { FastifyInstance, FastifyReply } from 'fastify'
import { errors } from '../../domain/errors.js'
import type { Quota, RateLimits } from './rate-limits.js'

/**
 * Counts every authenticated request of `api` (register after workspace auth, so a 401 carries no
 * headers) and puts the X-RateLimit-* headers on its answer, whatever it turns out to be. Over the
 * limit, the request stops here: Intercom's 429, nothing written.
 */
export function addRateLimits (api: FastifyInstance, rateLimits: RateLimits): void {
  api.addHook('onRequest', (request, reply, done) => {
    const quota = rateLimits.take(request.ctx.workspace.id, request.ctx.clock.now())
    if (quota === null) return done()
    setRateLimitHeaders(reply, quota)
    done(quota.refused ? errors.rateLimitExceeded(quota.limit) : undefined)
  })
}

export function setRateLimitHeaders (reply: FastifyReply, quota: Quota): void {
  reply.header('X-RateLimit-Limit', String(quota.limit))
  reply.header('X-RateLimit-Remaining', String(quota.remaining))
  reply.header('X-RateLimit-Reset', String(quota.resetAt))
}
