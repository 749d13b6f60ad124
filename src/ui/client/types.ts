/** The shapes the UI reads: the UI endpoints' own, and the 2.x wire shapes it renders (only the fields it uses). */

export interface WorkspaceListing {
  key: string
  token_hint: string
  created_at: number
  contacts: number
  conversations: number
  journal_entries: number
}

export interface Admin { id: string, name: string, email: string }
export interface Team { id: string, name: string, admin_ids: string[] }

export interface Overview {
  workspace: WorkspaceListing
  app: { id_code: string, name: string }
  admins: Admin[]
  teams: Team[]
  clock: { now: number, mode: string }
  api_version: string
}

export interface Author { type: string, id: string, name?: string | null, email?: string | null }

export interface Attachment { type?: string, name?: string, url?: string, content_type?: string, filesize?: number }

export interface Part {
  id: string
  part_type: string
  body: string | null
  created_at: number
  author: Author
  assigned_to: { type: string, id: string } | null
  attachments?: Attachment[]
  redacted?: boolean
  [field: string]: unknown
}

export interface Conversation {
  id: string
  title: string | null
  created_at: number
  updated_at: number
  waiting_since: number | null
  snoozed_until: number | null
  open: boolean
  state: 'open' | 'closed' | 'snoozed'
  read: boolean
  admin_assignee_id: number | string | null
  team_assignee_id: number | string | null
  tags?: { tags?: Array<{ id: string, name: string }> }
  source: { id: string, subject: string, body: string, author: Author, attachments?: Attachment[], redacted?: boolean, delivered_as?: string }
  contacts: { contacts: Array<{ id: string, external_id?: string | null }> }
  conversation_parts?: { conversation_parts: Part[], total_count: number }
  [field: string]: unknown
}

export interface InboxItem {
  conversation: Conversation
  last: { part_type: string, body: string, author_type: string, author_name: string | null, created_at: number }
}

export interface Person {
  id: string
  role: string
  email: string | null
  name: string | null
  external_id: string | null
  created_at: number
  deleted_at: number | null
  custom_attributes?: Record<string, unknown>
  [field: string]: unknown
}

/** A journal entry as the control plane answers it (`GET /__mock/requests`). */
export type { JournalEntry } from '../../control/journal/entry.js'

/** One view of a workspace: an element, and how to bring it up to date when the workspace changes. */
export interface View {
  element: HTMLElement
  refresh: () => Promise<void>
}

/** What every view of a workspace knows of it. */
export interface WorkspaceContext {
  key: string
  overview: () => Overview
  navigate: (hash: string) => void
  /** Shows an error (or a success) in the page's status line, read out by screen readers. */
  notify: (message: string, kind?: 'error' | 'ok') => void
}
