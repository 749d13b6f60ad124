import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { ContactInput } from '../domain/contacts.js'
import {
  archiveContact, blockContact, createContact, findContactByExternalId, listContacts, mergeContacts, retrieveContact, setContactArchived, updateContact
} from '../domain/contacts.js'
import { searchContacts } from '../domain/search.js'
import { since, v2Only } from '../http/api-version.js'
import {
  presentArchivedContactV2, presentBlockedContactV2, presentContactListV2, presentContactV2, presentDeletedContactV2
} from '../presenters/v2/contact.js'
import { IdParams } from '../schemas/common.js'
import { ContactBody, ExternalIdParams, ListContactsQuery, MergeContactsBody } from '../schemas/people.js'

/** 2.x contacts (intercom-api.md §3.3); in 1.x `/contacts` is leads (routes/leads.ts). */
export const contactRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post('/contacts', { schema: { body: ContactBody }, constraints: v2Only }, async (request) => {
    return presentContactV2(createContact(request.ctx, contactInput(request.body)), request.ctx.workspace.app.idCode, request.apiVersion)
  })

  app.get('/contacts', { schema: { querystring: ListContactsQuery }, constraints: v2Only }, async (request) => {
    const page = listContacts(request.ctx, { perPage: request.query.per_page, startingAfter: request.query.starting_after, page: request.query.page })
    return presentContactListV2(page, request.ctx.workspace.app.idCode, request.apiVersion)
  })

  app.post('/contacts/search', { constraints: v2Only }, async (request) => {
    return presentContactListV2(searchContacts(request.ctx, request.body), request.ctx.workspace.app.idCode, request.apiVersion)
  })

  app.post('/contacts/merge', { schema: { body: MergeContactsBody }, constraints: v2Only }, async (request) => {
    const user = mergeContacts(request.ctx, { from: request.body.from, into: request.body.into })
    return presentContactV2(user, request.ctx.workspace.app.idCode, request.apiVersion)
  })

  app.get('/contacts/find_by_external_id/:external_id', { schema: { params: ExternalIdParams }, constraints: v2Only, config: since('2.14') }, async (request) => {
    return presentContactV2(findContactByExternalId(request.ctx, request.params.external_id), request.ctx.workspace.app.idCode, request.apiVersion)
  })

  app.get('/contacts/:id', { schema: { params: IdParams }, constraints: v2Only }, async (request) => {
    return presentContactV2(retrieveContact(request.ctx, request.params.id), request.ctx.workspace.app.idCode, request.apiVersion)
  })

  app.put('/contacts/:id', { schema: { params: IdParams, body: ContactBody }, constraints: v2Only }, async (request) => {
    const contact = updateContact(request.ctx, request.params.id, contactInput(request.body))
    return presentContactV2(contact, request.ctx.workspace.app.idCode, request.apiVersion)
  })

  app.delete('/contacts/:id', { schema: { params: IdParams }, constraints: v2Only }, async (request) => {
    return presentDeletedContactV2(archiveContact(request.ctx, request.params.id), request.apiVersion)
  })

  app.post('/contacts/:id/archive', { schema: { params: IdParams }, constraints: v2Only }, async (request) => {
    return presentArchivedContactV2(setContactArchived(request.ctx, request.params.id, true))
  })

  app.post('/contacts/:id/unarchive', { schema: { params: IdParams }, constraints: v2Only }, async (request) => {
    return presentArchivedContactV2(setContactArchived(request.ctx, request.params.id, false))
  })

  app.post('/contacts/:id/block', { schema: { params: IdParams }, constraints: v2Only, config: since('2.13') }, async (request) => {
    return presentBlockedContactV2(blockContact(request.ctx, request.params.id))
  })
}

function contactInput (body: ContactBody): ContactInput {
  return {
    role: body.role,
    externalId: body.external_id ?? undefined,
    email: body.email,
    phone: body.phone,
    name: body.name,
    avatarUrl: body.avatar,
    signedUpAt: body.signed_up_at,
    lastRequestAt: body.last_seen_at,
    unsubscribedFromEmails: body.unsubscribed_from_emails ?? undefined,
    ownerId: body.owner_id === undefined ? undefined : body.owner_id === null ? null : String(body.owner_id),
    customAttributes: body.custom_attributes ?? undefined
  }
}
