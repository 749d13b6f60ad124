import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { FixturesSchema } from '../../control/fixtures.js'
import type { ControlPlane } from '../../control/plane.js'

/** `GET /__mock/state`: the workspace's whole state in the fixture format (reset to it for the same workspace). */
export function stateRoutes (plane: ControlPlane): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/state', {
      schema: { summary: 'The workspace\'s whole state, in the fixture format', response: { 200: FixturesSchema } }
    }, async (request) => plane.state(request.controlToken))
  }
}
