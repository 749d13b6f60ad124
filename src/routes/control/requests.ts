import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { ControlPlane } from '../../control/plane.js'
import { JournalCount, JournalList, JournalQuery } from '../../schemas/control.js'

/** `GET|DELETE /__mock/requests`, `GET /__mock/requests/count`: the request journal, the workspace's or (no token) the server-wide one. */
export function requestRoutes (plane: ControlPlane): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/requests', {
      schema: { summary: 'Recorded requests, newest first', querystring: JournalQuery, response: { 200: JournalList } }
    }, async (request) => ({ data: plane.requests(request.controlToken, request.query) }))

    app.get('/requests/count', {
      schema: { summary: 'How many recorded requests match', querystring: JournalQuery, response: { 200: JournalCount } }
    }, async (request) => ({ count: plane.countRequests(request.controlToken, request.query) }))

    app.delete('/requests', {
      schema: { summary: 'Forget the recorded requests', response: { 204: { type: 'null' } } }
    }, async (request, reply) => {
      plane.clearRequests(request.controlToken)
      return reply.code(204).send()
    })
  }
}
