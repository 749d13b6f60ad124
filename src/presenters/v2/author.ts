import type { Author, ContactRef } from '../../domain/types.js'

/**
 * The author of a conversation's source or of a part (`conversation_part_author`). A contact is a
 * `user` or a `lead` (a visitor who wrote has become a lead, as in 1.x conversations).
 *
 * `email` is declared `format: email` and not nullable (2.16 makes it nullable on the source author
 * only), so an author without one (a lead who never gave it) has no `email` key rather than null or
 * "". 2.11 alone requires it: see KNOWN_DEVIATIONS.
 */
export interface AuthorV2 {
  type: 'user' | 'lead' | 'admin' | 'bot'
  id: string
  name: string | null
  email?: string
}

/** `contact_reference`: how conversations list their contacts. */
export interface ContactReferenceV2 {
  type: 'contact'
  id: string
  external_id: string | null
}

/**
 * Intercom's bot writes as "Operator" from operator@intercom.io (the 2.16 example of a bot part; other
 * examples use operator+<app id>@intercom.io, which a conversation alone cannot name).
 */
const BOT = { name: 'Operator', email: 'operator@intercom.io' } as const

export function presentAuthorV2 (author: Author): AuthorV2 {
  if (author.kind === 'contact') {
    const { contact } = author
    return withEmail({ type: contact.role === 'user' ? 'user' : 'lead', id: contact.id, name: contact.name }, contact.email)
  }
  if (author.kind === 'admin') return withEmail({ type: 'admin', id: author.admin.id, name: author.admin.name }, author.admin.email)
  return { type: 'bot', id: author.id, name: BOT.name, email: BOT.email }
}

export function presentContactReferenceV2 (contact: ContactRef): ContactReferenceV2 {
  return { type: 'contact', id: contact.id, external_id: contact.externalId }
}

function withEmail (author: AuthorV2, email: string | null): AuthorV2 {
  // An admin the directory no longer knows has email ''; a contact without one has null.
  if (email !== null && email !== '') author.email = email
  return author
}
