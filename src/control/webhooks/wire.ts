import type { AttemptRecord, NotificationRecord, SubscriptionRecord } from '../../store/webhook-records.js'
import { presentSubscriptionV1 } from '../../presenters/v1/subscription.js'
import { notificationBody } from './envelope.js'
import type { Delivery } from './subscriptions.js'

/** The exact body an attempt sent. */
export function sentBody (n: NotificationRecord, a: AttemptRecord, appId: string): string {
  return notificationBody({
    appId, id: n.id, topic: n.topic, item: n.item, deliveryAttempts: a.request.delivery_attempts, firstSentAt: a.request.first_sent_at, createdAt: n.createdAt
  })
}

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
  const body = last === undefined
    ? notificationBody({ appId, id: n.id, topic: n.topic, item: n.item, deliveryAttempts: n.attempts + 1, firstSentAt: n.firstSentAt ?? now, createdAt: n.createdAt })
    : sentBody(n, last, appId)
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
      request: { method: a.request.method, url: a.request.url, headers: a.request.headers, body: sentBody(n, a, appId) },
      response: a.response,
      error: a.error
    }))
  }
}
