import type { DomainContext } from '../../domain/context.js'
import { retrieveCompany } from '../../domain/companies.js'
import { viewConversation } from '../../domain/conversation-view.js'
import { IntercomError } from '../../domain/errors.js'
import { presentCompany } from '../../presenters/company.js'
import { presentTagV1 } from '../../presenters/v1/tag.js'
import { presentTagV2 } from '../../presenters/v2/tag.js'
import { userIdOf } from '../../domain/people.js'
import { presenterFor } from '../../presenters/index.js'
import { presentDeletedContactV2 } from '../../presenters/v2/contact.js'
import { isAtLeast, type ApiVersion } from '../../versions.js'
import type { ItemSubject } from './event-topics.js'

export interface ItemOptions {
  /** Person timestamps as ISO-8601 strings, as Intercom's webhook items show them (§4 item 6). */
  isoPersonTimes: boolean
}

/**
 * `data.item` of a notification, rendered by the API's own presenters in `version`: a conversation
 * carrying only the part(s) the action created, a person, a deleted person's identifying fields.
 * Null when the subject no longer exists.
 */
export function renderItem (ctx: DomainContext, subject: ItemSubject, version: ApiVersion, options: ItemOptions): object | null {
  const present = presenterFor(version)
  switch (subject.kind) {
    case 'ping':
      return { type: 'ping', message: subject.message }
    case 'conversation': {
      const record = ctx.store.conversations.findById(subject.conversationId)
      if (record === null) return null
      const view = viewConversation(ctx, record)
      const parts = (view.parts ?? []).filter(part => subject.partIds.includes(part.id))
      // 2.15+ webhook bodies are plain text (OAS-2.16 conversation_part.body).
      return present.conversation({ ...view, parts }, isAtLeast(version, 2, 15) ? 'plaintext' : 'html')
    }
    case 'contact': {
      const item: Record<string, unknown> = { ...present.person(subject.contact, ctx.workspace.app.idCode) }
      if (subject.mergedFromId !== undefined) item.merged_from = { type: 'contact', id: subject.mergedFromId }
      return options.isoPersonTimes ? withIsoTimes(item) : item
    }
    case 'contact_tag': {
      const person: Record<string, unknown> = { ...present.person(subject.contact, ctx.workspace.app.idCode) }
      const rendered = options.isoPersonTimes ? withIsoTimes(person) : person
      // 1.x: a user's is a `user_tag` naming its `user`; a lead's (and every 2.x one) a `contact_tag`.
      if (version.major === 1 && subject.contact.role === 'user') return { type: 'user_tag', created_at: subject.at, tag: presentTagV1(subject.tag), user: rendered }
      return { type: 'contact_tag', created_at: subject.at, tag: version.major === 1 ? presentTagV1(subject.tag) : presentTagV2(subject.tag), contact: rendered }
    }
    case 'deleted_conversation':
      // As `DELETE /conversations/{id}` answers it: the conversation is gone.
      return { id: subject.conversationId, object: 'conversation', deleted: true }
    case 'admin':
      return present.admin(subject.admin)
    case 'company': {
      try {
        return presentCompany(retrieveCompany(ctx, subject.companyId), ctx.workspace.app.idCode)
      } catch (error) {
        if (error instanceof IntercomError) return null
        throw error
      }
    }
    case 'deleted_contact': {
      const c = subject.contact
      if (version.major === 2) return presentDeletedContactV2(c, version)
      return { type: ({ user: 'user', lead: 'contact', visitor: 'visitor' } as const)[c.role], id: c.id, user_id: userIdOf(c), email: c.email }
    }
  }
}

function withIsoTimes (item: Record<string, unknown>): Record<string, unknown> {
  for (const [key, value] of Object.entries(item)) {
    if (key.endsWith('_at') && typeof value === 'number') item[key] = new Date(value * 1000).toISOString()
  }
  return item
}
