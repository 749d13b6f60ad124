import { errors } from '../../domain/errors.js'
import type { JournalEntry, RecordedRequest } from './entry.js'
import { compileFilter, type JournalFilter } from './filter.js'
import { renderEntry } from './render.js'
import { Ring } from './ring.js'

interface Stored {
  request: RecordedRequest
  requestTruncated: boolean
}

/**
 * Every request the mock answered, newest first: a ring of `capacity` entries per workspace and one
 * server-wide (for requests that reached no workspace). Bounded whatever the traffic: a ring never
 * grows, bodies are capped when recorded, and a dropped workspace's ring goes with it.
 */
export class Journal {
  private readonly rings = new Map<number, Ring<Stored>>()
  private readonly serverWide: Ring<Stored>

  constructor (readonly capacity: number) {
    this.serverWide = new Ring(capacity)
  }

  /** `workspaceId` null: the server-wide journal. */
  record (workspaceId: number | null, request: RecordedRequest, requestTruncated: boolean): void {
    if (this.capacity === 0) return
    this.ringOf(workspaceId, true)?.push({ request, requestTruncated })
  }

  list (workspaceId: number | null, filter: JournalFilter = {}): JournalEntry[] {
    return this.select(workspaceId, filter).map(s => renderEntry(s.request, s.requestTruncated))
  }

  count (workspaceId: number | null, filter: JournalFilter = {}): number {
    return this.select(workspaceId, filter).length
  }

  clear (workspaceId: number | null): void {
    this.ringOf(workspaceId, false)?.clear()
  }

  size (workspaceId: number): number {
    return this.rings.get(workspaceId)?.length ?? 0
  }

  /** Forgets a dropped workspace's entries. */
  drop (workspaceId: number): void {
    this.rings.delete(workspaceId)
  }

  dropAll (): void {
    this.rings.clear()
    this.serverWide.clear()
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
