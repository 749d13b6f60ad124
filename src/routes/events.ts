import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { addEventSummaries, createEvent, listEvents, summariseEvents } from '../domain/data-events.js'
import { v2Only } from '../http/api-version.js'
import { pageLinks } from '../http/links.js'
import { presentEventList, presentEventSummary } from '../presenters/event.js'
import { CreateEventBody, EventSummariesBody, ListEventsQuery } from '../schemas/events.js'

/** Data events in both majors; 2.x also takes counts of events that happened elsewhere. */
export const eventRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post('/events', { schema: { body: CreateEventBody } }, async (request, reply) => {
    const { body } = request
    createEvent(request.ctx, { eventName: body.event_name, createdAt: body.created_at, id: body.id, userId: body.user_id, email: body.email, metadata: body.metadata })
    return reply.code(202).send()
  })

  app.get('/events', { schema: { querystring: ListEventsQuery } }, async (request) => {
    const { query } = request
    const user = { type: query.type, userId: query.user_id, intercomUserId: query.intercom_user_id, email: query.email }
    if (query.summary === true) return presentEventSummary(summariseEvents(request.ctx, user))
    return presentEventList(listEvents(request.ctx, user, { page: query.page, perPage: query.per_page }), pageLinks(request))
  })

  app.post('/events/summaries', { schema: { body: EventSummariesBody }, constraints: v2Only }, async (request, reply) => {
    const { body } = request
    addEventSummaries(request.ctx, {
      userId: body.user_id,
      summaries: [body.event_summaries].flat().map(s => ({ eventName: s.event_name, count: s.count, first: s.first, last: s.last }))
    })
    return reply.code(200).send()
  })
}
