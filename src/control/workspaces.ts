import { createHash } from 'node:crypto'
import { realClockSetting, workspaceClock, type Clock, type ClockSetting } from '../domain/clock.js'
import { createDomainContext, INTERCOM_RULES, type DomainContext, type WorkspaceRules } from '../domain/context.js'
import { clientSecretFor, DEFAULT_SEED } from '../domain/ids.js'
import type { DomainEventSink } from '../domain/events.js'
import type { Workspace } from '../domain/types.js'
import type { Store } from '../store/index.js'
import type { WorkspaceSummary } from '../store/workspaces.js'
import { BackgroundPurge } from './background-purge.js'
import { ControlEvents } from './events.js'
import { applyFixtures, type Fixtures } from './fixtures.js'

/**
 * One isolated workspace per access token, created on first use and seeded from the fixtures in the
 * same transaction, so two test suites with different tokens never see each other's data.
 */
export interface WorkspaceHooks {
  /** Where the domain events of every workspace go (the webhook outbox). */
  events?: DomainEventSink
  /** Seeds what else a new workspace starts with from its fixtures, inside its creating transaction (fixture webhooks). */
  onCreate?: (ctx: DomainContext, fixtures: Fixtures) => void
  /** The server's rules (INTERCOM_MOCK_UNDECLARED_ATTRIBUTES); Intercom's by default. */
  rules?: WorkspaceRules
}

export class Workspaces {
  readonly events: ControlEvents
  private readonly purge: BackgroundPurge
  private readonly rules: WorkspaceRules
  private readonly contexts = new WeakMap<Workspace, DomainContext>()

  constructor (
    private readonly store: Store,
    readonly fixtures: Fixtures,
    /** The server's clock; each workspace reads it through its own clock setting. */
    readonly baseClock: Clock,
    events: ControlEvents = new ControlEvents(),
    private readonly hooks: WorkspaceHooks = {}
  ) {
    this.events = events
    this.purge = new BackgroundPurge(store)
    // The server's `accept` relaxes every workspace; otherwise the fixtures may relax theirs.
    const serverRules = hooks.rules ?? INTERCOM_RULES
    this.rules = serverRules.undeclaredAttributes === 'accept' ? serverRules : { undeclaredAttributes: fixtures.undeclared_attributes ?? serverRules.undeclaredAttributes }
  }

  /** One context per workspace object: the registry hands out a new object whenever the workspace changes. */
  contextFor (workspace: Workspace): DomainContext {
    let ctx = this.contexts.get(workspace)
    if (ctx === undefined) {
      ctx = createDomainContext(this.store, workspace, this.baseClock, { rules: this.rules, sink: this.hooks.events })
      this.contexts.set(workspace, ctx)
    }
    return ctx
  }

  /** The Intercom-Version a workspace (or a token's workspace yet to be made, null) assumes when a request sends none, or null for the server's. */
  defaultApiVersionOf (workspace: Workspace | null): string | null {
    return workspace?.apiVersion ?? this.fixtures.api_version ?? null
  }

  /** The seed of the token's workspace (or of the one it would get). */
  seedOf (token: string): string {
    return this.store.workspaces.findByToken(token)?.seed ?? seedOf(this.fixtures)
  }

  find (token: string): Workspace | null {
    return this.store.workspaces.findByToken(token)
  }

  /** The workspace of `token`, created and seeded if this is its first use. */
  forToken (token: string): Workspace {
    return this.store.workspaces.findByToken(token) ?? this.create(token, this.fixtures)
  }

  /**
   * The token's workspace as if the token were new, from `fixtures` (the server's by default): the old
   * one is dropped in the same transaction and its rows purged in the background, so this takes the
   * same time however much the workspace held.
   */
  reset (token: string, fixtures: Fixtures = this.fixtures): { workspace: Workspace, droppedId: number | null } {
    const result = this.store.transaction(() => {
      const old = this.store.workspaces.findByToken(token)
      if (old !== null) this.store.workspaces.drop(old.id)
      return { workspace: this.create(token, fixtures), droppedId: old?.id ?? null }
    })
    if (result.droppedId !== null) this.dropped([result.droppedId])
    return result
  }

  /** Drops the token's workspace; answers its id, or null when the token has none. */
  drop (token: string): number | null {
    const workspace = this.store.workspaces.findByToken(token)
    if (workspace === null) return null
    this.store.workspaces.drop(workspace.id)
    this.dropped([workspace.id])
    return workspace.id
  }

  /** Drops every workspace; answers their ids. */
  dropAll (): number[] {
    const ids = this.store.transaction(() => this.store.workspaces.dropAll())
    this.dropped(ids)
    return ids
  }

  /** Sets the workspace's clock and tells listeners; answers the workspace as it is now. */
  setClock (workspace: Workspace, setting: ClockSetting): Workspace {
    this.store.workspaces.setClock(workspace.id, setting)
    const updated = { ...workspace, clock: setting }
    this.events.clockChanged(workspace.id, this.contextFor(updated).clock.now())
    return updated
  }

  summaries (): WorkspaceSummary[] {
    return this.store.workspaces.summaries()
  }

  summaryOf (workspace: Workspace): WorkspaceSummary {
    const store = this.store.forWorkspace(workspace.id)
    return { workspace, contacts: store.contacts.countLive(), conversations: store.conversations.countAll() }
  }

  /** Purges what earlier runs dropped but did not finish purging (a file database). */
  purgeLeftovers (): void {
    this.purge.schedule()
  }

  close (): void {
    this.purge.stop()
  }

  private dropped (ids: number[]): void {
    for (const id of ids) this.events.workspaceDropped(id)
    this.purge.schedule()
  }

  private create (token: string, fixtures: Fixtures): Workspace {
    return this.store.transaction(() => {
      const clock = clockSettingOf(fixtures)
      const created = this.store.workspaces.insertIfAbsent({
        token,
        app: {
          idCode: fixtures.app?.id_code ?? appIdCodeFor(token),
          name: fixtures.app?.name ?? 'Intercom Mock',
          timezone: fixtures.app?.timezone ?? 'Europe/Dublin',
          region: fixtures.app?.region ?? 'US',
          clientSecret: fixtures.app?.client_secret ?? clientSecretFor(token),
          createdAt: fixtures.app?.created_at ?? workspaceClock(this.baseClock, clock).now()
        },
        ownerAdminId: fixtures.me ?? fixtures.admins[0]?.id ?? null,
        apiVersion: fixtures.api_version ?? null,
        seed: seedOf(fixtures),
        clock
      })
      // Another process sharing the database file may have created it in the meantime.
      if (created === null) return this.store.workspaces.findByToken(token) as Workspace
      const ctx = this.contextFor(created)
      applyFixtures(ctx, fixtures)
      this.hooks.onCreate?.(ctx, fixtures)
      return created
    })
  }
}

export function seedOf (fixtures: Fixtures): string {
  return fixtures.seed === undefined ? DEFAULT_SEED : String(fixtures.seed)
}

export function clockSettingOf (fixtures: Fixtures): ClockSetting {
  const clock = fixtures.clock
  if (clock === undefined) return realClockSetting
  return 'frozen_at' in clock ? { mode: 'frozen', at: clock.frozen_at } : { mode: 'offset', seconds: clock.offset }
}

/** Intercom app ids are short lowercase codes; each token gets a stable one. */
function appIdCodeFor (token: string): string {
  return createHash('sha256').update(token).digest('hex').slice(0, 8)
}
