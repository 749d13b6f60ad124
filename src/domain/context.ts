import type { Store, WorkspaceStore } from '../store/index.js'
import type { Clock } from './clock.js'
import { createIds, type Ids } from './ids.js'
import type { Workspace } from './types.js'

/** Everything a domain operation may touch: one workspace's store, the clock and the id source. */
export interface DomainContext {
  readonly workspace: Workspace
  readonly store: WorkspaceStore
  readonly clock: Clock
  readonly ids: Ids
}

export function createDomainContext (store: Store, workspace: Workspace, clock: Clock): DomainContext {
  const workspaceStore = store.forWorkspace(workspace.id)
  return {
    workspace,
    store: workspaceStore,
    clock,
    ids: createIds(workspace.id, clock, workspaceStore.nextInSequence)
  }
}
