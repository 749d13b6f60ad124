import type { DomainContext } from './context.js'
import { mergeCustomAttributes } from './custom-attributes.js'
import { newContact, normaliseEmail } from './people.js'
import type { Contact, ContactRole, UnixSeconds } from './types.js'

/** The attributes a create-or-update request may set on a user or lead. Absent means unchanged. */
export interface ContactChanges {
  externalId?: string | undefined
  email?: string | undefined
  phone?: string | null | undefined
  name?: string | null | undefined
  avatarUrl?: string | null | undefined
  /** Null (accepted on users before 1.3) leaves it as it is. */
  unsubscribedFromEmails?: boolean | null | undefined
  customAttributes?: Record<string, unknown> | undefined
  signedUpAt?: UnixSeconds | null | undefined
  lastRequestAt?: UnixSeconds | null | undefined
  /** 1.x `update_last_request_at`: set last_request_at to now. */
  updateLastRequestAt?: boolean | undefined
  /** 1.x `new_session`: count one more session. */
  newSession?: boolean | undefined
  /** 2.x `owner_id`: an admin's id, or null for none (checked by the caller). */
  ownerId?: string | null | undefined
}

/** `contact` with `changes` applied (not yet written). Custom attributes merge key by key. */
export function applyContactChanges (ctx: DomainContext, contact: Contact, changes: ContactChanges): Contact {
  const now = ctx.clock.now()
  return {
    ...contact,
    externalId: changes.externalId ?? contact.externalId,
    email: changes.email === undefined ? contact.email : normaliseEmail(changes.email),
    phone: changes.phone === undefined ? contact.phone : changes.phone,
    name: changes.name === undefined ? contact.name : changes.name,
    avatarUrl: changes.avatarUrl === undefined ? contact.avatarUrl : changes.avatarUrl,
    unsubscribedFromEmails: changes.unsubscribedFromEmails ?? contact.unsubscribedFromEmails,
    customAttributes: mergeCustomAttributes(contact.customAttributes, changes.customAttributes),
    signedUpAt: changes.signedUpAt === undefined ? contact.signedUpAt : changes.signedUpAt,
    lastRequestAt: changes.updateLastRequestAt === true ? now : changes.lastRequestAt === undefined ? contact.lastRequestAt : changes.lastRequestAt,
    sessionCount: contact.sessionCount + (changes.newSession === true ? 1 : 0),
    ownerId: changes.ownerId === undefined ? contact.ownerId : changes.ownerId,
    updatedAt: now
  }
}

/**
 * Writes `changes` onto `existing`, or onto a new contact of `role` when there is none: the last step
 * of every create-or-update. Call inside a transaction.
 */
export function saveContactChanges (ctx: DomainContext, existing: Contact | null, role: ContactRole, changes: ContactChanges): Contact {
  const contact = applyContactChanges(ctx, existing ?? newContact(ctx, role, {}), changes)
  if (existing === null) ctx.store.contacts.insert(contact)
  else ctx.store.contacts.update(contact)
  return contact
}
