import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { ControlPlane } from '../../control/plane.js'
import { WorkspaceList } from '../../schemas/control.js'

/** `GET /__mock/workspaces` (server-wide), `DELETE /__mock/workspaces` (the token's). */
export function workspaceRoutes (plane: ControlPlane): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/workspaces', {
      schema: { summary: 'Every workspace', response: { 200: WorkspaceList } }
    }, async () => ({ data: plane.listWorkspaces() }))

    app.delete('/workspaces', {
      schema: { summary: 'Drop the token\'s workspace', response: { 204: { type: 'null' } } }
    }, async (request, reply) => {
      plane.dropWorkspace(request.controlToken)
      return reply.code(204).send()
    })
  }
}
