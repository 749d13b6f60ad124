import type { NoteRecord } from '../store/index.js'
import type { DomainContext } from './context.js'
import { errors } from './errors.js'
import { requireBody } from './message-input.js'
import { numberedPage, pageWindow, type PageLimits, type PageRequest } from './pagination.js'
import { findContact, type Identifier } from './people.js'
import { findAdmin } from './references.js'
import type { Note, Page } from './types.js'

/** "per_page: 50", as the 2.x list example pages; 1.x the same. */
const NOTE_PAGE_LIMITS: PageLimits = { defaultPerPage: 50, maxPerPage: 60 }
const NOTED_ROLES = ['user', 'lead'] as const

/**
 * `POST /contacts/{id}/notes` (2.x), `POST /notes` (1.x): an admin's note on a user or lead. Without
 * `admin_id` the note is the token owner's. The body is the admin's HTML (a paragraph when it has none).
 */
export function createNote (ctx: DomainContext, contact: Identifier, input: { body?: string | undefined, adminId?: string | undefined }): Note {
  const body = requireBody(input.body)
  return ctx.store.transaction(() => {
    const noted = findContact(ctx, contact, NOTED_ROLES)
    const admin = findAdmin(ctx, input.adminId ?? ctx.workspace.ownerAdminId ?? undefined, 'admin_id')
    // All checks are above this line; below it, only writes.
    const record: NoteRecord = { id: ctx.ids.noteId(), contactId: noted.id, adminId: admin.id, body, createdAt: ctx.clock.now() }
    ctx.store.notes.insert(record)
    return toNote(ctx, record)
  })
}

/** `GET /notes/{id}`: an unknown id is 404 `Resource Not Found`. */
export function retrieveNote (ctx: DomainContext, id: string): Note {
  const record = ctx.store.notes.findById(id)
  if (record === null) throw errors.notFound('Resource')
  return toNote(ctx, record)
}

/** `GET /contacts/{id}/notes` (2.x), `GET /notes?user_id=|email=|id=` (1.x): newest first. */
export function listNotes (ctx: DomainContext, contact: Identifier, request: PageRequest): Page<Note> {
  const noted = findContact(ctx, contact, NOTED_ROLES)
  const window = pageWindow(request, NOTE_PAGE_LIMITS)
  const records = ctx.store.notes.pageOfContact(noted.id, window.perPage, window.offset)
  return numberedPage(records.map(record => toNote(ctx, record)), window, ctx.store.notes.countOfContact(noted.id))
}

function toNote (ctx: DomainContext, record: NoteRecord): Note {
  return {
    id: record.id,
    contactId: record.contactId,
    author: record.adminId === null ? null : ctx.store.admins.findById(record.adminId),
    body: record.body,
    createdAt: record.createdAt
  }
}
