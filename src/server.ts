import { rm, writeFile } from 'node:fs/promises'
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
 * What `startIntercomMock` assumes where an option is left out: suited to a test suite (state that ends
 * with the process, a free port so parallel suites never collide, only warnings in the test output),
 * where the CLI's defaults suit a server.
 */
export const IN_PROCESS_DEFAULTS = { dbPath: ':memory:', port: 0, host: '127.0.0.1', logLevel: 'warn' } as const satisfies Partial<Config>

/**
 * Starts the mock in this process and resolves once it is listening.
 *
 *     const mock = await startIntercomMock()
 *     const client = new IntercomClient({ token: 'test', baseUrl: mock.url })
 */
export async function startIntercomMock (options: StartOptions = {}): Promise<IntercomMock> {
  const { store, fixtures, clock, webhookTimeoutMs, logStream, ...overrides } = options
  const config = defaultConfig({ ...IN_PROCESS_DEFAULTS, ...overrides })
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
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`
  const { urlFile } = config
  if (urlFile !== null) {
    // For whoever waits on the URL (the Docker health check); removed again on close.
    await writeFile(urlFile, `${url}\n`).catch(async (error: unknown) => { await app.close(); throw error })
  }
  return {
    url,
    port,
    app,
    close: async () => {
      await app.close()
      if (urlFile !== null) await rm(urlFile, { force: true })
    },
    ...inProcessControl(app, config.adminToken)
  }
}

/** The control handles of an app in this process: the HTTP control routes, called through `app.inject`. */
export function inProcessControl (app: FastifyInstance, adminToken: string | null): Pick<IntercomMock, 'requester' | 'workspace' | keyof ServerHandle> {
  const requester = (token: string | null) => injectRequester(app, { token, adminToken: adminToken ?? undefined })
  return { requester, workspace: (token) => workspaceHandle(token, requester(token)), ...serverHandle(requester(null)) }
}
