import type { DomainEvent } from '../../domain/events.js'
import type { Admin, Contact, PartType, Tag, UnixSeconds } from '../../domain/types.js'

/** What a notification's `data.item` shows: rendered by the presenters in the subscription's version (items.ts). */
export type ItemSubject =
  | { kind: 'conversation', conversationId: string, partIds: readonly string[] }
  | { kind: 'contact', contact: Contact, mergedFromId?: string }
  | { kind: 'deleted_contact', contact: Contact }
  | { kind: 'ping', message: string }
  | { kind: 'contact_tag', contact: Contact, tag: Tag, at: UnixSeconds }
  | { kind: 'company', companyId: string }
  | { kind: 'deleted_conversation', conversationId: string }
  | { kind: 'admin', admin: Admin }

export interface Notice {
  topic: string
  subject: ItemSubject
}

type Major = 1 | 2
type EventOf<T extends DomainEvent['type']> = Extract<DomainEvent, { type: T }>

/**
 * The topics Intercom sends for each domain event (intercom-webhooks-and-limits.md §1.5, §4 item 8),
 * per major version. A new domain event is one more entry here.
 */
const EVENT_TOPICS: { [T in DomainEvent['type']]: (event: EventOf<T>, major: Major) => Notice[] } = {
  'conversation.started': (e) => [conversation(e.initiator === 'contact' ? 'conversation.user.created' : 'conversation.admin.single.created', e.conversationId, [])],
  'conversation.part_added': (e) => partTopics(e).map(topic => conversation(topic, e.conversationId, [e.partId])),
  'conversation.updated': (e, major) => major === 2 && e.after.read && !e.before.read ? [conversation('conversation.read', e.conversationId, [])] : [],
  'contact.created': (e, major) => {
    const topic = { user: ['user.created', 'contact.user.created'], lead: ['contact.created', 'contact.lead.created'], visitor: [] }[e.contact.role][major - 1]
    return topic === undefined ? [] : [person(topic, e.contact)]
  },
  'contact.updated': (e, major) => updateTopics(e, major).map(topic => person(topic, e.after)),
  'contact.converted': (e, major) => signUpTopic(e.fromRole, major).map(topic => person(topic, e.contact)),
  'contact.merged': (e, major) => [
    ...signUpTopic(e.from.role, major).filter(() => major === 1 || e.from.role === 'visitor').map(topic => person(topic, e.into)),
    ...(major === 2 ? [{ topic: 'contact.merged', subject: { kind: 'contact' as const, contact: e.into, mergedFromId: e.from.id } }] : [])
  ],
  'contact.deleted': (e, major) => {
    const topic = { user: ['user.deleted', 'contact.deleted'], lead: ['contact.deleted', 'contact.deleted'], visitor: [] }[e.contact.role][major - 1]
    return topic === undefined ? [] : [{ topic, subject: { kind: 'deleted_contact', contact: e.contact } }]
  },
  'contact.tag_changed': (e, major) => {
    if (e.contact.role === 'visitor') return []
    const change = e.added ? 'created' : 'deleted'
    const topic = major === 1 ? `${e.contact.role === 'user' ? 'user' : 'contact'}.tag.${change}` : `contact.${e.contact.role}.tag.${change}`
    return [{ topic, subject: { kind: 'contact_tag', contact: e.contact, tag: e.tag, at: e.at } }]
  },
  // 2.5's webhook models spell the first `contact.archive`; later ones `contact.archived`.
  'contact.archive_changed': (e, major) => major === 1 ? [] : [person(e.contact.archived ? 'contact.archived' : 'contact.unarchive', e.contact)],
  'company.created': (e) => [{ topic: 'company.created', subject: { kind: 'company', companyId: e.companyId } }],
  // The 2.x-only topics of issue 14's operations (intercom-webhooks-and-limits.md §1.5).
  'conversation.customer_changed': (e, major) => major === 1 ? [] : [conversation(e.added ? 'conversation.contact.attached' : 'conversation.contact.detached', e.conversationId, [])],
  'conversation.redacted': (e, major) => major === 1 ? [] : [conversation('conversation_part.redacted', e.conversationId, e.partId === null ? [] : [e.partId])],
  'conversation.deleted': (e, major) => major === 1 ? [] : [{ topic: 'conversation.deleted', subject: { kind: 'deleted_conversation', conversationId: e.conversationId } }],
  'admin.away_changed': (e, major) => major === 1 ? [] : [{ topic: 'admin.away_mode_updated', subject: { kind: 'admin', admin: e.admin } }]
}

export function noticesFor (event: DomainEvent, major: Major): Notice[] {
  return (EVENT_TOPICS[event.type] as (e: DomainEvent, m: Major) => Notice[])(event, major)
}

/**
 * An admin's part names its topic by type. `timer_unsnooze` (a snooze the clock woke) and `unsnoozed` are the same topic
 * whoever the author; an admin opening a snoozed conversation unsnoozes it (DOC-1.x unsnoozing-a-conversation).
 */
const ADMIN_PART_TOPICS: Partial<Record<PartType, readonly string[]>> = {
  comment: ['conversation.admin.replied'],
  note: ['conversation.admin.noted'],
  note_and_reopen: ['conversation.admin.noted'],
  close: ['conversation.admin.closed'],
  open: ['conversation.admin.opened'],
  snoozed: ['conversation.admin.snoozed'],
  unsnoozed: ['conversation.admin.unsnoozed'],
  timer_unsnooze: ['conversation.admin.unsnoozed'],
  assignment: ['conversation.admin.assigned'],
  assign_and_reopen: ['conversation.admin.assigned', 'conversation.admin.opened']
}

function partTopics (e: EventOf<'conversation.part_added'>): readonly string[] {
  if (e.partType === 'unsnoozed' || e.partType === 'timer_unsnooze') return ['conversation.admin.unsnoozed']
  if (e.authorType === 'contact') return e.partType === 'comment' || e.partType === 'open' ? ['conversation.user.replied'] : []
  if (e.partType === 'open' && e.stateBefore === 'snoozed') return ['conversation.admin.unsnoozed']
  return ADMIN_PART_TOPICS[e.partType] ?? []
}

function updateTopics ({ before, after }: EventOf<'contact.updated'>, major: Major): string[] {
  const emailChanged = after.email !== null && after.email !== before.email
  const emailAdded = before.email === null && after.email !== null
  const unsubscribed = after.unsubscribedFromEmails && !before.unsubscribedFromEmails
  if (after.role === 'visitor') return []
  if (major === 1) {
    if (after.role === 'user') return [...(emailChanged ? ['user.email.updated'] : []), ...(unsubscribed ? ['user.unsubscribed'] : [])]
    return ['contact.updated', ...(emailAdded ? ['contact.added_email'] : [])]
  }
  return [
    after.role === 'user' ? 'contact.user.updated' : 'contact.lead.updated',
    // A lead's first email is an added email, not a changed one.
    ...(emailAdded && after.role === 'lead' ? ['contact.lead.added_email'] : emailChanged ? ['contact.email.updated'] : [])
  ]
}

function signUpTopic (fromRole: Contact['role'], major: Major): string[] {
  if (fromRole === 'visitor') return ['visitor.signed_up']
  if (fromRole === 'lead') return [major === 1 ? 'contact.signed_up' : 'contact.lead.signed_up']
  return []
}

function conversation (topic: string, conversationId: string, partIds: readonly string[]): Notice {
  return { topic, subject: { kind: 'conversation', conversationId, partIds } }
}

function person (topic: string, contact: Contact): Notice {
  return { topic, subject: { kind: 'contact', contact } }
}
