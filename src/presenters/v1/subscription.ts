import type { AttemptRecord, SubscriptionRecord } from '../../store/webhook-records.js'

/** The legacy 1.x `notification_subscription` (LEG-subscription-model). */
export interface SubscriptionV1 {
  type: 'notification_subscription'
  id: string
  created_at: number
  updated_at: number
  service_type: 'web'
  topics: string[]
  url: string
  active: boolean
  hub_secret: string | null
  metadata: Record<string, never>
}

export function presentSubscriptionV1 (s: SubscriptionRecord): SubscriptionV1 {
  return {
    type: 'notification_subscription',
    id: s.id,
    created_at: s.createdAt,
    updated_at: s.updatedAt,
    service_type: 'web',
    topics: s.topics,
    url: s.url,
    active: s.active,
    hub_secret: s.hubSecret,
    metadata: {}
  }
}

export function presentSubscriptionListV1 (subscriptions: SubscriptionRecord[]): { type: 'notification_subscription.list', items: SubscriptionV1[] } {
  return { type: 'notification_subscription.list', items: subscriptions.map(presentSubscriptionV1) }
}

/** An entry of the `/sent` and `/error` feeds (LEG-subscription-feeds): the notification as sent, with the HTTP exchange. */
export function presentFeedEntryV1 (attempt: AttemptRecord, body: string): Record<string, unknown> {
  return {
    ...(JSON.parse(body) as Record<string, unknown>),
    http_request: {
      request_method: attempt.request.method,
      request_uri: attempt.request.url,
      request_headers: attempt.request.headers,
      request_entity: body,
      response_status_code: attempt.response?.status ?? null,
      response_headers: attempt.response?.headers ?? {},
      response_entity: attempt.response?.body ?? attempt.error ?? ''
    }
  }
}
