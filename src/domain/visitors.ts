import type { DomainContext } from './context.js'
import { errors } from './errors.js'
import { convertVisitorToLead, findContact, lookupContact, mergeContactInto, normaliseEmail, singleIdentifier, type ContactIdentifiers, type Identifier } from './people.js'
import type { Contact } from './types.js'

export function findVisitor (ctx: DomainContext, identifier: Identifier): Contact {
  return findContact(ctx, identifier, ['visitor'], () => errors.notFound('Visitor'))
}

/** `POST /visitors/convert` (intercom-api.md §3.2). */
export interface ConvertVisitorInput {
  type?: string | undefined
  visitor?: ContactIdentifiers | undefined
  user?: ContactIdentifiers | undefined
}

/**
 * Converts a visitor to a lead (same id, role lead) or to a user. To a user: when the `user` named
 * exists the visitor is merged into it and deleted, and none of the visitor's identifiers are added
 * to the user; otherwise the visitor becomes that user, keeping its email but not its `user_id`.
 */
export function convertVisitor (ctx: DomainContext, input: ConvertVisitorInput): Contact {
  if (input.type !== 'lead' && input.type !== 'user') {
    throw errors.parameterInvalid('type must be lead or user', 'type')
  }
  const visitorIdentifier = singleIdentifier(input.visitor ?? {}, 'visitor')
  const target = input.user ?? {}
  if (input.type === 'user' && [target.id, target.userId, target.email].every(v => v === undefined || v === '')) {
    throw errors.parameterInvalid('Converting a visitor to a user needs user.id, user.user_id or user.email', 'user')
  }

  return ctx.store.transaction(() => {
    const visitor = findVisitor(ctx, visitorIdentifier)
    if (input.type === 'lead') return convertVisitorToLead(ctx, visitor)
    const existing = existingUser(ctx, target)
    // All checks are above this line; below it, only writes.
    if (existing !== null) return mergeContactInto(ctx, visitor, existing)
    const user: Contact = {
      ...visitor,
      role: 'user',
      userId: target.userId ?? null,
      email: target.email === undefined ? visitor.email : normaliseEmail(target.email),
      pseudonym: null,
      updatedAt: ctx.clock.now()
    }
    ctx.store.contacts.update(user)
    return user
  })
}

/** The user a conversion names, if there is one. A named `id` must exist; `user_id` and `email` may be new. */
function existingUser (ctx: DomainContext, target: ContactIdentifiers): Contact | null {
  if (target.id !== undefined && target.id !== '') return findContact(ctx, { by: 'id', value: target.id }, ['user'])
  for (const identifier of [{ by: 'userId', value: target.userId }, { by: 'email', value: target.email }] as const) {
    if (identifier.value === undefined || identifier.value === '') continue
    const user = lookupContact(ctx, { by: identifier.by, value: identifier.value }, ['user'])
    if (user !== null) return user
  }
  return null
}
