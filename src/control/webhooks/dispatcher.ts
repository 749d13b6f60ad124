import type { FastifyBaseLogger } from 'fastify'
import type { Clock } from '../../domain/clock.js'
import type { Workspace } from '../../domain/types.js'
import type { Store } from '../../store/index.js'
import type { AttemptOutcome, NotificationRecord, ReceivedResponse, SentRequest, SubscriptionRecord } from '../../store/webhook-records.js'
import { notificationBody, notificationHeaders } from './envelope.js'
import { WebhookPoster } from './http-post.js'

export interface DispatcherOptions {
  store: Store
  /** The workspace and its clock (each workspace may run its own), or null when it is gone. */
  workspaceOf: (workspaceId: number) => { workspace: Workspace, clock: Clock } | null
  log: FastifyBaseLogger
  /** How long an endpoint has to answer (Intercom: 5 s). */
  timeoutMs?: number
  /** Told after each attempt is recorded (the UI's live delivery log). */
  onAttempt?: (workspace: Workspace) => void
}

/** Intercom's delivery rules (intercom-webhooks-and-limits.md §1.7, §4 item 11). */
export const DELIVERY_POLICY = {
  timeoutMs: 5000,
  retryAfterSeconds: 60,
  firstThrottleSeconds: 60,
  maxThrottleSeconds: 2 * 60 * 60,
  /** A notification held back by throttling longer than this is dropped. */
  maxHeldBackSeconds: 2 * 60 * 60,
  pauseAfterErrors: 1000,
  pauseWindowSeconds: 15 * 60,
  pauseSeconds: 15 * 60,
  suspendAfterSeconds: 7 * 24 * 60 * 60,
  responseBodyBytes: 4096
}

/**
 * Delivers the outbox: one attempt at a time per subscription, the oldest due notification first,
 * never on the path of an API request. Time is each workspace's clock, so a retry 60 s away is due
 * when that clock has moved 60 s: real time for the system clock (a timer wakes the dispatcher),
 * or a `wake()` after a test or the control plane moves a fixed clock. Survives restarts: whatever
 * is pending in the database when it starts is sent.
 */
export class WebhookDispatcher {
  private readonly inFlight = new Map<string, Promise<void>>()
  private scanQueued = false
  /** Subscriptions that just got a notification, looked at without a full scan. */
  private readonly touched = new Map<string, { workspaceId: number, subscriptionId: string }>()
  private touchQueued = false
  private timer: NodeJS.Timeout | null = null
  private closed = false
  /** Aborts what is in flight when the app closes: it stays pending, and the next start sends it. */
  private readonly closing = new AbortController()
  private readonly poster: WebhookPoster
  private idleWaiters: Array<() => void> = []

  constructor (private readonly options: DispatcherOptions) {
    this.poster = new WebhookPoster(options.timeoutMs ?? DELIVERY_POLICY.timeoutMs, this.closing.signal, DELIVERY_POLICY.responseBodyBytes)
  }

  /** Look for due notifications soon (after the current transaction has committed). */
  wake (): void {
    if (this.closed || this.scanQueued) return
    this.scanQueued = true
    // After the commit of the group transaction that wrote them (store/group-commit.ts), never before.
    setImmediate(() => this.options.store.afterCommit(() => {
      this.scanQueued = false
      if (!this.closed) this.scan()
    }))
  }

  /** A subscription has a new notification: send it soon, once the transaction that wrote it has committed. */
  notify (workspaceId: number, subscriptionId: string): void {
    if (this.closed) return
    this.touched.set(`${workspaceId}:${subscriptionId}`, { workspaceId, subscriptionId })
    if (this.touchQueued) return
    this.touchQueued = true
    setImmediate(() => this.options.store.afterCommit(() => {
      this.touchQueued = false
      if (!this.closed) this.startTouched()
    }))
  }

  /** Resolves once nothing is in flight and nothing is due (tests; a clean close). */
  async idle (): Promise<void> {
    if (this.isIdle()) return
    await new Promise<void>(resolve => this.idleWaiters.push(resolve))
  }

  async close (): Promise<void> {
    this.closed = true
    if (this.timer !== null) clearTimeout(this.timer)
    this.closing.abort()
    await Promise.allSettled([...this.inFlight.values()])
    this.poster.close()
  }

  private isIdle (): boolean {
    return !this.scanQueued && !this.touchQueued && this.inFlight.size === 0
  }

  /** What `notify` queued; a subscription that is busy goes on by itself when its attempt ends. */
  private startTouched (): void {
    const touched = [...this.touched]
    this.touched.clear()
    for (const [key, { workspaceId, subscriptionId }] of touched) {
      if (this.inFlight.has(key)) continue
      const found = this.options.workspaceOf(workspaceId)
      // Not due now (throttled, paused, delayed): a full scan sets the timer.
      if (found !== null && this.startNext(found.workspace, found.clock, subscriptionId, key) !== null) this.wake()
    }
    this.settle()
  }

  private settle (): void {
    if (!this.isIdle()) return
    const waiters = this.idleWaiters
    this.idleWaiters = []
    for (const resolve of waiters) resolve()
  }

  private scan (): void {
    const { store } = this.options
    let soonest = Infinity
    for (const { workspaceId, subscriptionId } of store.webhookQueue.pendingSubscriptions()) {
      const key = `${workspaceId}:${subscriptionId}`
      if (this.inFlight.has(key)) continue
      const found = this.options.workspaceOf(workspaceId)
      if (found === null) continue
      const wait = this.startNext(found.workspace, found.clock, subscriptionId, key)
      if (wait !== null) soonest = Math.min(soonest, wait)
    }
    this.arm(soonest)
    this.settle()
  }

  /** Starts the subscription's next due attempt, or answers how many seconds until one is due (null: never). */
  private startNext (workspace: Workspace, clock: Clock, subscriptionId: string, key: string): number | null {
    const webhooks = this.options.store.forWorkspace(workspace.id).webhooks
    const subscription = webhooks.findSubscription(subscriptionId)
    if (subscription === null) return null
    if (!subscription.active) {
      webhooks.failPending(subscriptionId, 'the subscription is inactive')
      return null
    }
    if (subscription.suspended) return null
    const now = clock.now()
    const heldUntil = Math.max(subscription.throttledUntil ?? 0, subscription.pausedUntil ?? 0)
    if (heldUntil > now) return heldUntil - now
    for (;;) {
      const due = this.options.store.webhookQueue.nextDue(workspace.id, subscriptionId, now, subscription.faults.reorder === true)
      if (due === null) {
        const at = this.options.store.webhookQueue.earliestDue(workspace.id, subscriptionId)
        return at === null ? null : Math.max(at - now, 1)
      }
      if (subscription.throttleSeconds > 0 && now - due.createdAt > DELIVERY_POLICY.maxHeldBackSeconds) {
        webhooks.updateNotification({ ...due, status: 'failed', failure: 'dropped: held back by throttling (429) for more than 2 hours' })
        continue
      }
      const attempt = this.attempt(workspace, clock, subscription, due)
        .catch((error: unknown) => { this.options.log.error({ err: error, notification: due.id }, 'webhook delivery failed unexpectedly') })
        .finally(() => {
          this.inFlight.delete(key)
          if (this.closed) return
          // Straight on to the subscription's next notification; a full scan (and timers) only when it has none due.
          if (this.startNext(workspace, clock, subscriptionId, key) !== null || !this.inFlight.has(key)) this.wake()
        })
      this.inFlight.set(key, attempt)
      return null
    }
  }

  /** Real time until the soonest due attempt, if it is on a clock that moves by itself. */
  private arm (seconds: number): void {
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
    if (!Number.isFinite(seconds)) return
    this.timer = setTimeout(() => { this.timer = null; this.wake() }, Math.min(seconds, 3600) * 1000)
    this.timer.unref()
  }

  private async attempt (workspace: Workspace, clock: Clock, subscription: SubscriptionRecord, n: NotificationRecord): Promise<void> {
    const sentAt = clock.now()
    const attempt = n.attempts + 1
    const firstSentAt = n.firstSentAt ?? sentAt
    const body = notificationBody({
      appId: workspace.app.idCode, id: n.id, topic: n.topic, item: n.item, deliveryAttempts: attempt, firstSentAt, createdAt: n.createdAt
    })
    const headers = notificationHeaders(signingKey(subscription, workspace), body)
    const { response, error } = await this.poster.post(subscription.url, headers, body)
    const duplicate = subscription.faults.duplicate === true && response !== null && response.status >= 200 && response.status < 300
      ? await this.poster.post(subscription.url, headers, body)
      : null
    if (this.closed) return
    const request: SentRequest = { method: 'POST', url: subscription.url, headers, delivery_attempts: attempt, first_sent_at: firstSentAt }
    this.options.store.transaction(() => {
      const webhooks = this.options.store.forWorkspace(workspace.id).webhooks
      const current = webhooks.findSubscription(subscription.id)
      if (current === null) return // deleted or reset meanwhile: nothing left to record
      const now = clock.now()
      const next = outcomeOf(response, error, current, { ...n, attempts: attempt, firstSentAt }, now)
      webhooks.insertAttempt({
        notificationSeq: n.seq, attempt, sentAt, request, response, error, outcome: next.outcome
      })
      if (duplicate !== null) {
        webhooks.insertAttempt({
          notificationSeq: n.seq, attempt: attempt + 1, sentAt, request, ...duplicate, outcome: 'duplicate'
        })
      }
      // The duplicate counts as an attempt of its own in the log, though it repeats the same bytes.
      webhooks.updateNotification(duplicate === null ? next.notification : { ...next.notification, attempts: attempt + 1 })
      if (changed(current, next.subscription)) webhooks.updateSubscription(next.subscription)
      if (!next.subscription.active) webhooks.failPending(subscription.id, 'the subscription became inactive: the endpoint answered 410 Gone')
    })
    this.options.onAttempt?.(workspace)
  }
}

interface Outcome {
  outcome: AttemptOutcome
  notification: NotificationRecord
  subscription: SubscriptionRecord
}

/** What an answer means for the notification and its subscription (§1.7). */
function outcomeOf (response: ReceivedResponse | null, error: string | null, s: SubscriptionRecord, n: NotificationRecord, now: number): Outcome {
  const status = response?.status ?? null
  if (status !== null && status >= 200 && status < 300) {
    return {
      outcome: 'delivered',
      notification: { ...n, status: 'sent', deliveredAt: now, failure: null },
      subscription: { ...s, throttleSeconds: 0, throttledUntil: null, errorStreak: 0, errorStreakSince: null }
    }
  }
  if (status === 410) {
    return { outcome: 'gone', notification: { ...n, status: 'failed', failure: 'the endpoint answered 410 Gone' }, subscription: { ...s, active: false } }
  }
  if (status === 429) {
    const delay = s.throttleSeconds === 0 ? DELIVERY_POLICY.firstThrottleSeconds : Math.min(s.throttleSeconds * 2, DELIVERY_POLICY.maxThrottleSeconds)
    return {
      outcome: 'throttled',
      notification: { ...n, nextAttemptAt: now + delay },
      subscription: { ...s, throttleSeconds: delay, throttledUntil: now + delay }
    }
  }
  const failure = error ?? `the endpoint answered ${status ?? 'nothing'}`
  const streakSince = s.errorStreakSince ?? now
  const errorStreak = s.errorStreak + 1
  const pause = errorStreak > DELIVERY_POLICY.pauseAfterErrors && now - streakSince <= DELIVERY_POLICY.pauseWindowSeconds
  const subscription: SubscriptionRecord = {
    ...s,
    errorStreak: pause ? 0 : errorStreak,
    errorStreakSince: pause ? null : streakSince,
    pausedUntil: pause ? now + DELIVERY_POLICY.pauseSeconds : s.pausedUntil,
    suspended: s.suspended || now - streakSince > DELIVERY_POLICY.suspendAfterSeconds
  }
  if (n.retriesLeft > 0) {
    return { outcome: 'retry', notification: { ...n, retriesLeft: n.retriesLeft - 1, nextAttemptAt: now + DELIVERY_POLICY.retryAfterSeconds, failure }, subscription }
  }
  return { outcome: 'failed', notification: { ...n, status: 'failed', failure }, subscription }
}

function changed (before: SubscriptionRecord, after: SubscriptionRecord): boolean {
  return (Object.keys(after) as Array<keyof SubscriptionRecord>).some(key => before[key] !== after[key])
}

/**
 * Legacy `/subscriptions` ones sign with their `hub_secret` or not at all (LEG-signed-notifications);
 * the others with the app's `client_secret`, or the `hub_secret` they were given.
 */
export function signingKey (subscription: SubscriptionRecord, workspace: Workspace): string | null {
  if (subscription.origin === 'api') return subscription.hubSecret
  return subscription.hubSecret ?? workspace.app.clientSecret
}
