import type { FastifyInstance } from 'fastify'
import { buildApp, type AppDependencies } from './app.js'
import { defaultConfig, type Config } from './config.js'

export interface IntercomMock {
  /** Base URL to point an Intercom SDK at, e.g. `http://127.0.0.1:53124`. */
  url: string
  port: number
  app: FastifyInstance
  /** Stops listening and closes the database. */
  close: () => Promise<void>
}

export interface StartOptions extends Partial<Config>, AppDependencies {}

/**
 * Starts the mock in this process and resolves once it is listening. Options default as the CLI's do,
 * except `port`, which defaults to 0 (a free port) so parallel test suites never collide.
 *
 *     const mock = await startIntercomMock({ dbPath: ':memory:' })
 *     const client = new IntercomClient({ token: 'test', baseUrl: mock.url })
 */
export async function startIntercomMock (options: StartOptions = {}): Promise<IntercomMock> {
  const { store, fixtures, clock, webhookTimeoutMs, logStream, ...overrides } = options
  const config = defaultConfig({ port: 0, ...overrides })
  const deps: AppDependencies = {}
  if (store !== undefined) deps.store = store
  if (fixtures !== undefined) deps.fixtures = fixtures
  if (clock !== undefined) deps.clock = clock
  if (webhookTimeoutMs !== undefined) deps.webhookTimeoutMs = webhookTimeoutMs
  if (logStream !== undefined) deps.logStream = logStream
  const app = buildApp(config, deps)
  try {
    await app.listen({ port: config.port, host: config.host })
  } catch (error) {
    await app.close()
    throw error
  }
  const address = app.server.address()
  const port = typeof address === 'object' && address !== null ? address.port : config.port
  const host = config.host.includes(':') ? `[${config.host}]` : config.host
  return { url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`, port, app, close: async () => { await app.close() } }
}
