import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { REPLY_LIMITS } from '../domain/replies.js'
import {
  convertConversationToTicket, createTicket, deleteTicket, listTicketStates, listTicketTypes, replyTicket, retrieveTicket, retrieveTicketType, updateTicket
} from '../domain/tickets/tickets.js'
import type { Ticket } from '../domain/tickets/types.js'
import { searchTickets } from '../domain/search.js'
import { since, v2Only } from '../http/api-version.js'
import {
  presentDeletedTicketV2, presentTicketListV2, presentTicketReplyV2, presentTicketStateListV2, presentTicketTypeListV2, presentTicketTypeV2, presentTicketV2
} from '../presenters/v2/ticket.js'
import { IdParams } from '../schemas/common.js'
import { ReplyBody } from '../schemas/conversations.js'
import { ConvertConversationBody, CreateTicketBody, UpdateTicketBody } from '../schemas/tickets.js'
import { isAtLeast } from '../versions.js'
import { ATTACHMENT_BODY_LIMIT, replyInput } from './inputs.js'
import type { FastifyRequest } from 'fastify'

/** Tickets (2.9+) and the ticket types and states the fixtures give a workspace. */
export const ticketRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tickets = { constraints: v2Only, config: since('2.9') }
  const present = (request: FastifyRequest, ticket: Ticket) =>
    presentTicketV2(ticket, request.ctx.workspace.app.idCode, request.ctx.store.tickets.allStates(), request.apiVersion)

  app.get('/ticket_types', tickets, async (request) => {
    return presentTicketTypeListV2(listTicketTypes(request.ctx), request.ctx.workspace.app.idCode, request.ctx.store.tickets.allStates(), request.apiVersion)
  })

  app.get('/ticket_types/:id', { ...tickets, schema: { params: IdParams } }, async (request) => {
    return presentTicketTypeV2(retrieveTicketType(request.ctx, request.params.id), request.ctx.workspace.app.idCode, request.ctx.store.tickets.allStates(), request.apiVersion)
  })

  app.get('/ticket_states', { constraints: v2Only, config: since('2.12') }, async (request) => {
    return presentTicketStateListV2(listTicketStates(request.ctx), request.ctx.workspace.app.idCode, request.apiVersion)
  })

  app.post('/tickets', { ...tickets, schema: { body: CreateTicketBody } }, async (request) => {
    const { body } = request
    const ticket = createTicket(request.ctx, {
      ticketTypeId: body.ticket_type_id,
      contacts: body.contacts.map(c => ({ id: c.id, externalId: c.external_id, email: c.email })),
      attributes: body.ticket_attributes,
      createdAt: isAtLeast(request.apiVersion, 2, 11) ? body.created_at : undefined,
      conversationToLinkId: isAtLeast(request.apiVersion, 2, 14) ? body.conversation_to_link_id : undefined
    })
    return present(request, ticket)
  })

  app.post('/tickets/search', { constraints: v2Only, config: since('2.10') }, async (request) => {
    return presentTicketListV2(searchTickets(request.ctx, request.body), request.ctx.workspace.app.idCode, request.ctx.store.tickets.allStates(), request.apiVersion)
  })

  app.get('/tickets/:id', { ...tickets, schema: { params: IdParams } }, async (request) => present(request, retrieveTicket(request.ctx, request.params.id)))

  app.put('/tickets/:id', { ...tickets, schema: { params: IdParams, body: UpdateTicketBody } }, async (request) => {
    const { body } = request
    const byId = isAtLeast(request.apiVersion, 2, 12)
    const assignment = byId
      ? (body.assignee_id === undefined ? undefined : { adminId: body.admin_id, assigneeId: body.assignee_id })
      : (body.assignment === undefined ? undefined : { adminId: body.assignment.admin_id, assigneeId: body.assignment.assignee_id })
    const ticket = updateTicket(request.ctx, request.params.id, {
      attributes: body.ticket_attributes,
      stateId: byId ? body.ticket_state_id : undefined,
      stateCategory: byId ? undefined : body.state,
      open: body.open,
      isShared: body.is_shared,
      assignment
    })
    return present(request, ticket)
  })

  app.delete('/tickets/:id', { constraints: v2Only, config: since('2.13'), schema: { params: IdParams } }, async (request) => {
    return presentDeletedTicketV2(deleteTicket(request.ctx, request.params.id))
  })

  app.post('/tickets/:id/reply', { ...tickets, schema: { params: IdParams, body: ReplyBody }, bodyLimit: ATTACHMENT_BODY_LIMIT }, async (request) => {
    const part = replyTicket(request.ctx, request.params.id, replyInput(request, request.body), REPLY_LIMITS[2])
    return presentTicketReplyV2(part)
  })

  app.post('/conversations/:id/convert', { constraints: v2Only, config: since('2.10'), schema: { params: IdParams, body: ConvertConversationBody } }, async (request) => {
    const ticket = convertConversationToTicket(request.ctx, request.params.id, { ticketTypeId: request.body.ticket_type_id, attributes: request.body.attributes })
    return present(request, ticket)
  })
}
