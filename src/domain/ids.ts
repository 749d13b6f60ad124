import { createHash, randomUUID } from 'node:crypto'
import type { Clock } from './clock.js'

/**
 * Intercom's id formats: 24-hex object ids for contacts, numeric strings for admins, messages,
 * conversations and parts. Numeric ids count up per workspace from a base of their own kind, so an
 * id of one kind never finds an object of another (a message id sent to `GET /conversations/{id}`
 * is a 404, as on Intercom) and two workspaces started alike get the same ids.
 */
export type NumericIdKind = 'message' | 'conversation' | 'part' | 'contact' | 'uuid' | 'tag' | 'note' | 'event' | 'data_attribute' | 'company' | 'ticket' | 'ticket_attribute'

export const numericIdBases: Record<NumericIdKind, number> = {
  message: 2000, // the first message is "2001", as in Intercom's own examples
  conversation: 1_000_000_000,
  part: 3_000_000_000,
  contact: 0, // not rendered: the counter inside a contact's object id
  uuid: 0, // not rendered: the counter an anonymous UUID is derived from
  tag: 7_000_000, // Intercom's tag ids are 7-digit numbers ("7522907")
  note: 17_000_000,
  event: 0, // not rendered as a number: the counter inside an event's object id
  data_attribute: 0, // small integers, as in Intercom's examples (37, 44)
  company: 0, // not rendered: the counter inside a company's object id
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
  /** A 24-hex object id: creation time, the workspace's seed, counter (the layout of a MongoDB ObjectId). */
  contactId: () => string
  /** The UUID Intercom assigns as `user_id` of every new lead and visitor. */
  uuid: () => string
  tagId: () => string
  noteId: () => string
  dataAttributeId: () => number
  /** 24-hex object ids of the workspace's own sequence: creation time, then counter. */
  /** `at`: the creation time its leading digits hold (now by default). */
  companyId: (at?: number) => string
  eventId: () => string
}

/** The seed of a workspace whose fixtures name none. */
export const DEFAULT_SEED = 'intercom-mock'

/**
 * Every id is a function of the workspace's seed and a per-workspace counter, never of the workspace's
 * internal number or of chance: the same requests to two fresh workspaces make the same ids.
 */
export function createIds (seed: string, clock: Clock, next: NextInSequence): Ids {
  const numeric = (kind: NumericIdKind) => () => String(next(kind, numericIdBases[kind]))
  const seedPart = seededHex(seed, 'contact', 0).slice(0, 6)
  return {
    messageId: numeric('message'),
    conversationId: numeric('conversation'),
    partId: numeric('part'),
    contactId: () => hex(clock.now(), 8) + seedPart + hex(next('contact', numericIdBases.contact), 10),
    uuid: () => seededUuid(seed, 'uuid', next('uuid', numericIdBases.uuid)),
    tagId: numeric('tag'),
    noteId: numeric('note'),
    dataAttributeId: () => next('data_attribute', numericIdBases.data_attribute),
    companyId: (at = clock.now()) => hex(at, 8) + hex(next('company', numericIdBases.company), 16),
    eventId: () => hex(clock.now(), 8) + hex(next('event', numericIdBases.event), 16),
    ticketNumber: numeric('ticket'),
    ticketAttributeId: numeric('ticket_attribute')
  }
}

/**
 * A request id as Intercom's OpenAPI declares it (`request_id`, `format: uuid`, in every 2.x
 * description); Intercom also sent UUIDs in the 1.x era (intercom-api.md §0.4). Requests that reach
 * no workspace get a random one; a workspace's get `seededUuidSource(seed, 'request')(n)`.
 */
export function newRequestId (): string {
  return randomUUID()
}

/** A version-4-shaped UUID that is a pure function of (seed, kind, n). */
export function seededUuid (seed: string, kind: string, n: number): string {
  const h = seededHex(seed, kind, n)
  const variant = ((parseInt(h.charAt(16), 16) & 0x3) | 0x8).toString(16)
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`
}

/**
 * `seededUuid` for ids handed out on every request: one hash of (seed, kind) up front, then for each n
 * four 32-bit lanes of the murmur3 finaliser over the key and n (about 40 times cheaper than a hash
 * per id). The first lane is a bijection of n, so ids never repeat below 2^32.
 */
export function seededUuidSource (seed: string, kind: string): (n: number) => string {
  const key = createHash('sha256').update(`${seed}\u0000${kind}`).digest()
  const words = [0, 4, 8, 12].map(offset => key.readUInt32LE(offset))
  return (n) => {
    const h = words.map((word, lane) => (fmix32((word ^ Math.imul(n, 0x9e3779b1 + 2 * lane)) >>> 0) >>> 0).toString(16).padStart(8, '0')).join('')
    const variant = ((parseInt(h.charAt(16), 16) & 0x3) | 0x8).toString(16)
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`
  }
}

function fmix32 (h: number): number {
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  return h ^ (h >>> 16)
}

function seededHex (seed: string, kind: string, n: number): string {
  return createHash('sha256').update(`${seed}\u0000${kind}\u0000${n}`).digest('hex')
}

/** An app's client secret when the fixtures declare none: stable per token, 32 hex digits like Intercom's. */
export function clientSecretFor (token: string): string {
  return createHash('sha256').update(`client_secret:${token}`).digest('hex').slice(0, 32)
}

function hex (value: number, width: number): string {
  const digits = value.toString(16)
  return digits.length >= width ? digits.slice(-width) : digits.padStart(width, '0')
}

/**
 * A repeatable stream of numbers in [0, 1) for `seed` (mulberry32 over the seed's SHA-256): what
 * the mock draws a fault rule's `probability` from, so the same rules in the same workspace fire on
 * the same requests in every run.
 */
export function seededRandom (seed: string): () => number {
  let state = createHash('sha256').update(seed).digest().readUInt32LE(0)
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
