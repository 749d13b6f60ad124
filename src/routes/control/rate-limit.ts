import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { RateLimits } from '../../control/rate-limit/rate-limits.js'
import { RateLimitBody, settingFrom } from '../../control/rate-limit/setting.js'
import type { DomainContext } from '../../domain/context.js'
import { errors } from '../../domain/errors.js'

const RateLimitView = Type.Object({
  enabled: Type.Boolean(),
  limit: Type.Union([Type.Null(), Type.Integer()]),
  window_seconds: Type.Union([Type.Null(), Type.Integer()]),
  /** Requests left in the current window (what the next request's X-RateLimit-Remaining counts down from). */
  remaining: Type.Union([Type.Null(), Type.Integer()]),
  /** End of the current window on the workspace's clock, unix seconds. */
  reset_at: Type.Union([Type.Null(), Type.Integer()]),
  /** true when set through this route; false when it is the fixtures' or the server's. */
  overridden: Type.Boolean()
})

/** `GET`/`PUT /__mock/rate-limit`: the workspace's rate limit (control/rate-limit/). */
export function rateLimitRoutes (rateLimits: RateLimits): FastifyPluginAsyncTypebox {
  const view = (ctx: DomainContext) => {
    const id = ctx.workspace.id
    const setting = rateLimits.setting(id)
    const quota = rateLimits.peek(id, ctx.clock.now())
    return {
      enabled: setting !== null,
      limit: setting?.limit ?? null,
      window_seconds: setting?.windowSeconds ?? null,
      remaining: quota?.remaining ?? null,
      reset_at: quota?.resetAt ?? null,
      overridden: rateLimits.isOverridden(id)
    }
  }
  return async (app) => {
    app.get('/__mock/rate-limit', { schema: { response: { 200: RateLimitView } } }, async (request) => view(request.ctx))

    app.put('/__mock/rate-limit', { schema: { body: RateLimitBody, response: { 200: RateLimitView } } }, async (request) => {
      const setting = settingFrom(request.body)
      if (setting === 'default') rateLimits.restoreDefault(request.ctx.workspace.id)
      else if (setting !== null && 'problem' in setting) throw errors.parameterInvalid(setting.problem, setting.field)
      else rateLimits.set(request.ctx.workspace.id, setting)
      return view(request.ctx)
    })
  }
}
