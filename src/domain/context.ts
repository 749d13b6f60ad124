import type { Store, WorkspaceStore } from '../store/index.js'
import { workspaceClock, type Clock } from './clock.js'
import { ignoreEvents, type DomainEvents, type DomainEventSink } from './events.js'
import { createIds, type Ids } from './ids.js'
import type { Workspace } from './types.js'

/** Everything a domain operation may touch: one workspace's store, its clock, its id source, where its events go, and its rules. */
export interface DomainContext {
  readonly workspace: Workspace
  readonly store: WorkspaceStore
  /** The workspace's own clock: the server's clock as the workspace's setting (frozen, offset) bends it. */
  readonly clock: Clock
  readonly ids: Ids
  readonly events: DomainEvents
  readonly rules: WorkspaceRules
}

/** Where a workspace departs from Intercom's behaviour because its user asked it to. */
export interface WorkspaceRules {
  /**
   * `refuse` (Intercom's rule): a custom attribute must be declared before it is set. `accept`: any
   * name and value within Intercom's limits is kept.
   */
  undeclaredAttributes: 'refuse' | 'accept'
}

export const INTERCOM_RULES: WorkspaceRules = { undeclaredAttributes: 'refuse' }

export interface DomainContextOptions {
  rules?: WorkspaceRules | undefined
  /** Where the context's domain events go; nowhere by default. */
  sink?: DomainEventSink | undefined
}

/** `baseClock` is the server's clock; the context reads it through the workspace's clock setting. */
export function createDomainContext (store: Store, workspace: Workspace, baseClock: Clock, options: DomainContextOptions = {}): DomainContext {
  const sink = options.sink ?? ignoreEvents
  const workspaceStore = store.forWorkspace(workspace.id)
  const clock = workspaceClock(baseClock, workspace.clock)
  const ctx: DomainContext = {
    workspace,
    store: workspaceStore,
    clock,
    ids: createIds(workspace.seed, clock, workspaceStore.nextInSequence),
    events: { record: (event) => sink(ctx, event) },
    rules: options.rules ?? INTERCOM_RULES
  }
  return ctx
}
