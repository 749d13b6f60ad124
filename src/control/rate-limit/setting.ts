import { Type, type Static } from '@sinclair/typebox'

/** A rate limit: at most `limit` requests per window of `windowSeconds`, counted per workspace. */
export interface RateLimitSetting {
  limit: number
  windowSeconds: number
}

/** Intercom's windows: "every 10 seconds, the amount of permitted requests resets" (intercom-api.md §0.5). */
export const INTERCOM_WINDOW_SECONDS = 10

/**
 * 10,000 calls a minute per app, Intercom's documented default, spread over six 10 s windows: 1666
 * a window, which `X-RateLimit-Limit` shows (as in Intercom's own example, where Remaining counts down
 * from Limit).
 */
export const INTERCOM_DEFAULT_RATE_LIMIT: RateLimitSetting = { limit: 1666, windowSeconds: INTERCOM_WINDOW_SECONDS }

export const MAX_WINDOW_SECONDS = 3600

/** The `rate_limit` of the fixtures and the body of `PUT /__mock/rate-limit`. */
export const RateLimitBody = Type.Object({
  enabled: Type.Optional(Type.Boolean({ description: 'false turns rate limiting off; true alone restores the default' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, description: 'requests allowed per window' })),
  window_seconds: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_WINDOW_SECONDS, description: 'window length in seconds (default 10)' }))
}, { additionalProperties: false })

export type RateLimitBody = Static<typeof RateLimitBody>

/**
 * What a `rate_limit` body asks for: a setting, null for off, or `default` for the workspace's default.
 * Returns a problem (message and field) instead when the body contradicts itself.
 */
export function settingFrom (body: RateLimitBody): RateLimitSetting | null | 'default' | { problem: string, field: string } {
  if (body.enabled === false) {
    if (body.limit !== undefined) return { problem: 'limit cannot be set together with "enabled": false', field: 'limit' }
    if (body.window_seconds !== undefined) return { problem: 'window_seconds cannot be set together with "enabled": false', field: 'window_seconds' }
    return null
  }
  if (body.limit === undefined) {
    if (body.enabled === true && body.window_seconds === undefined) return 'default'
    return { problem: 'limit is required (or "enabled": false to turn rate limiting off)', field: 'limit' }
  }
  return { limit: body.limit, windowSeconds: body.window_seconds ?? INTERCOM_WINDOW_SECONDS }
}

/** `INTERCOM_MOCK_RATE_LIMIT`: `<limit>` (per 10 s), `<limit>/<seconds>`, or `off`. Null is off. */
export function parseRateLimit (raw: string): RateLimitSetting | null | undefined {
  const value = raw.trim().toLowerCase()
  if (value === 'off') return null
  const match = /^(\d+)(?:\/(\d+))?$/.exec(value)
  if (match === null) return undefined
  const limit = Number(match[1])
  const windowSeconds = match[2] === undefined ? INTERCOM_WINDOW_SECONDS : Number(match[2])
  if (limit < 1 || windowSeconds < 1 || windowSeconds > MAX_WINDOW_SECONDS) return undefined
  return { limit, windowSeconds }
}
