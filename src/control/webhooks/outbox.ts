import type { DomainContext } from '../../domain/context.js'
import type { DomainEventSink } from '../../domain/events.js'
import type { SubscriptionRecord } from '../../store/webhook-records.js'
import { parseApiVersion, type ApiVersion } from '../../versions.js'
import { noticesFor, type Notice } from './event-topics.js'
import { renderItem } from './items.js'
import { receives } from './topics.js'

/**
 * The webhook side of every domain event: for each active subscription that receives one of the
 * event's topics, a notification row, written in the transaction of the change (a rollback drops
 * it). `written` is called after, so the dispatcher looks once the transaction has committed.
 */
export function webhookOutbox (written: (workspaceId: number, subscriptionId: string) => void): DomainEventSink {
  return (ctx, event) => {
    const subscriptions = ctx.store.webhooks.activeSubscriptions()
    if (subscriptions.length === 0) return
    for (const subscription of subscriptions) {
      if (holdsBack(subscription, ctx.clock.now())) continue
      const version = subscriptionVersion(subscription)
      let queued = false
      for (const notice of noticesFor(event, version.major)) {
        if (receives(subscription.topics, notice.topic) && enqueue(ctx, subscription, notice) !== null) queued = true
      }
      if (queued) written(ctx.workspace.id, subscription.id)
    }
  }
}

/**
 * Writes one notification for `subscription`, its item rendered now in the subscription's version.
 * Answers its id, or null when the item no longer exists.
 */
export function enqueue (ctx: DomainContext, subscription: SubscriptionRecord, notice: Notice): string | null {
  const item = renderItem(ctx, notice.subject, subscriptionVersion(subscription), { isoPersonTimes: subscription.isoPersonTimes })
  if (item === null) return null
  const now = ctx.clock.now()
  const id = `notif_${ctx.ids.uuid()}`
  const delay = notice.topic === 'ping' ? 0 : subscription.faults.delay_seconds ?? 0
  ctx.store.webhooks.insertNotification({
    workspaceId: ctx.workspace.id,
    subscriptionId: subscription.id,
    id,
    topic: notice.topic,
    item: JSON.stringify(item),
    nextAttemptAt: now + delay,
    createdAt: now
  })
  return id
}

export function subscriptionVersion (subscription: SubscriptionRecord): ApiVersion {
  return parseApiVersion(subscription.apiVersion) ?? { label: '1.4', major: 1, minor: 4 }
}

/** A paused subscription drops what happens meanwhile (WM "future notifications dropped for 15 minutes"); a suspended one too. */
function holdsBack (subscription: SubscriptionRecord, now: number): boolean {
  return subscription.suspended || (subscription.pausedUntil !== null && subscription.pausedUntil > now)
}
