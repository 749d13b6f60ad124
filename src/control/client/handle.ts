import type { Fixtures } from '../fixtures.js'
import type { JournalEntry } from '../journal/entry.js'
import type { JournalFilter } from '../journal/filter.js'
import type { ClockState, WorkspaceListing } from '../plane-types.js'
import { faultsClient, type FaultsClient } from './faults.js'
import { rateLimitClient, type RateLimitClient } from './rate-limit.js'
import type { ControlRequest } from './requester.js'
import { webhooksClient, type WebhooksHandle } from './webhooks.js'

/** The records `seed` adds: any part of the fixture format (all lists optional). */
export type SeedRecords = Partial<Fixtures>

export interface SeedResult {
  /** How many records of each kind were added. */
  added: Record<string, number>
}

export interface ResetResult {
  workspace: WorkspaceListing | null
  dropped: number
}

/** Filters of the journal; `status` as a number or a class like `'4xx'`, `since` a request id or unix time. */
export type RequestFilter = Omit<JournalFilter, 'status' | 'since'> & { status?: number | string, since?: string | number }

export interface ClockHandle {
  /** The workspace's time, unix seconds. */
  now: () => Promise<number>
  /** Stops the clock at `t` (unix seconds; now by default). */
  freeze: (t?: number) => Promise<ClockState>
  /** Moves the clock forward; snoozes it passes wake. A real clock becomes an offset one. */
  advance: (seconds: number) => Promise<ClockState>
  /** Follows real time again. */
  real: () => Promise<ClockState>
  state: () => Promise<ClockState>
}

/** Steers one workspace, named by its access token. Every call is an HTTP control call (`/__mock/*`). */
export interface WorkspaceHandle {
  readonly token: string
  /** Back to the fixtures (or to `fixtures`), as if the token were new. */
  reset: (fixtures?: Fixtures) => Promise<ResetResult>
  /** Adds records; a record that is already there is a 409 naming it. */
  seed: (records: SeedRecords) => Promise<SeedResult>
  /** The whole state, in the fixture format. */
  state: () => Promise<Fixtures>
  /** Recorded requests, newest first. */
  requests: (filter?: RequestFilter) => Promise<JournalEntry[]>
  countRequests: (filter?: RequestFilter) => Promise<number>
  clearRequests: () => Promise<void>
  clock: ClockHandle
  /** Fault rules: failures, delays and broken connections on the workspace's API requests. */
  faults: FaultsClient
  /** The workspace's rate limit. */
  rateLimit: RateLimitClient
  /** Webhook subscriptions of the workspace and their deliveries. */
  webhooks: WebhooksHandle
}

/** Acts on the whole mock rather than one workspace. */
export interface ServerHandle {
  /** Drops every workspace. */
  resetAll: () => Promise<ResetResult>
  workspaces: () => Promise<WorkspaceListing[]>
  /** Requests that reached no workspace (no token, a refused token, no such route), newest first. */
  requests: (filter?: RequestFilter) => Promise<JournalEntry[]>
  countRequests: (filter?: RequestFilter) => Promise<number>
  clearRequests: () => Promise<void>
}

export function workspaceHandle (token: string, request: ControlRequest): WorkspaceHandle {
  const setClock = async (body: Record<string, unknown>) => await request('PUT', '/__mock/clock', { body }) as ClockState
  return {
    token,
    reset: async (fixtures) => await request('POST', '/__mock/reset', fixtures === undefined ? {} : { body: fixtures }) as ResetResult,
    seed: async (records) => await request('POST', '/__mock/seed', { body: records }) as SeedResult,
    state: async () => await request('GET', '/__mock/state') as Fixtures,
    ...journalCalls(request),
    clock: {
      now: async () => (await request('GET', '/__mock/clock') as ClockState).now,
      state: async () => await request('GET', '/__mock/clock') as ClockState,
      freeze: async (t) => await setClock({ frozen_at: t ?? (await request('GET', '/__mock/clock') as ClockState).now }),
      advance: async (seconds) => await setClock({ advance: seconds }),
      real: async () => await setClock({ real: true })
    },
    faults: faultsClient(request),
    rateLimit: rateLimitClient(request),
    webhooks: webhooksClient(request)
  }
}

export function serverHandle (request: ControlRequest): ServerHandle {
  return {
    resetAll: async () => await request('POST', '/__mock/reset') as ResetResult,
    workspaces: async () => (await request('GET', '/__mock/workspaces') as { data: WorkspaceListing[] }).data,
    ...journalCalls(request)
  }
}

function journalCalls (request: ControlRequest): Pick<WorkspaceHandle, 'requests' | 'countRequests' | 'clearRequests'> {
  return {
    requests: async (filter = {}) => (await request('GET', '/__mock/requests', { query: queryOf(filter) }) as { data: JournalEntry[] }).data,
    countRequests: async (filter = {}) => (await request('GET', '/__mock/requests/count', { query: queryOf(filter) }) as { count: number }).count,
    clearRequests: async () => { await request('DELETE', '/__mock/requests') }
  }
}

function queryOf (filter: RequestFilter): Record<string, string | number> {
  const query: Record<string, string | number> = {}
  for (const [key, value] of Object.entries(filter)) if (value !== undefined) query[key] = value as string | number
  return query
}
