import type { Store, WorkspaceStore } from '../store/index.js'
import type { Clock } from './clock.js'
import { ignoreEvents, type DomainEvents, type DomainEventSink } from './events.js'
import { createIds, type Ids } from './ids.js'
import type { Workspace } from './types.js'

/** Everything a domain operation may touch: one workspace's store, the clock, the id source, and where its events go. */
export interface DomainContext {
  readonly workspace: Workspace
  readonly store: WorkspaceStore
  readonly clock: Clock
  readonly ids: Ids
  readonly events: DomainEvents
}

export function createDomainContext (store: Store, workspace: Workspace, clock: Clock, sink: DomainEventSink = ignoreEvents): DomainContext {
  const workspaceStore = store.forWorkspace(workspace.id)
  const ctx: DomainContext = {
    workspace,
    store: workspaceStore,
    clock,
    ids: createIds(workspace.id, clock, workspaceStore.nextInSequence),
    events: { record: (event) => sink(ctx, event) }
  }
  return ctx
}
