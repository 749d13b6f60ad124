import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { ControlPlane } from '../../control/plane.js'
import { ClockChange, ClockState } from '../../schemas/control.js'

/** `GET|PUT /__mock/clock`: read, freeze, advance or free a workspace's clock. */
export function clockRoutes (plane: ControlPlane): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/clock', {
      schema: { summary: 'The workspace\'s clock', response: { 200: ClockState } }
    }, async (request) => plane.clock(request.controlToken))

    app.put('/clock', {
      schema: { summary: 'Freeze, advance or free the workspace\'s clock; snoozes it passes wake', body: ClockChange, response: { 200: ClockState } }
    }, async (request) => plane.setClock(request.controlToken, request.body))
  }
}
