import type { Static } from '@sinclair/typebox'
import type { FastifyRequest } from 'fastify'
import type { CompanyChanges } from '../domain/companies.js'
import type { ContactChanges } from '../domain/contact-changes.js'
import type { ReplyInput } from '../domain/replies.js'
import type { ReplyBody } from '../schemas/conversations.js'
import type { PartyInput } from '../domain/message-input.js'
import type { ContactIdentifiers } from '../domain/people.js'
import type { BodyDisplay } from '../presenters/index.js'
import type { CompanyBody } from '../schemas/companies.js'
import type { CreateOrUpdatePersonBody } from '../schemas/people.js'

/** Wire (snake_case) inputs shared by several routes, translated to the domain's. */

/** The body limit of requests that may carry `attachment_files` (base64 grows files by a third). */
export const ATTACHMENT_BODY_LIMIT = 16 * 1024 * 1024

/** The origin the client reached the mock at: where the URLs of stored files point. */
export function requestOrigin (request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`
}

/** A reply's body as the domain takes it; `created_at` is 2.x only. */
export function replyInput (request: FastifyRequest, body: ReplyBody): ReplyInput {
  return {
    type: body.type,
    messageType: body.message_type,
    body: body.body,
    intercomUserId: body.intercom_user_id,
    userId: body.user_id,
    email: body.email,
    adminId: body.admin_id,
    assigneeId: body.assignee_id,
    snoozedUntil: body.snoozed_until,
    attachmentUrls: body.attachment_urls,
    attachmentFiles: body.attachment_files?.map(file => ({ name: file.name, contentType: file.content_type, data: file.data })),
    origin: requestOrigin(request),
    createdAt: request.apiVersion.major === 2 ? body.created_at : undefined
  }
}

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
