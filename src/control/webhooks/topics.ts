import type { ApiVersion } from '../../versions.js'

/**
 * The topics a subscription may name, per major version (intercom-webhooks-and-limits.md §1.5,
 * from Intercom's webhook-models pages). Some have no REST trigger in the mock (they are accepted,
 * and simply never fire); `ping` is in both and always subscribed.
 */
const CONVERSATION_TOPICS = [
  'conversation.user.created', 'conversation.user.replied', 'conversation.admin.replied', 'conversation.admin.single.created',
  'conversation.admin.assigned', 'conversation.admin.noted', 'conversation.admin.closed', 'conversation.admin.opened',
  'conversation.admin.snoozed', 'conversation.admin.unsnoozed', 'conversation_part.tag.created'
]

const V1_TOPICS = [
  ...CONVERSATION_TOPICS,
  'user.created', 'user.deleted', 'user.unsubscribed', 'user.email.updated', 'user.tag.created', 'user.tag.deleted',
  'contact.created', 'contact.signed_up', 'contact.added_email', 'contact.updated', 'contact.deleted',
  'contact.tag.created', 'contact.tag.deleted', 'visitor.signed_up', 'company.created', 'event.created', 'ping'
]

const V2_TOPICS = [
  ...CONVERSATION_TOPICS,
  'conversation.admin.open.assigned', 'conversation.operator.replied', 'conversation_part.redacted', 'conversation.deleted',
  'conversation.priority.updated', 'conversation.rating.added', 'conversation.read', 'conversation.contact.attached',
  'conversation.contact.detached', 'conversation.company.updated',
  'contact.user.created', 'contact.lead.created', 'contact.user.updated', 'contact.lead.updated', 'contact.email.updated',
  'contact.lead.added_email', 'contact.lead.signed_up', 'contact.merged', 'contact.deleted', 'contact.archived', 'contact.unarchive',
  'contact.user.tag.created', 'contact.user.tag.deleted', 'contact.lead.tag.created', 'contact.lead.tag.deleted',
  'contact.subscribed', 'contact.unsubscribed', 'visitor.signed_up',
  'admin.added_to_workspace', 'admin.removed_from_workspace', 'admin.away_mode_updated', 'admin.logged_in', 'admin.logged_out',
  'admin.activity_log_event.created', 'company.created', 'ping'
]

const TOPICS: Record<1 | 2, ReadonlySet<string>> = { 1: new Set(V1_TOPICS), 2: new Set(V2_TOPICS) }

/** Every dot-boundary prefix of a topic (`conversation`, `conversation.admin`) names its sub-topics. */
const PARENTS: Record<1 | 2, ReadonlySet<string>> = { 1: parentsOf(V1_TOPICS), 2: parentsOf(V2_TOPICS) }

export function topicsOf (version: ApiVersion): ReadonlySet<string> {
  return TOPICS[version.major]
}

/** True when a subscription of `version` may name `topic`: a topic of that version, or a parent of some. */
export function isSubscribable (topic: string, version: ApiVersion): boolean {
  return TOPICS[version.major].has(topic) || PARENTS[version.major].has(topic)
}

/** True when a subscription to `subscribed` receives `topic`: itself, a parent of it, or `ping`, which every subscription gets. */
export function receives (subscribed: readonly string[], topic: string): boolean {
  if (topic === 'ping') return true
  return subscribed.some(s => s === topic || topic.startsWith(`${s}.`))
}

function parentsOf (topics: readonly string[]): ReadonlySet<string> {
  const parents = new Set<string>()
  for (const topic of topics) {
    const segments = topic.split('.')
    for (let i = 1; i < segments.length; i++) parents.add(segments.slice(0, i).join('.'))
  }
  return parents
}
