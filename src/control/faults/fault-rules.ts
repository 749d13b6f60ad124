import { errors } from '../../domain/errors.js'
import { seededRandom } from '../../domain/ids.js'
import type { Workspace } from '../../domain/types.js'
import { parseApiVersion, type ApiVersion } from '../../versions.js'
import type { FaultRuleBody, FaultRuleView, NetworkFailure } from './rule-schema.js'

export type FaultAction =
  | { kind: 'respond', status: number, errors?: Array<{ code: string, message: string, field?: string }>, headers?: Record<string, string> }
  | { kind: 'delay', ms: number }
  | { kind: 'network', failure: NetworkFailure }

export interface FaultRule {
  readonly id: string
  readonly body: FaultRuleBody
  readonly action: FaultAction
  readonly when: 'before' | 'after'
  readonly times: number | null
  readonly probability: number
  remaining: number | null
  applied: number
  readonly matches: (method: string, url: string, version: ApiVersion) => boolean
  readonly draw: () => number
}

interface WorkspaceFaults {
  rules: FaultRule[]
  issued: number
}

/** Headers a rule may not set: they would make the answer unreadable rather than faulty. */
const FRAMING_HEADERS = new Set(['content-length', 'transfer-encoding', 'connection'])

/**
 * Each workspace's fault rules, in creation order, in memory. A request takes the first rule that
 * matches it and fires (its probability drawn from a stream seeded by the workspace's token and the
 * rule's id, so a run repeats); a rule with `times` is spent after that many applications and stays
 * listed with `remaining: 0`.
 */
export class FaultRules {
  private readonly byWorkspace = new Map<number, WorkspaceFaults>()

  add (workspace: Workspace, body: FaultRuleBody): FaultRule {
    const action = actionOf(body)
    const when = body.when ?? 'before'
    if (when === 'before' && action.kind === 'network' && action.failure === 'truncated') {
      throw errors.parameterInvalid('network "truncated" cuts the real answer short, so it needs "when": "after"', 'when')
    }
    const matches = matcherOf(body.match ?? {})
    const faults = this.faultsOf(workspace.id)
    const id = `fault_${++faults.issued}`
    const times = body.times ?? null
    const rule: FaultRule = {
      id,
      body,
      action,
      when,
      times,
      probability: body.probability ?? 1,
      remaining: times,
      applied: 0,
      matches,
      draw: seededRandom(`${workspace.token}\n${id}`)
    }
    faults.rules.push(rule)
    return rule
  }

  list (workspaceId: number): readonly FaultRule[] {
    return this.byWorkspace.get(workspaceId)?.rules ?? []
  }

  remove (workspaceId: number, id: string): FaultRule {
    const rules = this.byWorkspace.get(workspaceId)?.rules ?? []
    const index = rules.findIndex(rule => rule.id === id)
    const [removed] = index === -1 ? [] : rules.splice(index, 1)
    if (removed === undefined) throw errors.faultRuleNotFound(id)
    return removed
  }

  /** Deletes the workspace's rules (their ids are not reused); answers how many there were. */
  clear (workspaceId: number): number {
    const faults = this.byWorkspace.get(workspaceId)
    const count = faults?.rules.length ?? 0
    if (faults !== undefined) faults.rules = []
    return count
  }

  /** Forgets the workspace's rules and id sequence: what a workspace reset calls. */
  clearWorkspaceFaults (workspaceId: number): void {
    this.byWorkspace.delete(workspaceId)
  }

  /** The rule that applies to this request (`url` with its query), counted as applied; null when none does. */
  take (workspaceId: number, method: string, url: string, version: ApiVersion): FaultRule | null {
    const rules = this.byWorkspace.get(workspaceId)?.rules
    if (rules === undefined || rules.length === 0) return null
    for (const rule of rules) {
      if (rule.remaining === 0 || !rule.matches(method, url, version)) continue
      if (rule.probability < 1 && rule.draw() >= rule.probability) continue
      if (rule.remaining !== null) rule.remaining--
      rule.applied++
      return rule
    }
    return null
  }

  private faultsOf (workspaceId: number): WorkspaceFaults {
    let faults = this.byWorkspace.get(workspaceId)
    if (faults === undefined) {
      faults = { rules: [], issued: 0 }
      this.byWorkspace.set(workspaceId, faults)
    }
    return faults
  }
}

export function presentFaultRule (rule: FaultRule): FaultRuleView {
  const { respond, delay_ms: delayMs, network } = rule.body
  return {
    id: rule.id,
    match: rule.body.match ?? {},
    ...(respond === undefined ? {} : { respond }),
    ...(delayMs === undefined ? {} : { delay_ms: delayMs }),
    ...(network === undefined ? {} : { network }),
    when: rule.when,
    times: rule.times,
    remaining: rule.remaining,
    probability: rule.probability,
    applied: rule.applied
  }
}

/** What the journal and the log say was done, e.g. `respond 503`, `delay_ms 200`, `network reset`. */
export function describeAction (action: FaultAction): string {
  switch (action.kind) {
    case 'respond': return `respond ${action.status}`
    case 'delay': return `delay_ms ${action.ms}`
    case 'network': return `network ${action.failure}`
  }
}

function actionOf (body: FaultRuleBody): FaultAction {
  const present = (['respond', 'delay_ms', 'network'] as const).filter(key => body[key] !== undefined)
  if (present.length === 0) throw errors.parameterInvalid('A fault rule needs one action: respond, delay_ms or network', 'respond')
  if (present.length > 1) {
    throw errors.parameterInvalid(`A fault rule has one action, not both ${present[0]} and ${present[1]}`, present[1])
  }
  if (body.respond !== undefined) {
    for (const name of Object.keys(body.respond.headers ?? {})) {
      if (FRAMING_HEADERS.has(name.toLowerCase())) {
        throw errors.parameterInvalid(`A fault cannot set ${name}: the mock frames the answer itself`, `respond.headers.${name}`)
      }
    }
    return { kind: 'respond', ...body.respond }
  }
  if (body.delay_ms !== undefined) return { kind: 'delay', ms: body.delay_ms }
  return { kind: 'network', failure: body.network as NetworkFailure }
}

function matcherOf (match: NonNullable<FaultRuleBody['match']>): FaultRule['matches'] {
  const { method, path, api_version: versionLabel } = match
  // Control routes are how a test recovers (deleting the fault, resetting, reading the journal);
  // faults only ever reach the API's routes, so a rule aimed at /__mock could never fire.
  if (path !== undefined && /^\/__mock(\/|$)/.test(path)) {
    throw errors.parameterInvalid('Control routes (/__mock/…) are never faulted; match an API path such as /conversations/*/reply', 'match.path')
  }
  const pathPattern = path === undefined ? null : globPattern(normalisePath(path))
  const version = versionLabel === undefined ? null : versionMatcher(versionLabel)
  return (requestMethod, requestUrl, requestVersion) =>
    (method === undefined || method === requestMethod) &&
    (pathPattern === null || pathPattern.test(normalisePath(pathOf(requestUrl)))) &&
    (version === null || version(requestVersion))
}

/** `*` is one path segment (or part of one), `**` any run of segments. */
function globPattern (path: string): RegExp {
  const source = path.split(/(\*\*|\*)/).map(part =>
    part === '**' ? '.*' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')
  ).join('')
  return new RegExp(`^${source}$`)
}

function pathOf (url: string): string {
  const query = url.indexOf('?')
  return query === -1 ? url : url.slice(0, query)
}

function normalisePath (path: string): string {
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path
}

function versionMatcher (label: string): (version: ApiVersion) => boolean {
  const trimmed = label.trim()
  if (trimmed === '1' || trimmed === '2') return version => version.major === Number(trimmed)
  const exact = parseApiVersion(trimmed)
  if (exact === null) {
    throw errors.parameterInvalid(`match.api_version must be a major (1, 2) or an Intercom API version (1.0–1.4, 2.0–2.16, Unstable, Preview), not "${label}"`, 'match.api_version')
  }
  return version => version.major === exact.major && version.minor === exact.minor
}
