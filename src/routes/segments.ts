import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { listContactSegments, listSegments, retrieveSegment } from '../domain/segments.js'
import { v2Only } from '../http/api-version.js'
import { presentContactSegmentsV2, presentSegment, presentSegmentList } from '../presenters/segment.js'
import { IdParams } from '../schemas/common.js'

const SegmentQuery = Type.Object({ include_count: Type.Optional(Type.Boolean()) })

/** Segments (from the fixtures, evaluated live) in both majors; a 2.x contact's segments. */
export const segmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/segments', { schema: { querystring: SegmentQuery } }, async (request) => {
    return presentSegmentList(listSegments(request.ctx, request.query.include_count === true))
  })

  app.get('/segments/:id', { schema: { params: IdParams, querystring: SegmentQuery } }, async (request) => {
    return presentSegment(retrieveSegment(request.ctx, request.params.id, request.query.include_count === true))
  })

  app.get('/contacts/:id/segments', { schema: { params: IdParams }, constraints: v2Only }, async (request) => {
    return presentContactSegmentsV2(listContactSegments(request.ctx, request.params.id))
  })
}
