import type { SqliteDatabase } from './db.js'
import { boundLimit, fromFlag, toFlag } from './values.js'
import type {
  AttemptRecord, NewNotification, NotificationFilter, NotificationRecord, NotificationStatus, SubscriptionOrigin, SubscriptionRecord
} from './webhook-records.js'

interface SubscriptionRow {
  id: string
  url: string
  topics: string
  api_version: string
  hub_secret: string | null
  origin: string
  iso_person_times: number
  faults: string
  active: number
  throttle_seconds: number
  throttled_until: number | null
  paused_until: number | null
  suspended: number
  error_streak: number
  error_streak_since: number | null
  created_at: number
  updated_at: number
}

interface NotificationRow {
  seq: number
  workspace_id: number
  subscription_id: string
  id: string
  topic: string
  item: string
  status: string
  attempts: number
  retries_left: number
  next_attempt_at: number
  first_sent_at: number | null
  delivered_at: number | null
  failure: string | null
  created_at: number
}

interface AttemptRow {
  notification_seq: number
  attempt: number
  sent_at: number
  request: string
  response: string | null
  error: string | null
  outcome: string
}

const SUBSCRIPTION_COLUMNS = `id, url, topics, api_version, hub_secret, origin, iso_person_times, faults, active, throttle_seconds, throttled_until,
  paused_until, suspended, error_streak, error_streak_since, created_at, updated_at`
type ListingParams = { workspace_id: number, subscription_id: string, status?: string, topic?: string, limit: number }

/** One statement per combination of the log's filters, each read through an index in `seq` order. */
function notificationListing (db: SqliteDatabase, filters: ReadonlyArray<'status' | 'topic'>) {
  const where = filters.map(f => ` AND ${f} = @${f}`).join('')
  return db.prepare<[ListingParams], NotificationRow>(`SELECT * FROM webhook_notifications
    WHERE workspace_id = @workspace_id AND subscription_id = @subscription_id${where} ORDER BY seq DESC ${boundLimit('@limit')}`)
}

/** @internal */
export function prepareWebhookStatements (db: SqliteDatabase) {
  return {
    subscriptions: db.prepare<[number], SubscriptionRow>(`SELECT ${SUBSCRIPTION_COLUMNS} FROM webhook_subscriptions
      WHERE workspace_id = ? ORDER BY position`),
    activeSubscriptions: db.prepare<[number], SubscriptionRow>(`SELECT ${SUBSCRIPTION_COLUMNS} FROM webhook_subscriptions
      WHERE workspace_id = ? AND active = 1 ORDER BY position`),
    subscription: db.prepare<[number, string], SubscriptionRow>(`SELECT ${SUBSCRIPTION_COLUMNS} FROM webhook_subscriptions
      WHERE workspace_id = ? AND id = ?`),
    insertSubscription: db.prepare(`INSERT INTO webhook_subscriptions (workspace_id, ${SUBSCRIPTION_COLUMNS}, position)
      VALUES (@workspace_id, @id, @url, @topics, @api_version, @hub_secret, @origin, @iso_person_times, @faults, @active, @throttle_seconds, @throttled_until,
      @paused_until, @suspended, @error_streak, @error_streak_since, @created_at, @updated_at,
      (SELECT coalesce(max(position), 0) + 1 FROM webhook_subscriptions WHERE workspace_id = @workspace_id))`),
    updateSubscription: db.prepare(`UPDATE webhook_subscriptions SET url = @url, topics = @topics, api_version = @api_version,
      hub_secret = @hub_secret, iso_person_times = @iso_person_times, faults = @faults, active = @active, throttle_seconds = @throttle_seconds, throttled_until = @throttled_until,
      paused_until = @paused_until, suspended = @suspended, error_streak = @error_streak, error_streak_since = @error_streak_since,
      updated_at = @updated_at WHERE workspace_id = @workspace_id AND id = @id`),
    deleteSubscription: db.prepare<[number, string]>('DELETE FROM webhook_subscriptions WHERE workspace_id = ? AND id = ?'),
    deleteAllSubscriptions: db.prepare<[number]>('DELETE FROM webhook_subscriptions WHERE workspace_id = ?'),
    insertNotification: db.prepare(`INSERT INTO webhook_notifications (workspace_id, subscription_id, id, topic, item, status,
      next_attempt_at, created_at) VALUES (@workspace_id, @subscription_id, @id, @topic, @item, 'pending', @next_attempt_at, @created_at)`),
    notifications: notificationListing(db, []),
    notificationsByStatus: notificationListing(db, ['status']),
    notificationsByTopic: notificationListing(db, ['topic']),
    notificationsByStatusAndTopic: notificationListing(db, ['status', 'topic']),
    notification: db.prepare<[number, string, string], NotificationRow>(`SELECT * FROM webhook_notifications
      WHERE workspace_id = ? AND subscription_id = ? AND id = ?`),
    updateNotification: db.prepare(`UPDATE webhook_notifications SET status = @status, attempts = @attempts,
      retries_left = @retries_left, next_attempt_at = @next_attempt_at, first_sent_at = @first_sent_at,
      delivered_at = @delivered_at, failure = @failure WHERE seq = @seq`),
    failPending: db.prepare<[string, number, string]>(`UPDATE webhook_notifications SET status = 'failed', failure = ?
      WHERE workspace_id = ? AND subscription_id = ? AND status = 'pending'`),
    attemptsOf: db.prepare<[string], AttemptRow>(`SELECT a.* FROM webhook_attempts a JOIN json_each(?) s ON a.notification_seq = s.value
      ORDER BY a.notification_seq, a.attempt`),
    insertAttempt: db.prepare(`INSERT INTO webhook_attempts (workspace_id, notification_seq, attempt, sent_at, request, response, error, outcome)
      VALUES (@workspace_id, @notification_seq, @attempt, @sent_at, @request, @response, @error, @outcome)`),
    pendingSubscriptions: db.prepare<[], { workspace_id: number, subscription_id: string }>(`SELECT DISTINCT workspace_id, subscription_id
      FROM webhook_notifications WHERE status = 'pending'`),
    nextDue: db.prepare<[string, number, number], NotificationRow>(`SELECT * FROM webhook_notifications
      WHERE subscription_id = ? AND workspace_id = ? AND status = 'pending' AND next_attempt_at <= ? ORDER BY seq LIMIT 1`),
    newestDue: db.prepare<[string, number, number], NotificationRow>(`SELECT * FROM webhook_notifications
      WHERE subscription_id = ? AND workspace_id = ? AND status = 'pending' AND next_attempt_at <= ? ORDER BY seq DESC LIMIT 1`),
    earliestDue: db.prepare<[string, number], { at: number | null }>(`SELECT min(next_attempt_at) AS at FROM webhook_notifications
      WHERE subscription_id = ? AND workspace_id = ? AND status = 'pending'`)
  }
}

/** @internal */
export type WebhookStatements = ReturnType<typeof prepareWebhookStatements>

/**
 * One workspace's webhook subscriptions, its outbox of notifications and their delivery attempts.
 * Every write asks for the active subscriptions, so they are kept per workspace in `activeCache` (the
 * registry's, emptied with its cache), dropped by this store's own subscription writes.
 */
export class WebhookStore {
  constructor (private readonly q: WebhookStatements, private readonly workspaceId: number,
    private readonly activeCache: Map<number, readonly SubscriptionRecord[]>) {}

  subscriptions (): SubscriptionRecord[] {
    return this.q.subscriptions.all(this.workspaceId).map(toSubscription)
  }

  activeSubscriptions (): readonly SubscriptionRecord[] {
    let active = this.activeCache.get(this.workspaceId)
    if (active === undefined) {
      active = Object.freeze(this.q.activeSubscriptions.all(this.workspaceId).map(subscription => Object.freeze(toSubscription(subscription))))
      this.activeCache.set(this.workspaceId, active)
    }
    return active
  }

  findSubscription (id: string): SubscriptionRecord | null {
    const row = this.q.subscription.get(this.workspaceId, id)
    return row === undefined ? null : toSubscription(row)
  }

  insertSubscription (s: SubscriptionRecord): void {
    this.activeCache.delete(this.workspaceId)
    this.q.insertSubscription.run(subscriptionParams(this.workspaceId, s))
  }

  updateSubscription (s: SubscriptionRecord): void {
    this.activeCache.delete(this.workspaceId)
    this.q.updateSubscription.run(subscriptionParams(this.workspaceId, s))
  }

  /** Deletes a subscription with its notifications and their attempts. */
  deleteSubscription (id: string): void {
    this.activeCache.delete(this.workspaceId)
    this.q.deleteSubscription.run(this.workspaceId, id)
  }

  /** Every subscription, notification and attempt of the workspace (a reset). */
  deleteAll (): void {
    this.activeCache.delete(this.workspaceId)
    this.q.deleteAllSubscriptions.run(this.workspaceId)
  }

  insertNotification (n: NewNotification): void {
    this.q.insertNotification.run({
      workspace_id: this.workspaceId,
      subscription_id: n.subscriptionId,
      id: n.id,
      topic: n.topic,
      item: n.item,
      next_attempt_at: n.nextAttemptAt,
      created_at: n.createdAt
    })
  }

  /** Newest first. */
  notifications (subscriptionId: string, filter: NotificationFilter): NotificationRecord[] {
    const params: ListingParams = { workspace_id: this.workspaceId, subscription_id: subscriptionId, limit: filter.limit }
    if (filter.status !== undefined) params.status = filter.status
    if (filter.topic !== undefined) params.topic = filter.topic
    const statement = filter.status === undefined
      ? (filter.topic === undefined ? this.q.notifications : this.q.notificationsByTopic)
      : (filter.topic === undefined ? this.q.notificationsByStatus : this.q.notificationsByStatusAndTopic)
    return statement.all(params).map(toNotification)
  }

  findNotification (subscriptionId: string, id: string): NotificationRecord | null {
    const row = this.q.notification.get(this.workspaceId, subscriptionId, id)
    return row === undefined ? null : toNotification(row)
  }

  updateNotification (n: NotificationRecord): void {
    this.q.updateNotification.run({
      seq: n.seq,
      status: n.status,
      attempts: n.attempts,
      retries_left: n.retriesLeft,
      next_attempt_at: n.nextAttemptAt,
      first_sent_at: n.firstSentAt,
      delivered_at: n.deliveredAt,
      failure: n.failure
    })
  }

  /** Marks every notification still pending for the subscription failed, with `reason`. */
  failPending (subscriptionId: string, reason: string): void {
    this.q.failPending.run(reason, this.workspaceId, subscriptionId)
  }

  attemptsOf (notificationSeqs: readonly number[]): Map<number, AttemptRecord[]> {
    const bySeq = new Map<number, AttemptRecord[]>(notificationSeqs.map(seq => [seq, []]))
    if (notificationSeqs.length === 0) return bySeq
    for (const row of this.q.attemptsOf.all(JSON.stringify(notificationSeqs))) bySeq.get(row.notification_seq)?.push(toAttempt(row))
    return bySeq
  }

  insertAttempt (a: AttemptRecord): void {
    this.q.insertAttempt.run({
      workspace_id: this.workspaceId,
      notification_seq: a.notificationSeq,
      attempt: a.attempt,
      sent_at: a.sentAt,
      request: JSON.stringify(a.request),
      response: a.response === null ? null : JSON.stringify(a.response),
      error: a.error,
      outcome: a.outcome
    })
  }
}

/** The outbox across every workspace, as the dispatcher reads it. */
export class WebhookQueue {
  constructor (private readonly q: WebhookStatements) {}

  /** Each subscription that has notifications waiting. */
  pendingSubscriptions (): Array<{ workspaceId: number, subscriptionId: string }> {
    return this.q.pendingSubscriptions.all().map(r => ({ workspaceId: r.workspace_id, subscriptionId: r.subscription_id }))
  }

  /** The oldest (or, reordering, the newest) notification of a subscription whose attempt is due at `now`. */
  nextDue (workspaceId: number, subscriptionId: string, now: number, newestFirst = false): NotificationRecord | null {
    const row = (newestFirst ? this.q.newestDue : this.q.nextDue).get(subscriptionId, workspaceId, now)
    return row === undefined ? null : toNotification(row)
  }

  earliestDue (workspaceId: number, subscriptionId: string): number | null {
    return this.q.earliestDue.get(subscriptionId, workspaceId)?.at ?? null
  }
}

function subscriptionParams (workspaceId: number, s: SubscriptionRecord) {
  return {
    workspace_id: workspaceId,
    id: s.id,
    url: s.url,
    topics: JSON.stringify(s.topics),
    api_version: s.apiVersion,
    hub_secret: s.hubSecret,
    origin: s.origin,
    iso_person_times: toFlag(s.isoPersonTimes),
    faults: JSON.stringify(s.faults),
    active: toFlag(s.active),
    throttle_seconds: s.throttleSeconds,
    throttled_until: s.throttledUntil,
    paused_until: s.pausedUntil,
    suspended: toFlag(s.suspended),
    error_streak: s.errorStreak,
    error_streak_since: s.errorStreakSince,
    created_at: s.createdAt,
    updated_at: s.updatedAt
  }
}

function toSubscription (row: SubscriptionRow): SubscriptionRecord {
  return {
    id: row.id,
    url: row.url,
    topics: JSON.parse(row.topics) as string[],
    apiVersion: row.api_version,
    hubSecret: row.hub_secret,
    origin: row.origin as SubscriptionOrigin,
    isoPersonTimes: fromFlag(row.iso_person_times),
    faults: JSON.parse(row.faults) as SubscriptionRecord['faults'],
    active: fromFlag(row.active),
    throttleSeconds: row.throttle_seconds,
    throttledUntil: row.throttled_until,
    pausedUntil: row.paused_until,
    suspended: fromFlag(row.suspended),
    errorStreak: row.error_streak,
    errorStreakSince: row.error_streak_since,
    createdAt: row.created_at,
    updatedAt: row.updated_at
  }
}

function toNotification (row: NotificationRow): NotificationRecord {
  return {
    seq: row.seq,
    workspaceId: row.workspace_id,
    subscriptionId: row.subscription_id,
    id: row.id,
    topic: row.topic,
    item: row.item,
    status: row.status as NotificationStatus,
    attempts: row.attempts,
    retriesLeft: row.retries_left,
    nextAttemptAt: row.next_attempt_at,
    firstSentAt: row.first_sent_at,
    deliveredAt: row.delivered_at,
    failure: row.failure,
    createdAt: row.created_at
  }
}

function toAttempt (row: AttemptRow): AttemptRecord {
  return {
    notificationSeq: row.notification_seq,
    attempt: row.attempt,
    sentAt: row.sent_at,
    request: JSON.parse(row.request) as AttemptRecord['request'],
    response: row.response === null ? null : JSON.parse(row.response) as AttemptRecord['response'],
    error: row.error,
    outcome: row.outcome as AttemptRecord['outcome']
  }
}
