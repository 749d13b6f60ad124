import type { DomainContext } from './context.js'
import { errors } from './errors.js'
import { saveCompany, type CompanyChanges } from './companies.js'
import { checkCustomAttributes } from './data-attributes.js'
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
  /** 1.x: a custom attribute not yet declared is declared by its first write, as 1.x did. */
  declareAttributes?: boolean | undefined
  /** 1.x `companies`: each is created or updated, and the contact joins it (or, with `remove`, leaves it). */
  companies?: CompanyMembership[] | undefined
  /** 2.x `owner_id`: an admin's id, or null for none (checked by the caller). */
  ownerId?: string | null | undefined
}

export interface CompanyMembership extends CompanyChanges {
  companyId: string
  remove?: boolean | undefined
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
    customAttributes: checkCustomAttributes(ctx, 'contact', contact.customAttributes, changes.customAttributes, changes.declareAttributes),
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
  if (existing === null) {
    ctx.store.contacts.insert(contact)
    ctx.events.record({ type: 'contact.created', contact })
  } else {
    ctx.store.contacts.update(contact)
    ctx.events.record({ type: 'contact.updated', before: existing, after: contact })
  }
  if (changes.companies === undefined || changes.companies.length === 0) return contact
  for (const { companyId, remove, ...companyChanges } of changes.companies) {
    if (companyId === '') throw errors.parameterInvalid('Each of companies needs a company_id', 'companies')
    if (remove === true) {
      const company = ctx.store.companies.findByCompanyId(companyId)
      if (company !== null) ctx.store.companies.detach(company.id, contact.id)
      continue
    }
    const company = saveCompany(ctx, companyId, { ...companyChanges, declareAttributes: changes.declareAttributes })
    ctx.store.companies.attach(company.id, contact.id, ctx.clock.now())
  }
  return ctx.store.contacts.findById(contact.id) ?? contact
}
