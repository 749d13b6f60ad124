import type { FastifyInstance } from 'fastify'
import { buildApp, type AppDependencies } from './app.js'
import { defaultConfig, type Config } from './config.js'
import { serverHandle, workspaceHandle, type ServerHandle, type WorkspaceHandle } from './control/client/handle.js'
import { injectRequester, type ControlRequest } from './control/client/requester.js'

export interface IntercomMock extends ServerHandle {
  /** Base URL to point an Intercom SDK at, e.g. `http://127.0.0.1:53124`. */
  url: string
  port: number
  app: FastifyInstance
  /** Stops listening and closes the database. */
  close: () => Promise<void>
  /** Steers the workspace of `token`: reset, seed, state, journal, clock (the HTTP control plane, in process). */
  workspace: (token: string) => WorkspaceHandle
  /** A raw control call as a workspace (or, with null, server-wide): what the handles are built from. */
  requester: (token: string | null) => ControlRequest
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
  const { store, fixtures, clock, ...overrides } = options
  const config = defaultConfig({ port: 0, ...overrides })
  const deps: AppDependencies = {}
  if (store !== undefined) deps.store = store
  if (fixtures !== undefined) deps.fixtures = fixtures
  if (clock !== undefined) deps.clock = clock
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
  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
    port,
    app,
    close: async () => { await app.close() },
    ...inProcessControl(app, config.adminToken)
  }
}

/** The control handles of an app in this process: the HTTP control routes, called through `app.inject`. */
export function inProcessControl (app: FastifyInstance, adminToken: string | null): Pick<IntercomMock, 'requester' | 'workspace' | keyof ServerHandle> {
  const requester = (token: string | null) => injectRequester(app, { token, adminToken: adminToken ?? undefined })
  return { requester, workspace: (token) => workspaceHandle(token, requester(token)), ...serverHandle(requester(null)) }
}
