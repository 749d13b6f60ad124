import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { createMessage } from '../domain/messages.js'
import { v1Only } from '../http/api-version.js'
import { CreateMessageBody } from '../schemas/messages.js'
import { partyInput } from './inputs.js'

export const messageRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post('/messages', { schema: { body: CreateMessageBody }, constraints: v1Only }, async (request) => {
    const { body } = request
    const message = createMessage(request.ctx, {
      from: partyInput(body.from),
      to: Array.isArray(body.to) ? body.to.map(partyInput) : body.to === undefined ? undefined : partyInput(body.to),
      body: body.body,
      messageType: body.message_type,
      subject: body.subject,
      template: body.template
    })
    return request.present.message(message)
  })
}
