import type { FaultRuleBody, FaultRuleView } from '../faults/rule-schema.js'
import type { ControlRequest } from './requester.js'

export type FaultRule = FaultRuleBody
export interface AddedFault extends FaultRuleView {
  /** Deletes this rule (a spent one too); resolves to it as it was, with how often it applied. */
  remove: () => Promise<FaultRuleView>
}

export interface FaultsClient {
  /** Adds a rule, shaped as `POST /__mock/faults` takes it: `{ match, respond | delay_ms | network, when, times, probability }`. */
  add: (rule: FaultRule) => Promise<AddedFault>
  /** The workspace's rules in the order they apply, with `applied` and `remaining`. */
  list: () => Promise<FaultRuleView[]>
  /** Deletes every rule; resolves to how many there were. */
  clear: () => Promise<number>
}

/** `handle.faults`: the workspace's fault rules, over any control requester. */
export function faultsClient (request: ControlRequest): FaultsClient {
  return {
    add: async (rule) => {
      const added = await request('POST', '/__mock/faults', { body: rule }) as FaultRuleView
      const path = `/__mock/faults/${encodeURIComponent(added.id)}`
      return { ...added, remove: async () => await request('DELETE', path) as FaultRuleView }
    },
    list: async () => ((await request('GET', '/__mock/faults')) as { data: FaultRuleView[] }).data,
    clear: async () => ((await request('DELETE', '/__mock/faults')) as { deleted: number }).deleted
  }
}
