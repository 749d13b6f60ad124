import { advanceClockSetting, realClockSetting, type ClockSetting } from '../domain/clock.js'
import { IntercomError, errors } from '../domain/errors.js'
import { wakeSnoozedConversations } from '../domain/snoozes.js'
import type { Workspace } from '../domain/types.js'
import { validateFixtures, type Fixtures } from './fixtures.js'
import { asBadRequest, seedRecords } from './seed.js'
import { dumpState } from './state.js'
import type { JournalEntry } from './journal/entry.js'
import type { JournalFilter } from './journal/filter.js'
import { Journal } from './journal/journal.js'
import { RequestIds } from './request-ids.js'
import type { ClockChange, ClockState, WorkspaceListing } from './plane-types.js'
import type { Workspaces } from './workspaces.js'

export type { ClockChange, ClockState, WorkspaceListing }

/**
 * The control plane's operations, shared by the HTTP routes (src/routes/control/) and, through them,
 * the in-process handle. A token names a workspace exactly as it does for the API; a token the mock has
 * not seen yet gets a workspace from the fixtures, as its first API call would.
 */
export class ControlPlane {
  readonly journal: Journal
  readonly requestIds: RequestIds

  constructor (
    readonly workspaces: Workspaces,
    private readonly allowedTokens: ReadonlySet<string> | null,
    journalSize: number
  ) {
    this.journal = new Journal(journalSize)
    this.requestIds = new RequestIds(workspaces)
    workspaces.events.onWorkspaceDropped(id => this.journal.drop(id))
  }

  /** The token's workspace, created from the fixtures on first use. A missing token is a 400; a refused one a 404. */
  workspace (token: string | null): Workspace {
    return this.workspaces.forToken(this.admitted(token))
  }

  /** The token's workspace if it has one, without creating it: 404 otherwise. */
  existingWorkspace (token: string | null): Workspace {
    const workspace = this.workspaces.find(this.admitted(token))
    if (workspace === null) throw workspaceNotFound()
    return workspace
  }

  clock (token: string | null): ClockState {
    return clockState(this.workspaces, this.workspace(token))
  }

  /**
   * Freezes, advances or frees the workspace's clock, then wakes the snoozes it passed and tells
   * listeners. Advancing a real clock makes it an offset one.
   */
  setClock (token: string | null, change: ClockChange): ClockState {
    const given = (['frozen_at', 'advance', 'real'] as const).filter(key => change[key] !== undefined)
    if (given.length !== 1) {
      throw errors.parameterInvalid(given.length === 0
        ? 'Send one of frozen_at (unix seconds), advance (seconds) or real (true)'
        : `Send only one of frozen_at, advance and real, not ${given.join(' and ')}`, given[1] ?? 'frozen_at')
    }
    if (change.real === false) throw errors.parameterInvalid('real must be true: send frozen_at or advance to stop or move the clock', 'real')
    const workspace = this.workspace(token)
    const setting: ClockSetting = change.frozen_at !== undefined ? { mode: 'frozen', at: change.frozen_at }
      : change.advance !== undefined ? advanceClockSetting(workspace.clock, change.advance) : realClockSetting
    const updated = this.workspaces.setClock(workspace, setting)
    wakeSnoozedConversations(this.workspaces.contextFor(updated))
    return clockState(this.workspaces, updated)
  }

  /**
   * With a token: its workspace from `document` (validated as a fixture file is) or the server's
   * fixtures, as if the token were new. Without: every workspace dropped.
   */
  reset (token: string | null, document?: unknown): { workspace: Workspace | null, dropped: number } {
    if (token === null) {
      const dropped = this.workspaces.dropAll().length
      this.journal.dropAll()
      this.requestIds.forgetAll()
      return { workspace: null, dropped }
    }
    const fixtures = document === undefined ? undefined : fixtureDocument('reset', document)
    const { workspace, droppedId } = this.workspaces.reset(this.admitted(token), fixtures)
    this.requestIds.forget(token)
    return { workspace, dropped: droppedId === null ? 0 : 1 }
  }

  /** Adds fixture-format records to the token's workspace. */
  seed (token: string | null, body: unknown): { added: Record<string, number> } {
    return seedRecords(this.workspaces.contextFor(this.workspace(token)), body)
  }

  /** The token's workspace, whole, in the fixture format. */
  state (token: string | null): Fixtures {
    return dumpState(this.workspaces.contextFor(this.workspace(token)))
  }

  requests (token: string | null, filter: JournalFilter): JournalEntry[] {
    return this.journal.list(this.journalOf(token), filter)
  }

  countRequests (token: string | null, filter: JournalFilter): number {
    return this.journal.count(this.journalOf(token), filter)
  }

  clearRequests (token: string | null): void {
    this.journal.clear(this.journalOf(token))
  }

  listWorkspaces (): WorkspaceListing[] {
    return this.workspaces.summaries().map(summary => this.listing(summary.workspace, summary.contacts, summary.conversations))
  }

  listingOf (workspace: Workspace): WorkspaceListing {
    const summary = this.workspaces.summaryOf(workspace)
    return this.listing(workspace, summary.contacts, summary.conversations)
  }

  private listing (workspace: Workspace, contacts: number, conversations: number): WorkspaceListing {
    return { token_hint: workspace.token.slice(0, 4), created_at: workspace.app.createdAt, contacts, conversations, journal_entries: this.journal.size(workspace.id) }
  }

  dropWorkspace (token: string | null): void {
    const admitted = this.admitted(token)
    if (this.workspaces.drop(admitted) === null) throw workspaceNotFound()
    this.requestIds.forget(admitted)
  }

  private journalOf (token: string | null): number | null {
    return token === null ? null : this.workspace(token).id
  }

  private admitted (token: string | null): string {
    if (token === null) {
      throw new IntercomError(400, 'parameter_not_found', 'This control call acts on one workspace: name it with its access token (Authorization: Bearer <token>)')
    }
    if (this.allowedTokens !== null && !this.allowedTokens.has(token)) throw workspaceNotFound()
    return token
  }
}

/** Validates a fixture-format body as the fixture file is; a problem is a 400 naming its JSON path. */
export function fixtureDocument (what: string, document: unknown): Fixtures {
  return asBadRequest(() => validateFixtures(what, document))
}

function clockState (workspaces: Workspaces, workspace: Workspace): ClockState {
  return { now: workspaces.contextFor(workspace).clock.now(), mode: workspace.clock.mode }
}

function workspaceNotFound (): IntercomError {
  return new IntercomError(404, 'not_found', 'No workspace has this access token')
}
