import type { Note, Page } from '../../domain/types.js'
import { renderBody } from '../body.js'
import type { ApiVersion } from '../../versions.js'
import { presentAdminOwnerV2, presentAdminV2, type AdminOwnerV2, type AdminV2 } from './admin.js'
import { presentCursorPagesV2, type CursorPagesV2 } from './pages.js'
import { is211 } from './version-2-11.js'

/** A 2.x `note`, its author as the examples show it (the admin's name, email and away mode). */
export interface NoteV2 {
  type: 'note'
  id: string
  created_at: number
  contact: { type: 'contact', id: string }
  author: AdminOwnerV2 | AdminV2 | null
  body: string
}

/** `note_list`. */
export interface NoteListV2 {
  type: 'list'
  data: NoteV2[]
  total_count: number
  pages: CursorPagesV2
}

/** 2.11's `admin` requires every field of a whole admin, so 2.11 gets that; the others the examples' shape. */
export function presentNoteV2 (note: Note, version: ApiVersion): NoteV2 {
  return {
    type: 'note',
    id: note.id,
    created_at: note.createdAt,
    contact: { type: 'contact', id: note.contactId },
    author: note.author === null ? null : is211(version) ? presentAdminV2(note.author, version) : presentAdminOwnerV2(note.author),
    body: renderBody({ text: note.body, format: 'html' }, 'html')
  }
}

export function presentNoteListV2 (page: Page<Note>, version: ApiVersion): NoteListV2 {
  return { type: 'list', data: page.items.map(note => presentNoteV2(note, version)), total_count: page.totalCount, pages: presentCursorPagesV2(page) }
}
