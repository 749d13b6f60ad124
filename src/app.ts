import Fastify, { type FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { Config } from './config.js'
import { addFaults } from './control/faults/apply.js'
import { FaultRules } from './control/faults/fault-rules.js'
import { fixtureRateLimit, loadFixtures, type Fixtures } from './control/fixtures.js'
import { ControlPlane } from './control/plane.js'
import { addRateLimits } from './control/rate-limit/enforce.js'
import { RateLimits } from './control/rate-limit/rate-limits.js'
import { applyFixtureWebhooks, WebhookDispatcher, webhookOutbox } from './control/webhooks/index.js'
import { Workspaces } from './control/workspaces.js'
import { systemClock, type Clock } from './domain/clock.js'
import { addApiVersion, defaultVersionFrom, intercomApiConstraint, versionFallbacks } from './http/api-version.js'
import { absoluteFormTarget, registerClientQuirks } from './http/client-quirks.js'
import { frameworkErrors, registerErrorHandling, sendError } from './http/error-handler.js'
import { clientErrorHandler, HTTP_SERVER_OPTIONS, registerFraming } from './http/framing.js'
import { answerAfterCommit } from './http/group-commit.js'
import { addJournal } from './http/journal.js'
import { lazySchemaController } from './http/lazy-schemas.js'
import { addWorkspaceAuth } from './http/workspace.js'
import { BODY_LIMIT_BYTES } from './limits.js'
import { adminRoutes } from './routes/admins.js'
import { companyRoutes } from './routes/companies.js'
import { attachmentRoutes } from './routes/attachments.js'
import { contactRoutes } from './routes/contacts.js'
import { controlRoutes } from './routes/control/index.js'
import { faultRoutes } from './routes/control/faults.js'
import { rateLimitRoutes } from './routes/control/rate-limit.js'
import { webhookControlRoutes } from './routes/control/webhooks.js'
import { conversationRoutes } from './routes/conversations.js'
import { dataAttributeRoutes } from './routes/data-attributes.js'
import { eventRoutes } from './routes/events.js'
import { healthRoutes } from './routes/health.js'
import { leadRoutes } from './routes/leads.js'
import { messageRoutes } from './routes/messages.js'
import { noteRoutes } from './routes/notes.js'
import { segmentRoutes } from './routes/segments.js'
import { subscriptionTypeRoutes } from './routes/subscription-types.js'
import { subscriptionRoutes } from './routes/subscriptions.js'
import { tagRoutes } from './routes/tags.js'
import { ticketRoutes } from './routes/tickets.js'
import { userRoutes } from './routes/users.js'
import { visitorRoutes } from './routes/visitors.js'
import { packageVersion } from './package-files.js'
import { LiveUpdates, addLiveHooks } from './ui/live.js'
import { uiRoutes } from './ui/routes.js'
import { finiteMaximumKeyword } from './schemas/common.js'
import { openStore, type Store } from './store/index.js'
import { parseApiVersion, type ApiVersion } from './versions.js'

export interface AppDependencies {
  /** @internal Defaults to the database at `config.dbPath`. The app closes it when it closes. */
  store?: Store
  /** Defaults to the file at `config.fixturesPath`. */
  fixtures?: Fixtures
  /** The server's clock, which every workspace's clock follows unless frozen or offset. */
  clock?: Clock
  /** Where log lines go (pino's destination); standard output by default. */
  logStream?: NodeJS.WritableStream
  /** How long a webhook endpoint has to answer; Intercom's 5 s by default. */
  webhookTimeoutMs?: number
}

/**
 * The whole mock as a Fastify instance, not yet listening (tests use `inject`; server.ts listens).
 * Everything it registers is in this one list.
 */
export function buildApp (config: Config, deps: AppDependencies = {}): FastifyInstance {
  const fixtures = deps.fixtures ?? loadFixtures(config.fixturesPath)
  const store = deps.store ?? openStore(config.dbPath)
  const clock = deps.clock ?? systemClock
  const serverVersion = parseApiVersion(config.apiVersion) as ApiVersion
  let dispatcher: WebhookDispatcher | null = null
  const workspaces = new Workspaces(store, fixtures, clock, undefined, {
    rules: { undeclaredAttributes: config.undeclaredAttributes },
    events: webhookOutbox((workspaceId, subscriptionId) => dispatcher?.notify(workspaceId, subscriptionId)),
    onCreate: (ctx, from) => applyFixtureWebhooks(ctx, from, parseApiVersion(ctx.workspace.apiVersion ?? '') ?? serverVersion)
  })
  const allowedTokens = config.tokens === null ? null : new Set(config.tokens)
  const plane = new ControlPlane(workspaces, allowedTokens, config.journalSize)
  const defaultVersion = defaultVersionFrom(workspaces, serverVersion)
  const versionConstraint = intercomApiConstraint(defaultVersion)
  const faults = new FaultRules()
  const rateLimits = new RateLimits(fixtureRateLimit(fixtures, config.rateLimit))
  // A reset gives its token a new workspace: the old one's rules and rate limit go with it.
  workspaces.events.onWorkspaceDropped(id => {
    faults.clearWorkspaceFaults(id)
    rateLimits.restoreDefault(id)
  })

  const app = Fastify({
    logger: deps.logStream === undefined ? { level: config.logLevel } : { level: config.logLevel, stream: deps.logStream },
    genReqId: (req) => plane.requestIds.next(req),
    requestIdHeader: false,
    rewriteUrl: absoluteFormTarget,
    frameworkErrors,
    clientErrorHandler,
    http: HTTP_SERVER_OPTIONS,
    bodyLimit: BODY_LIMIT_BYTES,
    ajv: { onCreate: (ajv) => { ajv.addKeyword(finiteMaximumKeyword) } },
    schemaController: lazySchemaController(),
    routerOptions: {
      ignoreTrailingSlash: true,
      constraints: { [versionConstraint.name]: versionConstraint }
    }
  }).withTypeProvider<TypeBoxTypeProvider>()

  const live = new LiveUpdates()
  dispatcher = new WebhookDispatcher({
    store,
    log: app.log,
    timeoutMs: deps.webhookTimeoutMs,
    onAttempt: (workspace) => { live.changed(workspace.token, 'delivery') },
    workspaceOf: (id) => {
      const workspace = store.workspaces.findById(id)
      return workspace === null ? null : { workspace, clock: workspaces.contextFor(workspace).clock }
    }
  })
  const webhooks = dispatcher
  // A moved clock may make retries due now.
  workspaces.events.onAnyClockChange(() => { webhooks.wake() })
  app.decorate('webhooks', { wake: () => webhooks.wake(), idle: () => webhooks.idle() })
  app.decorate('control', plane)
  app.addHook('onReady', async () => {
    workspaces.purgeLeftovers()
    webhooks.wake() // what a previous process left pending
  })
  app.addHook('onClose', async () => {
    await webhooks.close()
    workspaces.close()
    store.close()
  })
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id)
    done()
  })
  registerErrorHandling(app)
  registerFraming(app, sendError)
  registerClientQuirks(app)
  addJournal(app, plane.journal, clock)
  addLiveHooks(app, live)
  answerAfterCommit(app, store)

  app.register(healthRoutes(store))
  app.register(controlRoutes({
    plane,
    adminToken: config.adminToken,
    version: packageVersion(),
    scopedRoutes: [faultRoutes(faults), rateLimitRoutes(rateLimits), webhookControlRoutes({ defaultVersion, dispatcher })]
  }))
  app.register(uiRoutes({ plane, adminToken: config.adminToken, live }))
  app.register(attachmentRoutes(store))
  app.register(async (api) => {
    addWorkspaceAuth(api, { workspaces, allowedTokens })
    addRateLimits(api, rateLimits)
    addApiVersion(api, defaultVersion)
    addFaults(api, faults, rateLimits)
    const fallbacks = versionFallbacks(api)
    await api.register(messageRoutes)
    await api.register(conversationRoutes)
    await api.register(userRoutes)
    await api.register(leadRoutes)
    await api.register(contactRoutes)
    await api.register(visitorRoutes)
    await api.register(adminRoutes)
    await api.register(subscriptionRoutes(webhooks))
    await api.register(tagRoutes)
    await api.register(companyRoutes)
    await api.register(noteRoutes)
    await api.register(segmentRoutes)
    await api.register(dataAttributeRoutes)
    await api.register(eventRoutes)
    await api.register(subscriptionTypeRoutes)
    await api.register(ticketRoutes)
    fallbacks.register()
  })
  return app
}
