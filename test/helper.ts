import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify'
import type { Test } from 'tap'
import { buildApp } from '../src/app.js'
import { defaultConfig, type Config } from '../src/config.js'
import { loadFixtures, type Fixtures } from '../src/control/fixtures.js'
import { Workspaces } from '../src/control/workspaces.js'
import { fixedClock, type Clock } from '../src/domain/clock.js'
import type { DomainContext } from '../src/domain/context.js'
import { inProcessControl, type IntercomMock } from '../src/server.js'
import { openStore, type Store } from '../src/store/index.js'
import { checkResponsesAgainstSpec } from './openapi/spec-check.js'

/** Midday, 2024-05-01 UTC: the fixed time tests start at unless they move the clock. */
export const T0 = 1714564800

/** The ids of the default fixtures that tests lean on. */
export const FIXTURE = {
  mal: { id: '536e564f316c83104c000020', userId: '25', email: 'mal@serenity.io' },
  inara: { id: '5f7f0d217289f8d2f4262080', userId: '26', email: 'inara@serenity.io' },
  jayne: { id: '5f7f0d217289f8d2f4262081', userId: '27', email: 'jayne@serenity.io' },
  simon: { id: '536e564f316c83104c000021', userId: 'd6b8bcd0-2f54-4f2c-9f4b-1c2a3e4d5f60', email: 'simon@serenity.io' },
  river: { id: '536e564f316c83104c000022', userId: 'f1d2c3b4-a596-4877-8899-aabbccddeeff' },
  visitor: { id: '5a5f4d8a3b2c1d0e9f8a7b6c', userId: '8a88a590-e1c3-41e2-a502-e0649dbf721c' },
  book: { id: '5a5f4d8a3b2c1d0e9f8a7b6d', userId: '3ecf64d0-9ed1-4e9f-88e1-da7d6e6782f3', email: 'book@abbey.org' },
  wash: { id: '394051', name: 'Wash', email: 'wash@serenity.io' },
  zoe: { id: '394052' },
  kaylee: { id: '394053' },
  crew: { id: '814860' }
} as const

export interface TestApp {
  app: FastifyInstance
  clock: Clock & { set: (t: number) => void, advance: (s: number) => void }
  /** A request as a client with this token would send it (Bearer auth unless headers say otherwise). */
  request: (options: ApiRequest) => Promise<LightMyRequestResponse>
  store: Store
  /** The domain context of a token's workspace, for arranging state the API cannot reach directly. */
  ctxFor: (token?: string) => DomainContext
}

export interface ApiRequest {
  method?: InjectOptions['method']
  url: string
  payload?: InjectOptions['payload']
  headers?: Record<string, string>
  token?: string | null
  version?: string
}

let defaultFixtures: Fixtures | undefined

export function fixtures (): Fixtures {
  defaultFixtures ??= loadFixtures('fixtures/default.json')
  return defaultFixtures
}

/** The app on a private in-memory database with a fixed clock, closed when the test ends. */
export async function build (t: Test, overrides: Partial<Config> = {}, deps: { fixtures?: Fixtures, logStream?: NodeJS.WritableStream, webhookTimeoutMs?: number, store?: Store } = {}): Promise<TestApp> {
  const clock = fixedClock(T0)
  const store = deps.store ?? openStore(':memory:')
  const seed = deps.fixtures ?? fixtures()
  const { fixtures: _, store: __, ...rest } = deps
  const app = buildApp(defaultConfig({ dbPath: ':memory:', logLevel: 'silent', ...overrides }), { ...rest, fixtures: seed, clock, store })
  checkResponsesAgainstSpec(app, t)
  t.teardown(() => app.close())
  await app.ready()
  const workspaces = new Workspaces(store, seed, clock)
  return {
    app,
    clock,
    store,
    request: (options) => inject(app, options),
    ctxFor: (token = 'test-token') => workspaces.contextFor(workspaces.forToken(token))
  }
}

export function inject (app: FastifyInstance, { method = 'GET', url, payload, headers = {}, token = 'test-token', version }: ApiRequest) {
  const all: Record<string, string> = { accept: 'application/json', ...headers }
  if (token !== null) all.authorization ??= `Bearer ${token}`
  if (version !== undefined) all['intercom-version'] = version
  const options: InjectOptions = { method, url, headers: all }
  if (payload !== undefined) options.payload = payload
  return app.inject(options)
}

/**
 * The mock listening on an ephemeral port of 127.0.0.1 (as `startIntercomMock` starts it), closed
 * when the test ends, checking its 2.x responses against the OpenAPI like `build`.
 */
export async function listen (t: Test, overrides: Partial<Config> = {}): Promise<IntercomMock & { clock: TestApp['clock'] }> {
  const clock = fixedClock(T0)
  const app = buildApp(defaultConfig({ dbPath: ':memory:', logLevel: 'silent', ...overrides }), { fixtures: fixtures(), clock })
  checkResponsesAgainstSpec(app, t)
  await app.listen({ port: 0, host: '127.0.0.1' })
  t.teardown(() => app.close())
  const port = (app.server.address() as { port: number }).port
  return { url: `http://127.0.0.1:${port}`, port, app, close: async () => { await app.close() }, clock, ...inProcessControl(app, overrides.adminToken ?? null) }
}

/** Asserts an Intercom error.list: status, one error with exactly these fields, request id echoed in X-Request-Id. */
export function assertError (
  t: Test,
  response: LightMyRequestResponse,
  status: number,
  error: { code: string, message: string | RegExp, field?: string }
): void {
  t.equal(response.statusCode, status, `status ${status}`)
  const body = response.json() as { type: string, request_id: string, errors: Array<Record<string, unknown>> }
  t.equal(body.type, 'error.list')
  t.match(body.request_id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  t.equal(body.request_id, response.headers['x-request-id'])
  t.equal(body.errors.length, 1)
  const [actual] = body.errors
  t.equal(actual?.code, error.code)
  if (typeof error.message === 'string') t.equal(actual?.message, error.message)
  else t.match(actual?.message, error.message)
  if (error.field === undefined) t.notOk('field' in (actual ?? {}), 'no field')
  else t.equal(actual?.field, error.field)
  t.same(Object.keys(body).sort(), ['errors', 'request_id', 'type'])
}
