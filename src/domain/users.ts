import { saveContactChanges, type ContactChanges } from './contact-changes.js'
import type { DomainContext } from './context.js'
import { errors } from './errors.js'
import { numberedPage, pageWindow, singlePage, type PageRequest } from './pagination.js'
import { deleteContact, findContact, normaliseEmail, type ContactIdentifiers, type Identifier } from './people.js'
import type { Contact, Page } from './types.js'

/** `POST /users` (1.x): the user to update is found by `id`, else `user_id`, else `email`. */
export interface CreateOrUpdateUserInput extends ContactChanges {
  id?: string | undefined
  /** 1.3 refuses `unsubscribed_from_emails: null`; earlier minors accept it (and change nothing). */
  allows?: { nullUnsubscribed: boolean } | undefined
}

export const USER_PAGE_LIMITS = { defaultPerPage: 50, maxPerPage: 60 }
const USER_SORT_FIELDS = ['created_at', 'updated_at', 'signed_up_at', 'last_request_at'] as const

/**
 * Creates or updates a user (intercom-api.md §3.1). `id` must name a user; a `user_id` match updates
 * that user; an `email` match updates a user that has no `user_id` (or, with no `user_id` sent, the
 * one user with that email); a user with that email and another `user_id` stays, and a new one is made.
 */
export function createOrUpdateUser (ctx: DomainContext, input: CreateOrUpdateUserInput): Contact {
  if (empty(input.id) && empty(input.externalId) && empty(input.email)) {
    throw errors.parameterInvalid('A user needs a user_id or an email', 'user_id')
  }
  if (input.unsubscribedFromEmails === null && input.allows?.nullUnsubscribed !== true) {
    throw errors.parameterInvalid('unsubscribed_from_emails must be true or false, not null', 'unsubscribed_from_emails')
  }
  return ctx.store.transaction(() => {
    const existing = userToUpdate(ctx, input)
    // All checks are above this line; below it, only writes.
    return saveContactChanges(ctx, existing, 'user', input)
  })
}

function userToUpdate (ctx: DomainContext, input: CreateOrUpdateUserInput): Contact | null {
  if (!empty(input.id)) return findContact(ctx, { by: 'id', value: input.id }, ['user'])
  const users = (contacts: Contact[]) => contacts.filter(c => c.role === 'user')
  if (!empty(input.externalId)) {
    const byUserId = users(ctx.store.contacts.findByExternalId(input.externalId))[0]
    if (byUserId !== undefined) return byUserId
    if (empty(input.email)) return null
    return users(ctx.store.contacts.findByEmail(normaliseEmail(input.email))).find(u => u.externalId === null) ?? null
  }
  const byEmail = users(ctx.store.contacts.findByEmail(normaliseEmail(input.email as string)))
  if (byEmail.length > 1) throw errors.multipleUsersMatchEmail()
  return byEmail[0] ?? null
}

export function retrieveUser (ctx: DomainContext, id: string): Contact {
  return findContact(ctx, { by: 'id', value: id }, ['user'])
}

export function findUserByUserId (ctx: DomainContext, userId: string): Contact {
  return findContact(ctx, { by: 'userId', value: userId }, ['user'])
}

/**
 * `GET /users?email=` from 1.1: everyone sharing the email, as a list (intercom-api.md §3.1). In 1.1
 * the list holds leads with that email too; from 1.2 users only (the 1.x changelogs).
 */
export function listUsersByEmail (ctx: DomainContext, email: string, options: { includeLeads: boolean }): Page<Contact> {
  const roles = options.includeLeads ? ['user', 'lead'] : ['user']
  return singlePage(ctx.store.contacts.findByEmail(normaliseEmail(email)).filter(c => roles.includes(c.role)))
}

/**
 * `GET /users?email=` in 1.0: the one user with that email; several are 409 `conflict` ("must be more
 * specific using user_id"), none a 404.
 */
export function findUserByEmail (ctx: DomainContext, email: string): Contact {
  return findContact(ctx, { by: 'email', value: email }, ['user'])
}

export interface ListPeopleInput extends PageRequest {
  order?: string | undefined
  sort?: string | undefined
}

/** A page of users or of leads, newest first unless `order`/`sort` say otherwise. */
export function listPeople (ctx: DomainContext, role: 'user' | 'lead', input: ListPeopleInput): Page<Contact> {
  const window = pageWindow(input, USER_PAGE_LIMITS)
  const field = USER_SORT_FIELDS.find(f => f === input.sort) ?? 'created_at'
  const direction = input.order === 'asc' ? 'asc' : 'desc'
  const items = ctx.store.contacts.pageByRole(role, { field, direction }, window.perPage, window.offset)
  return numberedPage(items, window, ctx.store.contacts.countByRole(role))
}

function empty (value: string | undefined): value is undefined {
  return value === undefined || value === ''
}

/** `DELETE /users/{id}`, or `DELETE /users?user_id=…` / `?email=…`: answers the user as it was. */
export function deleteUser (ctx: DomainContext, identifiers: ContactIdentifiers): Contact {
  const identifier: Identifier | null = !empty(identifiers.id) ? { by: 'id', value: identifiers.id }
    : !empty(identifiers.userId) ? { by: 'userId', value: identifiers.userId }
      : !empty(identifiers.email) ? { by: 'email', value: identifiers.email } : null
  if (identifier === null) throw errors.parameterInvalid('Deleting a user needs an id, a user_id or an email', 'user_id')
  return ctx.store.transaction(() => deleteContact(ctx, findContact(ctx, identifier, ['user'])))
}
