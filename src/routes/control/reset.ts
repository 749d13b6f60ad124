import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { FixturesSchema } from '../../control/fixtures.js'
import type { ControlPlane } from '../../control/plane.js'
import { ResetResult } from '../../schemas/control.js'

/**
 * `POST /__mock/reset`: the token's workspace back to its fixtures (or to the fixture document sent),
 * or, without a token, every workspace dropped. The body is validated by the fixture rules
 * (control/fixtures.ts), so errors name JSON paths as the fixture file's do.
 */
export function resetRoutes (plane: ControlPlane): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post('/reset', {
      schema: {
        summary: 'Reset the workspace (or, without a token, drop every workspace)',
        description: 'With a body: reset to that fixture document (the format of fixtures/default.json), checked exactly as the fixture file is.',
        body: FixturesSchema,
        response: { 200: ResetResult }
      },
      // The schema documents the body; the fixture rules validate it, so errors read as the fixture file's do.
      validatorCompiler: () => () => true
    }, async (request) => {
      const body = isEmpty(request.body) ? undefined : request.body
      const { workspace, dropped } = plane.reset(request.controlToken, body as unknown)
      return { workspace: workspace === null ? null : plane.listingOf(workspace), dropped }
    })
  }
}

function isEmpty (body: unknown): boolean {
  return body === undefined || body === null || (typeof body === 'object' && Object.keys(body).length === 0)
}
