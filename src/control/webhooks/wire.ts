import type { SubscriptionRecord } from '../../store/webhook-records.js'
import { presentSubscriptionV1 } from '../../presenters/v1/subscription.js'
import { notificationBody } from './envelope.js'
import type { Delivery } from './subscriptions.js'

/** A subscription as the control plane shows it: Intercom's object, plus its version and delivery state. */
export function presentWebhook (s: SubscriptionRecord, now: number) {
  return {
    ...presentSubscriptionV1(s),
    api_version: s.apiVersion,
    origin: s.origin,
    iso_person_times: s.isoPersonTimes,
    faults: s.faults,
    state: !s.active ? 'inactive' : s.suspended ? 'suspended' : (s.pausedUntil ?? 0) > now ? 'paused' : (s.throttledUntil ?? 0) > now ? 'throttled' : 'active',
    throttled_until: (s.throttledUntil ?? 0) > now ? s.throttledUntil : null,
    paused_until: (s.pausedUntil ?? 0) > now ? s.pausedUntil : null
  }
}

/** One notification of the delivery log: the notification as last sent (or as it will be), and every attempt. */
export function presentDelivery ({ notification: n, attempts }: Delivery, appId: string, now: number) {
  const last = attempts.at(-1)
  const body = last?.request.body ?? notificationBody({
    appId, id: n.id, topic: n.topic, item: n.item, deliveryAttempts: n.attempts + 1, firstSentAt: n.firstSentAt ?? now, createdAt: n.createdAt
  })
  return {
    type: 'webhook_delivery',
    notification_id: n.id,
    subscription_id: n.subscriptionId,
    topic: n.topic,
    status: n.status,
    delivery_attempts: n.attempts,
    created_at: n.createdAt,
    first_sent_at: n.firstSentAt,
    delivered_at: n.deliveredAt,
    next_attempt_at: n.status === 'pending' ? n.nextAttemptAt : null,
    failure: n.failure,
    notification: JSON.parse(body) as Record<string, unknown>,
    attempts: attempts.map(a => ({
      attempt: a.attempt,
      sent_at: a.sentAt,
      outcome: a.outcome,
      request: a.request,
      response: a.response,
      error: a.error
    }))
  }
}
