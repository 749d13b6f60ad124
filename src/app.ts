import Fastify, { type FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { Config } from './config.js'
import { loadFixtures, type Fixtures } from './control/fixtures.js'
import { Workspaces } from './control/workspaces.js'
import { systemClock, type Clock } from './domain/clock.js'
import { newRequestId } from './domain/ids.js'
import { addApiVersion, defaultVersionFrom, intercomApiConstraint, versionFallbacks } from './http/api-version.js'
import { absoluteFormTarget, registerClientQuirks } from './http/client-quirks.js'
import { frameworkErrors, registerErrorHandling } from './http/error-handler.js'
import './http/request-context.js'
import { addWorkspaceAuth } from './http/workspace.js'
import { adminRoutes } from './routes/admins.js'
import { attachmentRoutes } from './routes/attachments.js'
import { contactRoutes } from './routes/contacts.js'
import { conversationRoutes } from './routes/conversations.js'
import { healthRoutes } from './routes/health.js'
import { leadRoutes } from './routes/leads.js'
import { messageRoutes } from './routes/messages.js'
import { ticketRoutes } from './routes/tickets.js'
import { userRoutes } from './routes/users.js'
import { visitorRoutes } from './routes/visitors.js'
import { openStore, type Store } from './store/index.js'
import { parseApiVersion, type ApiVersion } from './versions.js'

export interface AppDependencies {
  /** Defaults to the database at `config.dbPath`. The app closes it when it closes. */
  store?: Store
  /** Defaults to the file at `config.fixturesPath`. */
  fixtures?: Fixtures
  clock?: Clock
  /** Where log lines go (pino's destination); standard output by default. */
  logStream?: NodeJS.WritableStream
}

/**
 * The whole mock as a Fastify instance, not yet listening (tests use `inject`; server.ts listens).
 * Everything it registers is in this one list.
 */
export function buildApp (config: Config, deps: AppDependencies = {}): FastifyInstance {
  const fixtures = deps.fixtures ?? loadFixtures(config.fixturesPath)
  const store = deps.store ?? openStore(config.dbPath)
  const workspaces = new Workspaces(store, fixtures, deps.clock ?? systemClock)
  const defaultVersion = defaultVersionFrom(workspaces, parseApiVersion(config.apiVersion) as ApiVersion)
  const versionConstraint = intercomApiConstraint(defaultVersion)

  const app = Fastify({
    logger: deps.logStream === undefined ? { level: config.logLevel } : { level: config.logLevel, stream: deps.logStream },
    genReqId: () => newRequestId(),
    requestIdHeader: false,
    rewriteUrl: absoluteFormTarget,
    frameworkErrors,
    routerOptions: {
      ignoreTrailingSlash: true,
      constraints: { [versionConstraint.name]: versionConstraint }
    }
  }).withTypeProvider<TypeBoxTypeProvider>()

  app.addHook('onClose', async () => store.close())
  app.addHook('onRequest', async (request, reply) => { reply.header('x-request-id', request.id) })
  registerErrorHandling(app)
  registerClientQuirks(app)

  app.register(healthRoutes(store))
  app.register(attachmentRoutes(store))
  app.register(async (api) => {
    addWorkspaceAuth(api, { workspaces, allowedTokens: config.tokens === null ? null : new Set(config.tokens) })
    addApiVersion(api, defaultVersion)
    const fallbacks = versionFallbacks(api)
    await api.register(messageRoutes)
    await api.register(conversationRoutes)
    await api.register(userRoutes)
    await api.register(leadRoutes)
    await api.register(contactRoutes)
    await api.register(visitorRoutes)
    await api.register(adminRoutes)
    await api.register(ticketRoutes)
    fallbacks.register()
  })
  return app
}
