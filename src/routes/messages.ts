import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { createMessage } from '../domain/messages.js'
import { CreateMessageBody } from '../schemas/messages.js'
import { isAtLeast } from '../versions.js'
import { partyInput } from './inputs.js'

export const messageRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post('/messages', { schema: { body: CreateMessageBody } }, async (request) => {
    const { body } = request
    const message = createMessage(request.ctx, {
      from: partyInput(body.from),
      to: Array.isArray(body.to) ? body.to.map(partyInput) : body.to === undefined ? undefined : partyInput(body.to),
      cc: body.cc?.map(partyInput),
      bcc: body.bcc?.map(partyInput),
      body: body.body,
      messageType: body.message_type,
      subject: body.subject,
      template: body.template,
      createdAt: body.created_at,
      createConversationWithoutContactReply: body.create_conversation_without_contact_reply,
      allows: { recipientLists: isAtLeast(request.apiVersion, 2, 14) }
    })
    return request.present.message(message)
  })

}
