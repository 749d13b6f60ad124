import { saveContactChanges, type ContactChanges } from './contact-changes.js'
import type { DomainContext } from './context.js'
import { errors } from './errors.js'
import { badCursor, numberedPage, pageWindow, type PageRequest } from './pagination.js'
import { deleteContact, findContact, lookupContact, mergeContactInto, normaliseEmail } from './people.js'
import type { Contact, ContactRole, Page } from './types.js'
import type { ContactListKey } from '../store/contacts.js'

/** The 2.x contacts API (intercom-api.md §3.3): users and leads as one resource with a role. */
export interface ContactInput extends ContactChanges {
  role?: string | undefined
}

export const CONTACT_PAGE_LIMITS = { defaultPerPage: 50, maxPerPage: 150 }
const CONTACT_ROLES: readonly ContactRole[] = ['user', 'lead']

/**
 * `POST /contacts` (2.x). One of `email`, `external_id` or `role` is required; the role defaults to
 * user (Intercom's own example creates a user from an email alone). A contact with the same
 * `external_id`, or a user with the same email when no `external_id` is given, is Intercom's 409
 * `conflict` "A contact matching those details already exists with id=…".
 */
export function createContact (ctx: DomainContext, input: ContactInput): Contact {
  if (empty(input.email) && empty(input.externalId) && empty(input.role)) {
    throw errors.parameterInvalid('A contact needs at least one of email, external_id or role', 'role')
  }
  const role = contactRole(input.role)
  if (role === null) throw errors.parameterInvalid(`role must be user or lead, not ${input.role}`, 'role')
  return ctx.store.transaction(() => {
    checkOwner(ctx, input.ownerId)
    const existing = conflictingContact(ctx, role ?? 'user', input)
    if (existing !== null) throw errors.conflict(`A contact matching those details already exists with id=${existing.id}`)
    // All checks are above this line; below it, only writes.
    return saveContactChanges(ctx, null, role ?? 'user', input)
  })
}

/** `owner_id` must be an admin of the workspace. */
function checkOwner (ctx: DomainContext, ownerId: string | null | undefined): void {
  if (ownerId === undefined || ownerId === null) return
  if (ctx.store.admins.findById(ownerId) === null) throw errors.parameterInvalid(`owner_id ${ownerId} is not an admin of this workspace`, 'owner_id')
}

/** `GET /contacts/{id}`: users and leads; visitors and deleted contacts are not found. */
export function retrieveContact (ctx: DomainContext, id: string): Contact {
  return findContact(ctx, { by: 'id', value: id }, CONTACT_ROLES)
}

/** `GET /contacts/find_by_external_id/{external_id}` (2.14+). */
export function findContactByExternalId (ctx: DomainContext, externalId: string): Contact {
  return findContact(ctx, { by: 'externalId', value: externalId }, CONTACT_ROLES)
}

/**
 * `PUT /contacts/{id}`. A lead may become a user by `role: "user"`; a user cannot become a lead.
 * A new `external_id` must not belong to another contact.
 */
export function updateContact (ctx: DomainContext, id: string, input: ContactInput): Contact {
  const role = input.role === undefined ? undefined : contactRole(input.role)
  if (role === null) throw errors.parameterInvalid(`role must be user or lead, not ${input.role}`, 'role')
  return ctx.store.transaction(() => {
    const contact = retrieveContact(ctx, id)
    if (contact.role === 'user' && role === 'lead') throw errors.parameterInvalid('A user cannot become a lead', 'role')
    checkOwner(ctx, input.ownerId)
    if (!empty(input.externalId) && input.externalId !== contact.externalId) {
      const owner = lookupContact(ctx, { by: 'externalId', value: input.externalId }, CONTACT_ROLES)
      if (owner !== null) throw errors.conflict(`A contact matching those details already exists with id=${owner.id}`, 'external_id')
    }
    // All checks are above this line; below it, only writes.
    const saved = saveContactChanges(ctx, { ...contact, role: role ?? contact.role }, contact.role, input)
    if (saved.role !== contact.role) ctx.events.record({ type: 'contact.converted', contact: saved, fromRole: contact.role })
    return saved
  })
}

/** `DELETE /contacts/{id}`: answers the contact as it was. */
export function archiveContact (ctx: DomainContext, id: string): Contact {
  return ctx.store.transaction(() => deleteContact(ctx, retrieveContact(ctx, id)))
}

/**
 * `POST /contacts/{id}/archive` and `/unarchive`: an archived contact leaves `GET /contacts`, search
 * and segments until it is unarchived; it can still be retrieved by id.
 */
export function setContactArchived (ctx: DomainContext, id: string, archived: boolean): Contact {
  return ctx.store.transaction(() => {
    const before = retrieveContact(ctx, id)
    const contact = { ...before, archived, updatedAt: ctx.clock.now() }
    ctx.store.contacts.update(contact)
    if (before.archived !== archived) ctx.events.record({ type: 'contact.archive_changed', contact })
    return contact
  })
}

/** `POST /contacts/{id}/block` (2.13+). */
export function blockContact (ctx: DomainContext, id: string): Contact {
  return ctx.store.transaction(() => {
    const contact = { ...retrieveContact(ctx, id), blocked: true, updatedAt: ctx.clock.now() }
    ctx.store.contacts.update(contact)
    return contact
  })
}

/** `GET /contacts`: users and leads, newest first, by cursor. */
export function listContacts (ctx: DomainContext, request: PageRequest): Page<Contact> {
  const window = pageWindow(request, CONTACT_PAGE_LIMITS)
  const items = ctx.store.contacts.pageOfUsersAndLeads(window.perPage, window.offset, contactListKey(window.after ?? null))
  return numberedPage(items, window, ctx.store.contacts.countOfUsersAndLeads(), contact => [contact.createdAt, contact.id])
}

/** The `[created_at, id]` a contact-list cursor carries (cursors of the previous, counted form carry none). */
function contactListKey (after: unknown[] | null): ContactListKey | null {
  if (after === null) return null
  const [createdAt, id] = after
  if (after.length !== 2 || !Number.isSafeInteger(createdAt) || typeof id !== 'string') throw badCursor()
  return { createdAt: createdAt as number, id }
}

/**
 * `POST /contacts/merge` `{from, into}`: a lead merged into a user. The lead's conversations follow
 * and it is deleted; the user is answered.
 */
export function mergeContacts (ctx: DomainContext, input: { from?: string | undefined, into?: string | undefined }): Contact {
  if (empty(input.from)) throw errors.parameterInvalid('from is required: the id of the lead to merge', 'from')
  if (empty(input.into)) throw errors.parameterInvalid('into is required: the id of the user to merge the lead into', 'into')
  const [fromId, intoId] = [input.from, input.into]
  return ctx.store.transaction(() => {
    const from = retrieveContact(ctx, fromId)
    const into = retrieveContact(ctx, intoId)
    if (from.role !== 'lead') throw errors.parameterInvalid('from must be a lead: only a lead can be merged into a user', 'from')
    if (into.role !== 'user') throw errors.parameterInvalid('into must be a user: a lead can only be merged into a user', 'into')
    // All checks are above this line; below it, only writes.
    return mergeContactInto(ctx, from, into)
  })
}

function conflictingContact (ctx: DomainContext, role: ContactRole, input: ContactInput): Contact | null {
  if (!empty(input.externalId)) return lookupContact(ctx, { by: 'externalId', value: input.externalId }, CONTACT_ROLES)
  if (role !== 'user' || empty(input.email)) return null
  return ctx.store.contacts.findByEmail(normaliseEmail(input.email)).find(c => c.role === 'user') ?? null
}

function contactRole (role: string | undefined): ContactRole | null | undefined {
  if (empty(role)) return undefined
  return CONTACT_ROLES.find(r => r === role) ?? null
}

function empty (value: string | undefined): value is undefined {
  return value === undefined || value === ''
}
