import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { createNote, listNotes, retrieveNote } from '../domain/notes.js'
import { singleIdentifier } from '../domain/people.js'
import { v1Only, v2Only } from '../http/api-version.js'
import { pageLinks } from '../http/links.js'
import { presentNoteListV1, presentNoteV1 } from '../presenters/v1/note.js'
import { presentNoteListV2, presentNoteV2 } from '../presenters/v2/note.js'
import { IdParams } from '../schemas/common.js'
import { ContactNoteBody, ListNotesQuery, NoteBody } from '../schemas/notes.js'
import { contactIdentifiers } from './inputs.js'

/** Notes on contacts: 2.x under `/contacts/{id}/notes`, 1.x under `/notes`; `GET /notes/{id}` in both. */
export const noteRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post('/contacts/:id/notes', { schema: { params: IdParams, body: ContactNoteBody }, constraints: v2Only }, async (request) => {
    const note = createNote(request.ctx, { by: 'id', value: request.params.id }, { body: request.body.body, adminId: request.body.admin_id })
    return presentNoteV2(note, request.apiVersion)
  })

  app.get('/contacts/:id/notes', { schema: { params: IdParams, querystring: ListNotesQuery }, constraints: v2Only }, async (request) => {
    const { query } = request
    const page = listNotes(request.ctx, { by: 'id', value: request.params.id }, { page: query.page, perPage: query.per_page, startingAfter: query.starting_after })
    return presentNoteListV2(page, request.apiVersion)
  })

  app.post('/notes', { schema: { body: NoteBody }, constraints: v1Only }, async (request) => {
    const { body } = request
    const note = createNote(request.ctx, singleIdentifier(contactIdentifiers(body.user ?? {}), 'user'), { body: body.body, adminId: body.admin_id })
    return presentNoteV1(note)
  })

  app.get('/notes', { schema: { querystring: ListNotesQuery }, constraints: v1Only }, async (request) => {
    const { query } = request
    const contact = singleIdentifier({ ...contactIdentifiers(query), id: query.id ?? query.intercom_user_id }, 'user')
    return presentNoteListV1(listNotes(request.ctx, contact, { page: query.page, perPage: query.per_page }), pageLinks(request))
  })

  app.get('/notes/:id', { schema: { params: IdParams } }, async (request) => {
    return request.present.note(retrieveNote(request.ctx, request.params.id))
  })
}
