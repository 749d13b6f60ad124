import type { Store, WorkspaceStore } from '../store/index.js'
import type { Clock } from './clock.js'
import { createIds, type Ids } from './ids.js'
import type { Workspace } from './types.js'

/** Everything a domain operation may touch: one workspace's store, the clock, the id source and its rules. */
export interface DomainContext {
  readonly workspace: Workspace
  readonly store: WorkspaceStore
  readonly clock: Clock
  readonly ids: Ids
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

export function createDomainContext (store: Store, workspace: Workspace, clock: Clock, rules: WorkspaceRules = INTERCOM_RULES): DomainContext {
  const workspaceStore = store.forWorkspace(workspace.id)
  return {
    workspace,
    store: workspaceStore,
    clock,
    ids: createIds(workspace.id, clock, workspaceStore.nextInSequence),
    rules
  }
}
