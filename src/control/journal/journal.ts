import { errors } from '../../domain/errors.js'
import type { JournalEntry, RecordedRequest } from './entry.js'
import { compileFilter, type JournalFilter } from './filter.js'
import { renderEntry } from './render.js'
import { Ring } from './ring.js'

interface Stored {
  request: RecordedRequest
  requestTruncated: boolean
  /** Characters of body it holds, counted against the journal's budget. */
  bodySize: number
  /** Out of every ring (overwritten, cleared, dropped). */
  gone: boolean
}

/**
 * The body text the whole journal keeps, across every workspace's ring: past it, the bodies of the
 * oldest entries are dropped (the entries stay, their bodies null and `body_truncated`). A ring of
 * 1,000 entries per workspace alone let a test run with many workspaces, or large pages, hold
 * hundreds of MiB of old answers.
 */
export const JOURNAL_BODY_BUDGET = 32 * 1024 * 1024

/**
 * Every request the mock answered, newest first: a ring of `capacity` entries per workspace and one
 * server-wide (for requests that reached no workspace). Bounded whatever the traffic: a ring never
 * grows, bodies are capped when recorded and their total by JOURNAL_BODY_BUDGET, and a dropped
 * workspace's ring goes with it.
 */
export class Journal {
  private readonly rings = new Map<number, Ring<Stored>>()
  private readonly serverWide: Ring<Stored>
  /** Entries holding bodies, oldest first (from `oldest` on), for the budget. */
  private withBodies: Stored[] = []
  private oldest = 0
  /** Entries still holding bodies, and the characters of them. */
  private holding = 0
  private bodyChars = 0

  constructor (readonly capacity: number, private readonly bodyBudget = JOURNAL_BODY_BUDGET) {
    this.serverWide = new Ring(capacity)
  }

  /** `workspaceId` null: the server-wide journal. */
  record (workspaceId: number | null, request: RecordedRequest, requestTruncated: boolean): void {
    if (this.capacity === 0) return
    const stored: Stored = { request, requestTruncated, bodySize: (request.responseBody?.length ?? 0) + (request.requestLength ?? 0), gone: false }
    const overwritten = this.ringOf(workspaceId, true)?.push(stored)
    if (overwritten !== undefined) this.forget(overwritten)
    if (stored.bodySize === 0) return
    this.withBodies.push(stored)
    this.bodyChars += stored.bodySize
    this.holding += 1
    while (this.bodyChars > this.bodyBudget && this.oldest < this.withBodies.length) this.dropBodies(this.withBodies[this.oldest++] as Stored)
    // Entries that left their ring, or lost their bodies, wait here until the list is compacted.
    if (this.oldest > 1024 || this.withBodies.length - this.oldest > 2 * this.holding + 1024) {
      this.withBodies = this.withBodies.slice(this.oldest).filter(s => s.bodySize > 0)
      this.oldest = 0
    }
  }

  list (workspaceId: number | null, filter: JournalFilter = {}): JournalEntry[] {
    return this.select(workspaceId, filter).map(s => renderEntry(s.request, s.requestTruncated))
  }

  /** The body characters the journal holds now (what JOURNAL_BODY_BUDGET bounds). */
  get bodyCharacters (): number {
    return this.bodyChars
  }

  count (workspaceId: number | null, filter: JournalFilter = {}): number {
    return this.select(workspaceId, filter).length
  }

  clear (workspaceId: number | null): void {
    const ring = this.ringOf(workspaceId, false)
    if (ring === undefined) return
    for (const stored of ring.newestFirst()) this.forget(stored)
    ring.clear()
  }

  size (workspaceId: number): number {
    return this.rings.get(workspaceId)?.length ?? 0
  }

  /** Forgets a dropped workspace's entries. */
  drop (workspaceId: number): void {
    this.clear(workspaceId)
    this.rings.delete(workspaceId)
  }

  dropAll (): void {
    for (const id of [...this.rings.keys()]) this.drop(id)
    this.clear(null)
  }

  /** `stored` left its ring: its bodies are no longer anyone's. */
  private forget (stored: Stored): void {
    if (stored.gone) return
    stored.gone = true
    this.dropBodies(stored)
  }

  private dropBodies (stored: Stored): void {
    if (stored.bodySize === 0) return
    this.bodyChars -= stored.bodySize
    this.holding -= 1
    stored.bodySize = 0
    // In place: the journal alone holds a recorded request (listing renders copies), and once rings are
    // full every request drops the bodies of the entry it pushes out, so a copy cost each one an allocation.
    const { request } = stored
    request.requestBody = null
    request.responseBody = null
    request.bodiesDropped = true
  }

  private select (workspaceId: number | null, filter: JournalFilter): Stored[] {
    const { matches, sinceId, limit } = compileFilter(filter)
    const selected: Stored[] = []
    let reachedSince = sinceId === null
    for (const stored of this.ringOf(workspaceId, false)?.newestFirst() ?? []) {
      if (stored.request.id === sinceId) {
        reachedSince = true
        break
      }
      if (selected.length < limit && matches(stored.request)) selected.push(stored)
    }
    if (!reachedSince) throw errors.parameterInvalid(`since names no request in this journal: ${sinceId ?? ''} (never recorded, cleared, or older than the last ${this.capacity})`, 'since')
    return selected
  }

  private ringOf (workspaceId: number | null, create: boolean): Ring<Stored> | undefined {
    if (workspaceId === null) return this.serverWide
    let ring = this.rings.get(workspaceId)
    if (ring === undefined && create) {
      ring = new Ring(this.capacity)
      this.rings.set(workspaceId, ring)
    }
    return ring
  }
}
