import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { attachSubscription, detachSubscription, listContactSubscriptions, listSubscriptionTypes } from '../domain/subscriptions.js'
import { v2Only } from '../http/api-version.js'
import { presentSubscriptionTypeListV2, presentSubscriptionTypeV2 } from '../presenters/v2/subscription-type.js'
import { Id, IdParams } from '../schemas/common.js'

const AttachSubscriptionBody = Type.Object({ id: Type.Optional(Id), consent_type: Type.Optional(Type.String()) })
const ContactSubscriptionParams = Type.Object({ id: Id, subscription_id: Id })

/** 2.x subscription types and contacts' choices about them. */
export const subscriptionTypeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/subscription_types', { constraints: v2Only }, async (request) => presentSubscriptionTypeListV2(listSubscriptionTypes(request.ctx)))

  app.get('/contacts/:id/subscriptions', { schema: { params: IdParams }, constraints: v2Only }, async (request) => {
    return presentSubscriptionTypeListV2(listContactSubscriptions(request.ctx, request.params.id))
  })

  app.post('/contacts/:id/subscriptions', { schema: { params: IdParams, body: AttachSubscriptionBody }, constraints: v2Only }, async (request) => {
    return presentSubscriptionTypeV2(attachSubscription(request.ctx, request.params.id, { id: request.body.id, consentType: request.body.consent_type }))
  })

  app.delete('/contacts/:id/subscriptions/:subscription_id', { schema: { params: ContactSubscriptionParams }, constraints: v2Only }, async (request) => {
    return presentSubscriptionTypeV2(detachSubscription(request.ctx, request.params.id, request.params.subscription_id))
  })
}
