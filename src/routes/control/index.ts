import type { FastifyInstance, FastifyPluginAsync } from 'fastify'
import type { ControlPlane } from '../../control/plane.js'
import { addAdminGuard, addControlToken } from '../../http/control-access.js'
import { clockRoutes } from './clock.js'
import { openApiDocument } from './openapi.js'
import { requestRoutes } from './requests.js'
import { resetRoutes } from './reset.js'
import { seedRoutes } from './seed.js'
import { stateRoutes } from './state.js'
import { rejectUnknownFields } from './unknown-fields.js'
import { workspaceRoutes } from './workspaces.js'

export interface ControlRouteOptions {
  plane: ControlPlane
  /** INTERCOM_MOCK_ADMIN_TOKEN: when set, every control route requires it in X-Intercom-Mock-Admin. */
  adminToken: string | null
  version: string
  /**
   * Routes that act on the workspace their token names, with full `/__mock/…` paths: each request has
   * `request.ctx` set to that workspace (created from the fixtures on first use).
   */
  scopedRoutes?: FastifyPluginAsync[]
}

/**
 * The control plane under `/__mock/` (health is registered apart: it is never guarded). Each concern
 * is a file of its own; #10 and #11 add theirs to this list.
 */
export function controlRoutes ({ plane, adminToken, version, scopedRoutes = [] }: ControlRouteOptions) {
  return async (app: FastifyInstance): Promise<void> => {
    const openApi = openApiDocument({
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'intercom-mock control plane',
          version,
          description: 'Steer the mock from a test: reset, seed, state, the request journal, the clock. A control call names its workspace with the access token its SDK uses (Authorization: Bearer <token>).'
        },
        components: {
          securitySchemes: {
            workspaceToken: { type: 'http', scheme: 'bearer', description: 'The access token of the workspace the call acts on' },
            adminToken: { type: 'apiKey', in: 'header', name: 'X-Intercom-Mock-Admin', description: 'Required when the mock runs with INTERCOM_MOCK_ADMIN_TOKEN' }
          }
        },
        security: [{ adminToken: [] }, { adminToken: [], workspaceToken: [] }]
      },
      transform: ({ schema, url }) => ({ schema: url.startsWith('/__mock/') ? schema : { ...schema, hide: true }, url })
    })
    openApi.recordRoutes(app)
    addAdminGuard(app, adminToken)
    addControlToken(app)
    app.addHook('onRoute', (route) => { route.config = { ...route.config, controlPlane: true } })
    await app.register(async (routes) => {
      await routes.register(resetRoutes(plane))
      await routes.register(seedRoutes(plane))
      await routes.register(stateRoutes(plane))
      await routes.register(clockRoutes(plane))
      await routes.register(requestRoutes(plane))
      await routes.register(workspaceRoutes(plane))
      await routes.register(openApi.route())
    }, { prefix: '/__mock' })
    await app.register(async (scoped) => {
      rejectUnknownFields(scoped)
      scoped.addHook('onRequest', async (request) => {
        request.ctx = plane.workspaces.contextFor(plane.workspace(request.controlToken))
      })
      for (const routes of scopedRoutes) await scoped.register(routes)
    })
  }
}
