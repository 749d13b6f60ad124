import type { DomainContext } from '../domain/context.js'
import { viewConversations } from '../domain/conversation-view.js'
import { presentContactV2 } from '../presenters/v2/contact.js'
import { presentConversationV2, type ConversationV2 } from '../presenters/v2/conversation.js'
import { parseApiVersion, type ApiVersion } from '../versions.js'
import { UI_API_VERSION } from './actions.js'

/**
 * What the UI reads, rendered by the API's own 2.x presenters (so that whatever the API shows of a
 * conversation or a person, tags and attachments included, the UI shows too), but read straight from
 * the workspace: reads stay out of the journal and past fault rules and rate limits.
 */
const version = parseApiVersion(UI_API_VERSION) as ApiVersion

export interface InboxItem {
  conversation: ConversationV2
  /** The newest part with a body (or the opening message): what the inbox shows as its excerpt. */
  last: { part_type: string, body: string, author_type: string, author_name: string | null, created_at: number }
}

export function inboxItems (ctx: DomainContext): InboxItem[] {
  const records = ctx.store.conversations.everyConversation()
  return viewConversations(ctx, records, true).map(conversation => {
    const wire = presentConversationV2(conversation, 'html', version)
    const parts = wire.conversation_parts?.conversation_parts ?? []
    delete wire.conversation_parts
    const last = [...parts].reverse().find(p => p.body !== null && p.body !== '')
    const author = last?.author ?? wire.source.author
    return {
      conversation: wire,
      last: {
        part_type: last?.part_type ?? 'source',
        body: last?.body ?? wire.source.body,
        author_type: author.type,
        author_name: author.name ?? null,
        created_at: last?.created_at ?? wire.created_at
      }
    }
  })
}

export function conversationThread (ctx: DomainContext, id: string): ConversationV2 | null {
  const record = ctx.store.conversations.findById(id)
  if (record === null) return null
  const [conversation] = viewConversations(ctx, [record], true)
  return conversation === undefined ? null : presentConversationV2(conversation, 'html', version)
}

/** Every person, deleted ones marked, as 2.x contacts. */
export function people (ctx: DomainContext): unknown[] {
  return ctx.store.contacts.everyContact().map(({ contact, deletedAt }) => ({
    ...presentContactV2(contact, ctx.workspace.app.idCode, version),
    deleted_at: deletedAt
  }))
}
