import type { UnixSeconds } from '../domain/types.js'

/** Where a subscription came from: the fixtures, the control plane, or the legacy 1.x `/subscriptions` API. */
export type SubscriptionOrigin = 'fixtures' | 'control' | 'api'

/**
 * What Intercom does not promise and a handler must survive (§1.7: no ordering guarantee, duplicates
 * from resends), on demand: every notification sent twice, newest first, or late on the workspace clock.
 */
export interface DeliveryFaults {
  duplicate?: boolean
  reorder?: boolean
  delay_seconds?: number
}

export interface SubscriptionRecord {
  id: string
  url: string
  topics: string[]
  apiVersion: string
  hubSecret: string | null
  origin: SubscriptionOrigin
  /** Person timestamps in items as ISO-8601 strings, as Intercom's webhooks send them. */
  isoPersonTimes: boolean
  faults: DeliveryFaults
  active: boolean
  /** The delay of the current 429 streak (0 when not throttled). */
  throttleSeconds: number
  throttledUntil: UnixSeconds | null
  pausedUntil: UnixSeconds | null
  suspended: boolean
  /** Consecutive failed attempts, and when the streak began. */
  errorStreak: number
  errorStreakSince: UnixSeconds | null
  createdAt: UnixSeconds
  updatedAt: UnixSeconds
}

export type NotificationStatus = 'pending' | 'sent' | 'failed'

export interface NotificationRecord {
  /** Event order across the database. */
  seq: number
  workspaceId: number
  subscriptionId: string
  id: string
  topic: string
  /** `data.item` as JSON, rendered when the change happened. */
  item: string
  status: NotificationStatus
  attempts: number
  retriesLeft: number
  nextAttemptAt: UnixSeconds
  firstSentAt: UnixSeconds | null
  deliveredAt: UnixSeconds | null
  failure: string | null
  createdAt: UnixSeconds
}

export type NewNotification = Omit<NotificationRecord, 'seq' | 'status' | 'attempts' | 'retriesLeft' | 'firstSentAt' | 'deliveredAt' | 'failure'>

export type AttemptOutcome = 'delivered' | 'duplicate' | 'retry' | 'throttled' | 'gone' | 'failed'

/** What was sent. The body is not stored: it is rebuilt, byte for byte, from the notification and these two. */
export interface SentRequest {
  method: 'POST'
  url: string
  headers: Record<string, string>
  delivery_attempts: number
  first_sent_at: number
}

export interface ReceivedResponse {
  status: number
  headers: Record<string, string>
  /** The first 4 KiB of the answer. */
  body: string
  duration_ms: number
}

export interface AttemptRecord {
  notificationSeq: number
  attempt: number
  sentAt: UnixSeconds
  request: SentRequest
  response: ReceivedResponse | null
  error: string | null
  outcome: AttemptOutcome
}

export interface NotificationFilter {
  topic?: string | undefined
  status?: NotificationStatus | undefined
  limit: number
}
