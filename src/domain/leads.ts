import { saveContactChanges, type ContactChanges } from './contact-changes.js'
import type { DomainContext } from './context.js'
import { errors } from './errors.js'
import { convertToUser, deleteContact, findContact, normaliseEmail, singleIdentifier, type ContactIdentifiers, type Identifier } from './people.js'
import type { Contact, Page } from './types.js'
import { singlePage } from './pagination.js'

/**
 * `POST /contacts` (1.x): with `id` or `user_id` it updates that lead; otherwise it creates one, and
 * needs nothing at all ("No identifying information is required"). A lead's `user_id` is the UUID
 * Intercom assigns; it cannot be chosen.
 */
export interface CreateOrUpdateLeadInput extends ContactChanges {
  id?: string | undefined
  /** The lead's 1.x `user_id`, to find it by: not a change. */
  userId?: string | undefined
}

export function createOrUpdateLead (ctx: DomainContext, input: CreateOrUpdateLeadInput): Contact {
  const { id, userId, ...changes } = input
  const identifier: Identifier | null = id !== undefined && id !== '' ? { by: 'id', value: id }
    : userId !== undefined && userId !== '' ? { by: 'userId', value: userId } : null
  return ctx.store.transaction(() => {
    const existing = identifier === null ? null : findContact(ctx, identifier, ['lead'])
    // All checks are above this line; below it, only writes.
    return saveContactChanges(ctx, existing, 'lead', changes)
  })
}

export function findLead (ctx: DomainContext, identifier: Identifier): Contact {
  return findContact(ctx, identifier, ['lead'])
}

export function listLeadsBy (ctx: DomainContext, field: 'email' | 'phone', value: string): Page<Contact> {
  const matches = field === 'email'
    ? ctx.store.contacts.findByEmail(normaliseEmail(value))
    : ctx.store.contacts.findByPhone(value)
  const leads = matches.filter(c => c.role === 'lead')
  return singlePage(leads)
}

/** `POST /contacts/convert` (1.x): a lead becomes a user, or merges into the user named. */
export interface ConvertLeadInput {
  contact?: ContactIdentifiers | undefined
  user?: ContactIdentifiers | undefined
}

export function convertLead (ctx: DomainContext, input: ConvertLeadInput): Contact {
  const leadIdentifier = singleIdentifier(input.contact ?? {}, 'contact')
  const target = input.user ?? {}
  if ([target.id, target.userId, target.email].every(v => v === undefined || v === '')) {
    throw errors.parameterInvalid('Converting a lead needs user.id, user.user_id or user.email', 'user')
  }
  return ctx.store.transaction(() => convertToUser(ctx, findLead(ctx, leadIdentifier), target))
}

export function deleteLead (ctx: DomainContext, identifier: Identifier): Contact {
  return ctx.store.transaction(() => deleteContact(ctx, findLead(ctx, identifier)))
}
