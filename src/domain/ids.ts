import { randomUUID } from 'node:crypto'
import type { Clock } from './clock.js'

/**
 * Intercom's id formats: 24-hex object ids for contacts, numeric strings for admins, messages,
 * conversations and parts. Numeric ids count up per workspace from a base of their own kind, so an
 * id of one kind never finds an object of another (a message id sent to `GET /conversations/{id}`
 * is a 404, as on Intercom) and two workspaces started alike get the same ids.
 */
export type NumericIdKind = 'message' | 'conversation' | 'part' | 'contact' | 'ticket' | 'ticket_attribute'

export const numericIdBases: Record<NumericIdKind, number> = {
  message: 2000, // the first message is "2001", as in Intercom's own examples
  conversation: 1_000_000_000,
  part: 3_000_000_000,
  contact: 0, // not rendered: the counter inside a contact's object id
  ticket: 0, // a ticket's `ticket_id`, the number teammates see: 1, 2, …
  ticket_attribute: 0
}

/** Hands out the next value of a per-workspace counter; backed by the store, inside the write transaction. */
export type NextInSequence = (kind: NumericIdKind, base: number) => number

export interface Ids {
  messageId: () => string
  conversationId: () => string
  partId: () => string
  ticketNumber: () => string
  ticketAttributeId: () => string
  /** A 24-hex object id: creation time, workspace, counter (the layout of a MongoDB ObjectId). */
  contactId: () => string
  /** The UUID Intercom assigns as `user_id` of every new lead and visitor. */
  uuid: () => string
}

export function createIds (workspaceId: number, clock: Clock, next: NextInSequence): Ids {
  const numeric = (kind: NumericIdKind) => () => String(next(kind, numericIdBases[kind]))
  return {
    messageId: numeric('message'),
    conversationId: numeric('conversation'),
    partId: numeric('part'),
    ticketNumber: numeric('ticket'),
    ticketAttributeId: numeric('ticket_attribute'),
    contactId: () => {
      const counter = next('contact', numericIdBases.contact)
      return hex(clock.now(), 8) + hex(workspaceId, 6) + hex(counter, 10)
    },
    uuid: () => randomUUID()
  }
}

/**
 * A request id as Intercom's OpenAPI declares it (`request_id`, `format: uuid`, in every 2.x
 * description); Intercom also sent UUIDs in the 1.x era (intercom-api.md §0.4).
 */
export function newRequestId (): string {
  return randomUUID()
}

function hex (value: number, width: number): string {
  const digits = value.toString(16)
  return digits.length >= width ? digits.slice(-width) : digits.padStart(width, '0')
}
