import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import type { WebhookDispatcher } from '../../control/webhooks/dispatcher.js'
import {
  deliveries, findDelivery, findSubscription, ping, redeliver, setLive, subscribe, trigger, unsubscribe
} from '../../control/webhooks/subscriptions.js'
import { presentDelivery, presentWebhook } from '../../control/webhooks/wire.js'
import type { DefaultVersion } from '../../http/api-version.js'
import { CreateWebhookBody, DeliveriesQuery, NotificationParams, TriggerBody, WebhookParams } from '../../schemas/webhooks.js'

export interface WebhookControlOptions {
  defaultVersion: DefaultVersion
  dispatcher: WebhookDispatcher
}

/**
 * `/__mock/webhooks`: subscriptions, their delivery log, and sends on demand (ping, trigger,
 * redeliver). Registered among the control plane's workspace routes, so `request.ctx` is the workspace
 * its access token names.
 */
export function webhookControlRoutes ({ defaultVersion, dispatcher }: WebhookControlOptions): FastifyPluginAsyncTypebox {
  return async (app) => {
    const now = (request: FastifyRequest) => request.ctx.clock.now()
    const delivery = (request: FastifyRequest, notificationId: string, subscriptionId: string) =>
      presentDelivery(findDelivery(request.ctx, subscriptionId, notificationId), request.ctx.workspace.app.idCode, now(request))
    const sendsNow = <T>(request: FastifyRequest, write: () => T): T => {
      const result = request.ctx.store.transaction(write)
      dispatcher.wake()
      return result
    }

    app.post('/__mock/webhooks', { schema: { body: CreateWebhookBody } }, async (request, reply) => {
      const { body } = request
      const subscription = sendsNow(request, () => subscribe(request.ctx, {
        url: body.url, topics: body.topics, apiVersion: body.api_version, hubSecret: body.hub_secret, isoPersonTimes: body.iso_person_times, faults: body.faults, origin: 'control'
      }, defaultVersion(request.raw)))
      return reply.code(200).send(presentWebhook(subscription, now(request)))
    })

    app.get('/__mock/webhooks', async (request) => ({
      type: 'list',
      data: request.ctx.store.webhooks.subscriptions().map(s => presentWebhook(s, now(request)))
    }))

    app.get('/__mock/webhooks/:id', { schema: { params: WebhookParams } }, async (request) => {
      return presentWebhook(findSubscription(request.ctx, request.params.id), now(request))
    })

    app.delete('/__mock/webhooks/:id', { schema: { params: WebhookParams } }, async (request) => {
      const subscription = request.ctx.store.transaction(() => unsubscribe(request.ctx, request.params.id))
      return { ...presentWebhook(subscription, now(request)), deleted: true }
    })

    app.post('/__mock/webhooks/:id/live', { schema: { params: WebhookParams } }, async (request) => {
      return presentWebhook(sendsNow(request, () => setLive(request.ctx, request.params.id)), now(request))
    })

    app.get('/__mock/webhooks/:id/deliveries', { schema: { params: WebhookParams, querystring: DeliveriesQuery } }, async (request) => {
      const { query } = request
      const list = deliveries(request.ctx, request.params.id, { topic: query.topic, status: query.status, limit: query.limit ?? 50 })
      return { type: 'list', data: list.map(d => presentDelivery(d, request.ctx.workspace.app.idCode, now(request))) }
    })

    app.get('/__mock/webhooks/:id/deliveries/:notification_id', { schema: { params: NotificationParams } }, async (request) => {
      return delivery(request, request.params.notification_id, request.params.id)
    })

    app.post('/__mock/webhooks/:id/ping', { schema: { params: WebhookParams } }, async (request) => {
      const id = sendsNow(request, () => ping(request.ctx, request.params.id))
      return delivery(request, id, request.params.id)
    })

    app.post('/__mock/webhooks/:id/trigger', { schema: { params: WebhookParams, body: TriggerBody } }, async (request) => {
      const id = sendsNow(request, () => trigger(request.ctx, request.params.id, request.body.topic, request.body.item_id))
      return delivery(request, id, request.params.id)
    })

    app.post('/__mock/webhooks/:id/deliveries/:notification_id/redeliver', { schema: { params: NotificationParams } }, async (request) => {
      const again = sendsNow(request, () => redeliver(request.ctx, request.params.id, request.params.notification_id))
      return delivery(request, again.id, request.params.id)
    })
  }
}
