import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { WebhookDispatcher } from '../control/webhooks/dispatcher.js'
import { deliveries, findSubscription, ping, subscribe, unsubscribe } from '../control/webhooks/subscriptions.js'
import { sentBody } from '../control/webhooks/wire.js'
import { v1Only } from '../http/api-version.js'
import { presentFeedEntryV1, presentSubscriptionListV1, presentSubscriptionV1 } from '../presenters/v1/subscription.js'
import { IdParams } from '../schemas/common.js'
import { CreateSubscriptionBody } from '../schemas/webhooks.js'

/** How much of a feed `/sent` and `/error` show (Intercom kept "about 30 days"; the mock keeps all, shows the newest). */
const FEED_LIMIT = 100

/**
 * Intercom's legacy 1.x subscription API (LEG-manage-subscriptions): the same subscriptions as
 * `/__mock/webhooks`, signed with their `hub_secret` (unsigned without one).
 */
export function subscriptionRoutes (dispatcher: WebhookDispatcher): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post('/subscriptions', { schema: { body: CreateSubscriptionBody }, constraints: v1Only }, async (request) => {
      const { body } = request
      const subscription = request.ctx.store.transaction(() => subscribe(request.ctx, {
        url: body.url, topics: body.topics, hubSecret: body.hub_secret === '' ? null : body.hub_secret, origin: 'api'
      }, request.apiVersion))
      dispatcher.wake()
      return presentSubscriptionV1(subscription)
    })

    app.get('/subscriptions', { constraints: v1Only }, async (request) => {
      return presentSubscriptionListV1(request.ctx.store.webhooks.subscriptions())
    })

    app.get('/subscriptions/:id', { schema: { params: IdParams }, constraints: v1Only }, async (request) => {
      return presentSubscriptionV1(findSubscription(request.ctx, request.params.id))
    })

    app.delete('/subscriptions/:id', { schema: { params: IdParams }, constraints: v1Only }, async (request) => {
      return presentSubscriptionV1(request.ctx.store.transaction(() => unsubscribe(request.ctx, request.params.id)))
    })

    app.post('/subscriptions/:id/ping', { schema: { params: IdParams }, constraints: v1Only }, async (request) => {
      request.ctx.store.transaction(() => ping(request.ctx, request.params.id))
      dispatcher.wake()
      return presentSubscriptionV1(findSubscription(request.ctx, request.params.id))
    })

    app.get('/subscriptions/:id/sent', { schema: { params: IdParams }, constraints: v1Only }, async (request) => {
      const appId = request.ctx.workspace.app.idCode
      const sent = deliveries(request.ctx, request.params.id, { status: 'sent', limit: FEED_LIMIT })
      return {
        type: 'notification.list',
        notifications: sent.flatMap(d => d.attempts.filter(a => a.outcome === 'delivered').map(a => presentFeedEntryV1(a, sentBody(d.notification, a, appId))))
      }
    })

    app.get('/subscriptions/:id/error', { schema: { params: IdParams }, constraints: v1Only }, async (request) => {
      const appId = request.ctx.workspace.app.idCode
      const all = deliveries(request.ctx, request.params.id, { limit: FEED_LIMIT })
      return {
        type: 'notification.list',
        notifications: all.flatMap(d => d.attempts.filter(a => a.outcome !== 'delivered').reverse().map(a => presentFeedEntryV1(a, sentBody(d.notification, a, appId))))
      }
    })
  }
}
