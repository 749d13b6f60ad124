import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { manageConversation } from '../domain/conversation-actions.js'
import { addConversationCustomer, removeConversationCustomer } from '../domain/conversation-customers.js'
import { CONVERSATION_PAGE_LIMITS, deleteConversation, listConversations, retrieveConversation, updateConversation } from '../domain/conversations.js'
import { createConversation } from '../domain/messages.js'
import { REPLY_LIMITS, replyConversation } from '../domain/replies.js'
import { redactConversation } from '../domain/redaction.js'
import { searchConversations } from '../domain/search.js'
import { runAssignmentRules } from '../domain/assignment-rules.js'
import { since, until, v2Only } from '../http/api-version.js'
import { isAtLeast } from '../versions.js'
import { presentDeletedConversationV2 } from '../presenters/v2/conversation.js'
import { pageLinks } from '../http/links.js'
import {
  AddCustomerBody, AdminIdQuery, ConversationParams, CustomerParams, RedactBody, RemoveCustomerBody, ListConversationsQuery, ManageConversationBody, ReplyBody, RetrieveConversationQuery, UpdateConversationBody
} from '../schemas/conversations.js'
import { CreateConversationBody } from '../schemas/messages.js'
import { ATTACHMENT_BODY_LIMIT, bodyDisplay, replyInput } from './inputs.js'

/**
 * Conversations in both majors: one handler per operation, the version's presenter renders it. 2.x
 * clients may pass the 1.x list filters as query parameters (intercom-client 7 `queryParams`).
 */
export const conversationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/conversations', { schema: { querystring: ListConversationsQuery } }, async (request) => {
    const { query } = request
    const page = listConversations(request.ctx, {
      type: query.type,
      intercomUserId: query.intercom_user_id,
      userId: query.user_id,
      email: query.email,
      adminId: query.admin_id ?? query.id,
      open: query.open,
      unread: query.unread,
      before: query.before,
      order: query.order,
      sort: query.sort,
      page: query.page,
      perPage: query.per_page,
      startingAfter: query.starting_after
    }, CONVERSATION_PAGE_LIMITS[request.apiVersion.major])
    return request.present.conversationList(page, bodyDisplay(query.display_as), pageLinks(request))
  })

  app.post('/conversations', { schema: { body: CreateConversationBody }, constraints: v2Only }, async (request) => {
    const { body } = request
    const message = createConversation(request.ctx, {
      from: { type: body.from.type, id: body.from.id }, body: body.body, subject: body.subject, attachmentUrls: body.attachment_urls, createdAt: body.created_at
    })
    return request.present.message(message)
  })

  app.post('/conversations/search', { constraints: v2Only }, async (request) => {
    return request.present.conversationList(searchConversations(request.ctx, request.body), 'html', pageLinks(request))
  })

  app.post('/conversations/redact', { schema: { body: RedactBody }, constraints: v2Only }, async (request) => {
    const { body } = request
    const conversation = redactConversation(request.ctx, {
      type: body.type, conversationId: body.conversation_id, conversationPartId: body.conversation_part_id, sourceId: body.source_id
    })
    return request.present.conversation(conversation, 'html')
  })

  const retrieve = { params: ConversationParams, querystring: RetrieveConversationQuery }

  app.get('/conversations/:id', { schema: retrieve }, async (request) => {
    const conversation = retrieveConversation(request.ctx, request.params.id)
    return request.present.conversation(conversation, bodyDisplay(request.query.display_as))
  })

  app.delete('/conversations/:id', { schema: { params: ConversationParams }, constraints: v2Only, config: since('2.13') }, async (request) => {
    return presentDeletedConversationV2(deleteConversation(request.ctx, request.params.id))
  })

  app.post('/conversations/:id/reply', { schema: { ...retrieve, body: ReplyBody }, bodyLimit: ATTACHMENT_BODY_LIMIT }, async (request) => {
    const conversation = replyConversation(request.ctx, request.params.id, replyInput(request, request.body), REPLY_LIMITS[request.apiVersion.major])
    return request.present.conversation(conversation, bodyDisplay(request.query.display_as))
  })

  app.post('/conversations/:id/parts', { schema: { ...retrieve, body: ManageConversationBody }, constraints: v2Only }, async (request) => {
    const { body } = request
    const conversation = manageConversation(request.ctx, request.params.id, {
      messageType: body.message_type,
      adminId: body.admin_id,
      assigneeId: body.assignee_id,
      assigneeType: body.type,
      body: body.body,
      snoozedUntil: body.snoozed_until
    })
    return request.present.conversation(conversation, bodyDisplay(request.query.display_as))
  })

  app.post('/conversations/:id/run_assignment_rules', { schema: retrieve, constraints: v2Only, config: until('2.11') }, async (request) => {
    return request.present.conversation(runAssignmentRules(request.ctx, request.params.id), bodyDisplay(request.query.display_as))
  })

  app.post('/conversations/:id/customers', { schema: { ...retrieve, body: AddCustomerBody } }, async (request) => {
    const { body } = request
    const customer = body.customer ?? body
    const conversation = addConversationCustomer(request.ctx, request.params.id, {
      adminId: body.admin_id,
      customer: { intercomUserId: customer.intercom_user_id, userId: customer.user_id, email: customer.email }
    })
    return request.present.conversation(conversation, bodyDisplay(request.query.display_as))
  })

  app.delete('/conversations/:id/customers/:contact_id', { schema: { params: CustomerParams, querystring: AdminIdQuery, body: RemoveCustomerBody } }, async (request) => {
    const adminId = request.body?.admin_id ?? request.query.admin_id
    const conversation = removeConversationCustomer(request.ctx, request.params.id, request.params.contact_id, { adminId })
    return request.present.conversation(conversation, 'html')
  })

  // python-intercom 3.x marks a conversation read with PUT /conversations/{id}/reply.
  for (const url of ['/conversations/:id', '/conversations/:id/reply']) {
    app.put(url, { schema: { ...retrieve, body: UpdateConversationBody } }, async (request) => {
      const { body } = request
      const conversation = updateConversation(request.ctx, request.params.id, {
        read: body.read,
        title: body.title,
        customAttributes: body.custom_attributes,
        companyId: isAtLeast(request.apiVersion, 2, 14) ? body.company_id : undefined
      })
      return request.present.conversation(conversation, bodyDisplay(request.query.display_as))
    })
  }
}
