import type { DomainContext } from './context.js'
import { errors } from './errors.js'
import { findContact } from './people.js'
import type { ConsentType, Contact, SubscriptionType } from './types.js'

const CONTACT_ROLES = ['user', 'lead'] as const
const CONSENT_TYPES: readonly ConsentType[] = ['opt_in', 'opt_out']

/** `GET /subscription_types`: the workspace's, from the fixtures. */
export function listSubscriptionTypes (ctx: DomainContext): SubscriptionType[] {
  return ctx.store.subscriptionTypes.all()
}

/**
 * `GET /contacts/{id}/subscriptions`: the types the contact made a choice about, each with the choice
 * as its `consent_type` (opted in to an opt-in type, out of an opt-out one).
 */
export function listContactSubscriptions (ctx: DomainContext, contactId: string): SubscriptionType[] {
  const contact = findContact(ctx, { by: 'id', value: contactId }, CONTACT_ROLES)
  const types = new Map(ctx.store.subscriptionTypes.all().map(type => [type.id, type]))
  return contact.links.subscriptions.flatMap(choice => {
    const type = types.get(choice.subscriptionTypeId)
    return type === undefined ? [] : [{ ...type, consentType: choice.consent }]
  })
}

/** `POST /contacts/{id}/subscriptions` `{id, consent_type}`: records the contact's choice. */
export function attachSubscription (ctx: DomainContext, contactId: string, input: { id?: string | undefined, consentType?: string | undefined }): SubscriptionType {
  const consent = CONSENT_TYPES.find(c => c === input.consentType)
  if (consent === undefined) throw errors.parameterInvalid(`consent_type must be opt_in or opt_out, not ${input.consentType ?? 'nothing'}`, 'consent_type')
  return ctx.store.transaction(() => {
    const contact = findContact(ctx, { by: 'id', value: contactId }, CONTACT_ROLES)
    const type = subscriptionType(ctx, input.id)
    ctx.store.subscriptionTypes.choose(contact.id, type.id, consent)
    return { ...type, consentType: consent }
  })
}

/** `DELETE /contacts/{id}/subscriptions/{subscription_id}`: forgets the contact's choice; answers the type. */
export function detachSubscription (ctx: DomainContext, contactId: string, typeId: string): SubscriptionType {
  return ctx.store.transaction(() => {
    const contact = findContact(ctx, { by: 'id', value: contactId }, CONTACT_ROLES)
    const type = subscriptionType(ctx, typeId)
    ctx.store.subscriptionTypes.unchoose(contact.id, type.id)
    return type
  })
}

/** True when the contact opted out of a live subscription type that covers email. */
export function optedOutOfEmail (ctx: DomainContext, contact: Contact): boolean {
  const optedOut = contact.links.subscriptions.filter(s => s.consent === 'opt_out').map(s => s.subscriptionTypeId)
  if (optedOut.length === 0) return false
  return ctx.store.subscriptionTypes.all().some(type => optedOut.includes(type.id) && type.state === 'live' && type.contentTypes.includes('email'))
}

function subscriptionType (ctx: DomainContext, id: string | undefined): SubscriptionType {
  const type = id === undefined || id === '' ? null : ctx.store.subscriptionTypes.findById(id)
  if (type === null) throw errors.notFound('Resource')
  return type
}
