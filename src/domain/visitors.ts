import type { DomainContext } from './context.js'
import { errors } from './errors.js'
import { saveContactChanges, type ContactChanges } from './contact-changes.js'
import { convertToUser, convertVisitorToLead, deleteContact, findContact, singleIdentifier, type ContactIdentifiers, type Identifier } from './people.js'
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
 * Converts a visitor to a lead (same id, role lead) or to a user (see convertToUser).
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
    return convertToUser(ctx, visitor, target)
  })
}

/** 1.x `POST /visitors`: update a visitor named by `id` or `user_id` (visitors are never created through the API). */
export function updateVisitor (ctx: DomainContext, identifiers: ContactIdentifiers, changes: ContactChanges): Contact {
  const identifier = singleIdentifier({ id: identifiers.id, userId: identifiers.userId }, 'visitor')
  return ctx.store.transaction(() => saveContactChanges(ctx, findVisitor(ctx, identifier), 'visitor', { ...changes, externalId: undefined }))
}

export function deleteVisitor (ctx: DomainContext, identifier: Identifier): Contact {
  return ctx.store.transaction(() => deleteContact(ctx, findVisitor(ctx, identifier)))
}
