import type { DomainContext } from '../../domain/context.js'
import type { Fixtures } from '../fixtures.js'
import type { AttemptRecord, DeliveryFaults, NotificationFilter, NotificationRecord, SubscriptionOrigin, SubscriptionRecord } from '../../store/webhook-records.js'
import { parseApiVersion, type ApiVersion } from '../../versions.js'
import { webhookErrors } from './errors.js'
import type { ItemSubject, Notice } from './event-topics.js'
import { enqueue, subscriptionVersion } from './outbox.js'
import { isSubscribable, topicsOf } from './topics.js'

export interface SubscribeInput {
  url: string
  topics: readonly string[]
  /** The version items are rendered in; the workspace's by default. */
  apiVersion?: string | undefined
  hubSecret?: string | null | undefined
  /** Person timestamps as ISO strings (Intercom's webhook items); true by default. */
  isoPersonTimes?: boolean | undefined
  faults?: DeliveryFaults | undefined
  origin: SubscriptionOrigin
}

/** At most 250 subscriptions per app (LEG-manage-subscriptions). */
export const MAX_SUBSCRIPTIONS = 250
export const PING_MESSAGE = "shipping is your company's heartbeat"

/**
 * Adds a subscription and sends it the `ping` Intercom sends on subscribing. The URL must be http(s);
 * every topic must exist in the subscription's version (or be a parent of some). Call inside a transaction.
 */
export function subscribe (ctx: DomainContext, input: SubscribeInput, workspaceVersion: ApiVersion): SubscriptionRecord {
  const version = input.apiVersion === undefined ? workspaceVersion : parseApiVersion(input.apiVersion)
  if (version === null) throw webhookErrors.invalid(`api_version ${input.apiVersion ?? ''} is not an Intercom API version`, 'api_version')
  checkUrl(input.url)
  if (input.topics.length === 0) throw webhookErrors.invalid('topics must name at least one topic', 'topics')
  input.topics.forEach((topic, i) => {
    if (!isSubscribable(topic, version)) throw webhookErrors.invalid(`${topic} is not a webhook topic of API version ${version.label}`, `topics[${i}]`)
  })
  if (ctx.store.webhooks.subscriptions().length >= MAX_SUBSCRIPTIONS) throw webhookErrors.tooMany(MAX_SUBSCRIPTIONS)
  const now = ctx.clock.now()
  const subscription: SubscriptionRecord = {
    id: `nsub_${ctx.ids.uuid()}`,
    url: input.url,
    topics: [...new Set(input.topics)],
    apiVersion: version.label,
    hubSecret: input.hubSecret ?? null,
    origin: input.origin,
    isoPersonTimes: input.isoPersonTimes ?? true,
    faults: input.faults ?? {},
    active: true,
    throttleSeconds: 0,
    throttledUntil: null,
    pausedUntil: null,
    suspended: false,
    errorStreak: 0,
    errorStreakSince: null,
    createdAt: now,
    updatedAt: now
  }
  ctx.store.webhooks.insertSubscription(subscription)
  enqueue(ctx, subscription, pingNotice())
  return subscription
}

export function findSubscription (ctx: DomainContext, id: string): SubscriptionRecord {
  const subscription = ctx.store.webhooks.findSubscription(id)
  if (subscription === null) throw webhookErrors.subscriptionNotFound()
  return subscription
}

export function unsubscribe (ctx: DomainContext, id: string): SubscriptionRecord {
  const subscription = findSubscription(ctx, id)
  ctx.store.webhooks.deleteSubscription(id)
  return subscription
}

/** `POST …/ping`: a `ping` now, whatever the topics. Answers the notification's id. */
export function ping (ctx: DomainContext, id: string): string {
  return enqueue(ctx, findSubscription(ctx, id), pingNotice()) as string
}

/** `POST …/live`: a paused or suspended subscription sends again. */
export function setLive (ctx: DomainContext, id: string): SubscriptionRecord {
  const subscription = { ...findSubscription(ctx, id), suspended: false, pausedUntil: null, errorStreak: 0, errorStreakSince: null, updatedAt: ctx.clock.now() }
  ctx.store.webhooks.updateSubscription(subscription)
  return subscription
}

/**
 * `POST …/trigger {topic, item_id}`: a notification of `topic` for an existing conversation or contact,
 * now, as `stripe trigger` does. A conversation's part topics carry its latest part.
 */
export function trigger (ctx: DomainContext, id: string, topic: string, itemId: string | undefined): string {
  const subscription = findSubscription(ctx, id)
  const version = subscriptionVersion(subscription)
  if (!topicsOf(version).has(topic)) throw webhookErrors.invalid(`${topic} is not a webhook topic of API version ${version.label}`, 'topic')
  const notice: Notice = { topic, subject: triggeredSubject(ctx, topic, itemId) }
  const notificationId = enqueue(ctx, subscription, notice)
  if (notificationId === null) throw webhookErrors.invalid(`no item ${itemId ?? ''} for ${topic}`, 'item_id')
  return notificationId
}

function triggeredSubject (ctx: DomainContext, topic: string, itemId: string | undefined): ItemSubject {
  if (topic === 'ping') return pingNotice().subject
  const root = topic.split('.')[0]
  if (itemId === undefined || itemId === '') throw webhookErrors.invalid(`item_id is required for ${topic}`, 'item_id')
  if (root === 'conversation') {
    const conversation = ctx.store.conversations.findById(itemId)
    if (conversation === null) throw webhookErrors.invalid(`No conversation has id ${itemId}`, 'item_id')
    const latestPart = ctx.store.parts.ofConversations([itemId]).get(itemId)?.at(-1)
    const partIds = topic.endsWith('.created') || latestPart === undefined ? [] : [latestPart.id]
    return { kind: 'conversation', conversationId: itemId, partIds }
  }
  if (root === 'user' || root === 'contact' || root === 'visitor') {
    const contact = ctx.store.contacts.findById(itemId)
    if (contact === null) throw webhookErrors.invalid(`No contact has id ${itemId}`, 'item_id')
    return topic.endsWith('.deleted') ? { kind: 'deleted_contact', contact } : { kind: 'contact', contact }
  }
  throw webhookErrors.invalid(`${topic} cannot be triggered: the mock triggers conversation, contact, user and visitor topics and ping`, 'topic')
}

/** `POST …/deliveries/{notification_id}/redeliver`: the same notification (same id) again, now. */
export function redeliver (ctx: DomainContext, id: string, notificationId: string): NotificationRecord {
  findSubscription(ctx, id)
  const notification = ctx.store.webhooks.findNotification(id, notificationId)
  if (notification === null) throw webhookErrors.notificationNotFound()
  const again: NotificationRecord = { ...notification, status: 'pending', retriesLeft: 1, nextAttemptAt: ctx.clock.now(), failure: null }
  ctx.store.webhooks.updateNotification(again)
  return again
}

export interface Delivery {
  notification: NotificationRecord
  attempts: AttemptRecord[]
}

/** A subscription's notifications, newest first, each with its attempts. */
export function deliveries (ctx: DomainContext, id: string, filter: NotificationFilter): Delivery[] {
  findSubscription(ctx, id)
  const notifications = ctx.store.webhooks.notifications(id, filter)
  const attempts = ctx.store.webhooks.attemptsOf(notifications.map(n => n.seq))
  return notifications.map(notification => ({ notification, attempts: attempts.get(notification.seq) ?? [] }))
}

export function findDelivery (ctx: DomainContext, id: string, notificationId: string): Delivery {
  findSubscription(ctx, id)
  const notification = ctx.store.webhooks.findNotification(id, notificationId)
  if (notification === null) throw webhookErrors.notificationNotFound()
  return { notification, attempts: ctx.store.webhooks.attemptsOf([notification.seq]).get(notification.seq) ?? [] }
}

/** The fixtures' subscriptions of a new workspace. Call inside its creating transaction. */
export function applyFixtureWebhooks (ctx: DomainContext, fixtures: Fixtures, workspaceVersion: ApiVersion): void {
  for (const webhook of fixtures.webhooks ?? []) {
    subscribe(ctx, { url: webhook.url, topics: webhook.topics, apiVersion: webhook.api_version, isoPersonTimes: webhook.iso_person_times, origin: 'fixtures' }, workspaceVersion)
  }
}

/**
 * For the control plane's reset: drops every subscription, notification and attempt of the workspace,
 * then restores the fixtures' subscriptions. Call inside a transaction.
 */
export function resetWebhooks (ctx: DomainContext, fixtures: Fixtures, workspaceVersion: ApiVersion): void {
  ctx.store.webhooks.deleteAll()
  applyFixtureWebhooks(ctx, fixtures, workspaceVersion)
}

/** For the control plane's state dump: the workspace's subscriptions in fixture format. */
export function webhooksAsFixtures (ctx: DomainContext): NonNullable<Fixtures['webhooks']> {
  return ctx.store.webhooks.subscriptions().map(s => ({ url: s.url, topics: s.topics, api_version: s.apiVersion, ...(s.isoPersonTimes ? {} : { iso_person_times: false }) }))
}

function pingNotice (): Notice {
  return { topic: 'ping', subject: { kind: 'ping', message: PING_MESSAGE } }
}

function checkUrl (url: string): void {
  let parsed: URL | null = null
  try { parsed = new URL(url) } catch {}
  if (parsed === null || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || parsed.hostname === '') {
    throw webhookErrors.invalid(`url must be an http or https URL, not ${url}`, 'url')
  }
}
