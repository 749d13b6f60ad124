import type { ControlRequest } from './requester.js'

export interface RateLimitState {
  enabled: boolean
  limit: number | null
  window_seconds: number | null
  remaining: number | null
  reset_at: number | null
  overridden: boolean
}

export interface RateLimitClient {
  /** At most `limit` requests per window (default 10 s) from now on, counted afresh. */
  set: (setting: { limit: number, windowSeconds?: number }) => Promise<RateLimitState>
  /** No limit and no X-RateLimit-* headers for the workspace. */
  disable: () => Promise<RateLimitState>
  /** Back to the fixtures' (or the server's) limit. */
  restore: () => Promise<RateLimitState>
  /** The limit and what is left of the current window. */
  get: () => Promise<RateLimitState>
}

/** `handle.rateLimit`: the workspace's rate limit, over any control requester. */
export function rateLimitClient (request: ControlRequest): RateLimitClient {
  const put = async (body: object) => await request('PUT', '/__mock/rate-limit', { body }) as RateLimitState
  return {
    set: async ({ limit, windowSeconds }) => await put(windowSeconds === undefined ? { limit } : { limit, window_seconds: windowSeconds }),
    disable: async () => await put({ enabled: false }),
    restore: async () => await put({ enabled: true }),
    get: async () => await request('GET', '/__mock/rate-limit') as RateLimitState
  }
}
