import type { DomainContext } from './context.js'
import { errors, type IntercomError } from './errors.js'
import { pseudonymFor } from './pseudonym.js'
import { NO_LINKS, type Contact, type ContactRole } from './types.js'

/**
 * The ways Intercom lets a request name a contact: its Intercom `id`, the 1.x `user_id` (a user's
 * external id, a lead's or visitor's anonymous id), the 2.x `external_id`, or its `email`.
 */
export interface ContactIdentifiers {
  id?: string | undefined
  userId?: string | undefined
  externalId?: string | undefined
  email?: string | undefined
}

export type Identifier = { by: 'id' | 'userId' | 'externalId' | 'email', value: string }

const WIRE_NAMES = { id: 'id', userId: 'user_id', externalId: 'external_id', email: 'email' } as const

/** A contact's 1.x `user_id`: a user's is its external id; a lead's or visitor's the UUID Intercom gave it. */
export function userIdOf (contact: Contact): string | null {
  return contact.role === 'user' ? contact.externalId : contact.anonymousId ?? contact.externalId
}

/** How a customer names itself in conversation requests: `intercom_user_id`, `user_id` or `email`. */
export interface CustomerIdentifiers {
  intercomUserId?: string | undefined
  userId?: string | undefined
  email?: string | undefined
}

/** The first identifier given, in Intercom's order (`intercom_user_id`, `user_id`, `email`), or null. */
export function customerIdentifier (input: CustomerIdentifiers): Identifier | null {
  if (input.intercomUserId !== undefined && input.intercomUserId !== '') return { by: 'id', value: input.intercomUserId }
  if (input.userId !== undefined && input.userId !== '') return { by: 'userId', value: input.userId }
  if (input.email !== undefined && input.email !== '') return { by: 'email', value: input.email }
  return null
}

/** Emails are compared and stored downcased, as Intercom does. */
export const normaliseEmail = (email: string): string => email.trim().toLowerCase()

/**
 * The single identifier a request used. None, or more than one, is a 400 naming `field`
 * (e.g. `from`), since Intercom could not tell which contact was meant.
 */
export function singleIdentifier (identifiers: ContactIdentifiers, field: string): Identifier {
  const given = (['id', 'userId', 'externalId', 'email'] as const)
    .filter(by => identifiers[by] !== undefined && identifiers[by] !== '')
    .map(by => ({ by, value: identifiers[by] as string }))
  if (given.length === 1) return given[0] as Identifier
  const names = `${field}.id, ${field}.user_id or ${field}.email`
  throw given.length === 0
    ? errors.parameterInvalid(`${field} must identify the contact by one of ${names}`, field)
    : errors.parameterInvalid(`${field} must identify the contact by exactly one of ${names}, not ${given.map(g => `${field}.${WIRE_NAMES[g.by]}`).join(' and ')}`, field)
}

/**
 * The one contact with one of `roles` that `identifier` names, or null. Several users sharing an email
 * is Intercom's 409; several leads sharing one resolve to the newest, as the Intercom inbox does.
 */
export function lookupContact (ctx: DomainContext, identifier: Identifier, roles: readonly ContactRole[]): Contact | null {
  const contacts = ctx.store.contacts
  const { by, value } = identifier
  const matches = by === 'id' ? [contacts.findById(value)].filter((c): c is Contact => c !== null)
    : by === 'userId' ? contacts.findByUserId(value).filter(c => userIdOf(c) === value || c.externalId === value)
      : by === 'externalId' ? contacts.findByExternalId(value) : contacts.findByEmail(normaliseEmail(value))
  const eligible = matches.filter(c => roles.includes(c.role))
  if (eligible.length > 1 && identifier.by === 'email' && eligible.every(c => c.role === 'user')) {
    throw errors.multipleUsersMatchEmail()
  }
  return eligible.at(-1) ?? null
}

/** Like lookupContact, but a missing contact is a 404 (`User Not Found` unless told otherwise). */
export function findContact (
  ctx: DomainContext,
  identifier: Identifier,
  roles: readonly ContactRole[],
  notFound: () => IntercomError = () => errors.notFound('User')
): Contact {
  const contact = lookupContact(ctx, identifier, roles)
  if (contact === null) throw notFound()
  return contact
}

export type ContactFields = Partial<Omit<Contact, 'id' | 'role' | 'createdAt' | 'updatedAt' | 'archived' | 'blocked' | 'links'>>

/** A new contact, not yet stored. Leads and visitors get the anonymous UUID and pseudonym Intercom assigns. */
export function newContact (ctx: DomainContext, role: ContactRole, fields: ContactFields, id = ctx.ids.contactId()): Contact {
  const now = ctx.clock.now()
  const anonymous = role !== 'user'
  return {
    id,
    role,
    externalId: fields.externalId ?? null,
    anonymousId: fields.anonymousId ?? (anonymous ? ctx.ids.uuid() : null),
    email: fields.email === undefined || fields.email === null ? null : normaliseEmail(fields.email),
    phone: fields.phone ?? null,
    name: fields.name ?? null,
    pseudonym: fields.pseudonym ?? (anonymous ? pseudonymFor(id) : null),
    avatarUrl: fields.avatarUrl ?? null,
    unsubscribedFromEmails: fields.unsubscribedFromEmails ?? false,
    customAttributes: fields.customAttributes ?? {},
    signedUpAt: fields.signedUpAt ?? null,
    lastRequestAt: fields.lastRequestAt ?? null,
    lastRepliedAt: fields.lastRepliedAt ?? null,
    sessionCount: fields.sessionCount ?? 0,
    archived: false,
    blocked: false,
    ownerId: fields.ownerId ?? null,
    createdAt: now,
    updatedAt: now,
    links: NO_LINKS
  }
}

/** Creates and stores a lead with only an email: what Intercom does for an email nobody has. Call inside a transaction. */
export function insertLeadWithEmail (ctx: DomainContext, email: string): Contact {
  const lead = newContact(ctx, 'lead', { email: normaliseEmail(email) })
  ctx.store.contacts.insert(lead)
  return lead
}

/** Writes a visitor's conversion to a lead: same id and user_id, role lead. Call inside a transaction. */
export function convertVisitorToLead (ctx: DomainContext, visitor: Contact): Contact {
  const lead: Contact = { ...visitor, role: 'lead', updatedAt: ctx.clock.now() }
  ctx.store.contacts.update(lead)
  ctx.events.record({ type: 'contact.converted', contact: lead, fromRole: visitor.role })
  return lead
}

/**
 * Merges `from` into `into`: its conversations, messages and parts follow, as do its tags, companies,
 * notes, data events and subscription choices (as Intercom moves them to the user), and `from` is deleted.
 * Identifiers of `from` are never copied onto `into` (Intercom's merge rule). Call inside a transaction.
 */
export function mergeContactInto (ctx: DomainContext, from: Contact, into: Contact): Contact {
  const now = ctx.clock.now()
  void from.links // read before they move, for the contact.merged notification
  ctx.store.contacts.transferConversations(from.id, into.id)
  ctx.store.contacts.markDeleted(from.id, now)
  const merged: Contact = { ...(ctx.store.contacts.findById(into.id) ?? into), updatedAt: now }
  ctx.store.contacts.update(merged)
  ctx.events.record({ type: 'contact.merged', from, into: merged })
  return merged
}

/**
 * Makes a lead or visitor a user (intercom-api.md §3.2). When the user `target` names exists, the
 * contact is merged into it and deleted, and none of the contact's identifiers are added to the user;
 * otherwise the contact becomes that user, same id, keeping its email but not its `user_id`. A named
 * `id` must exist; a `user_id` or `email` may be new. Call inside a transaction.
 */
export function convertToUser (ctx: DomainContext, contact: Contact, target: ContactIdentifiers): Contact {
  const existing = existingUser(ctx, target)
  // All checks are above this line; below it, only writes.
  if (existing !== null) return mergeContactInto(ctx, contact, existing)
  const user: Contact = {
    ...contact,
    role: 'user',
    externalId: target.userId ?? target.externalId ?? null,
    email: target.email === undefined ? contact.email : normaliseEmail(target.email),
    pseudonym: null,
    updatedAt: ctx.clock.now()
  }
  ctx.store.contacts.update(user)
  ctx.events.record({ type: 'contact.converted', contact: user, fromRole: contact.role })
  return user
}

function existingUser (ctx: DomainContext, target: ContactIdentifiers): Contact | null {
  if (target.id !== undefined && target.id !== '') return findContact(ctx, { by: 'id', value: target.id }, ['user'])
  for (const identifier of [{ by: 'userId', value: target.userId }, { by: 'externalId', value: target.externalId }, { by: 'email', value: target.email }] as const) {
    if (identifier.value === undefined || identifier.value === '') continue
    const user = lookupContact(ctx, { by: identifier.by, value: identifier.value }, ['user'])
    if (user !== null) return user
  }
  return null
}

/** Deletes a contact: lookups stop finding it; conversations it was part of still show it. */
export function deleteContact (ctx: DomainContext, contact: Contact): Contact {
  ctx.store.contacts.markDeleted(contact.id, ctx.clock.now())
  ctx.events.record({ type: 'contact.deleted', contact })
  return contact
}
