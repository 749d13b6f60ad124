import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { ControlPlane } from '../../control/plane.js'
import { SeedSchema } from '../../control/seed.js'

/** `POST /__mock/seed`: adds fixture-format records (admins, teams, people, conversations) to the workspace. */
export function seedRoutes (plane: ControlPlane): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post('/seed', {
      schema: {
        summary: 'Add records to the workspace',
        description: 'Records in the fixture format; references may point at records the workspace already has. An id already there is a 409 naming it.',
        body: SeedSchema,
        response: { 200: Type.Object({ added: Type.Record(Type.String(), Type.Integer()) }) }
      },
      // The schema documents the body; the fixture rules validate it, so errors name JSON paths.
      validatorCompiler: () => () => true
    }, async (request) => plane.seed(request.controlToken, request.body as unknown))
  }
}
