import type { Static } from '@sinclair/typebox'
import type { CompanyChanges } from '../domain/companies.js'
import type { ContactChanges } from '../domain/contact-changes.js'
import type { PartyInput } from '../domain/message-input.js'
import type { ContactIdentifiers } from '../domain/people.js'
import type { BodyDisplay } from '../presenters/index.js'
import type { CompanyBody } from '../schemas/companies.js'
import type { CreateOrUpdatePersonBody } from '../schemas/people.js'

/** Wire (snake_case) inputs shared by several routes, translated to the domain's. */

export function bodyDisplay (displayAs: string | undefined): BodyDisplay {
  return displayAs === 'plaintext' ? 'plaintext' : 'html'
}

export function contactIdentifiers (wire: { id?: string | undefined, user_id?: string | undefined, email?: string | undefined }): ContactIdentifiers {
  return { id: wire.id, userId: wire.user_id, email: wire.email }
}

export function partyInput (wire: { type: string, id?: string | undefined, user_id?: string | undefined, email?: string | undefined }): PartyInput {
  return { type: wire.type, ...contactIdentifiers(wire) }
}

export function personChanges (body: CreateOrUpdatePersonBody): ContactChanges {
  return {
    externalId: body.user_id,
    email: body.email,
    phone: body.phone,
    name: body.name,
    avatarUrl: body.avatar === undefined ? undefined : body.avatar?.image_url ?? null,
    unsubscribedFromEmails: body.unsubscribed_from_emails,
    customAttributes: body.custom_attributes,
    signedUpAt: body.signed_up_at ?? body.remote_created_at,
    lastRequestAt: body.last_request_at,
    updateLastRequestAt: body.update_last_request_at,
    newSession: body.new_session,
    declareAttributes: true,
    companies: body.companies?.map(company => ({ ...companyChanges(company), companyId: company.company_id ?? '', remove: company.remove }))
  }
}

export function companyChanges (wire: Omit<Static<typeof CompanyBody>, 'company_id'>): CompanyChanges {
  return {
    name: wire.name,
    plan: wire.plan,
    size: wire.size,
    website: wire.website,
    industry: wire.industry,
    monthlySpend: wire.monthly_spend,
    customAttributes: wire.custom_attributes,
    remoteCreatedAt: wire.remote_created_at,
    lastRequestAt: wire.last_request_at
  }
}
