import type { Note, Page } from '../../domain/types.js'
import { renderBody } from '../body.js'
import { presentAdminOwnerV1, type AdminOwnerV1 } from './admin.js'
import { presentPagesV1, type PageLink, type PagesV1 } from './pages.js'

/** A 1.x note: its author admin and the user (or lead) it is about. */
export interface NoteV1 {
  type: 'note'
  id: string
  created_at: number
  body: string
  author: AdminOwnerV1 | null
  user: { type: 'user', id: string }
}

export interface NoteListV1 {
  type: 'note.list'
  notes: NoteV1[]
  total_count: number
  pages: PagesV1
}

export function presentNoteV1 (note: Note): NoteV1 {
  return {
    type: 'note',
    id: note.id,
    created_at: note.createdAt,
    body: renderBody({ text: note.body, format: 'html' }, 'html'),
    author: note.author === null ? null : presentAdminOwnerV1(note.author),
    user: { type: 'user', id: note.contactId }
  }
}

export function presentNoteListV1 (page: Page<Note>, link: PageLink): NoteListV1 {
  return { type: 'note.list', notes: page.items.map(presentNoteV1), total_count: page.totalCount, pages: presentPagesV1(page, link) }
}
