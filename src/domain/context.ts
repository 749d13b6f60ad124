import type { Store, WorkspaceStore } from '../store/index.js'
import { workspaceClock, type Clock } from './clock.js'
import { ignoreEvents, type DomainEvents, type DomainEventSink } from './events.js'
import { createIds, type Ids } from './ids.js'
import type { Workspace } from './types.js'

/** Everything a domain operation may touch: one workspace's store, its clock, its id source, and where its events go. */
export interface DomainContext {
  readonly workspace: Workspace
  readonly store: WorkspaceStore
  /** The workspace's own clock: the server's clock as the workspace's setting (frozen, offset) bends it. */
  readonly clock: Clock
  readonly ids: Ids
  readonly events: DomainEvents
}

/** `baseClock` is the server's clock; the context reads it through the workspace's clock setting. */
export function createDomainContext (store: Store, workspace: Workspace, baseClock: Clock, sink: DomainEventSink = ignoreEvents): DomainContext {
  const workspaceStore = store.forWorkspace(workspace.id)
  const clock = workspaceClock(baseClock, workspace.clock)
  const ctx: DomainContext = {
    workspace,
    store: workspaceStore,
    clock,
    ids: createIds(workspace.seed, clock, workspaceStore.nextInSequence),
    events: { record: (event) => sink(ctx, event) }
  }
  return ctx
}
