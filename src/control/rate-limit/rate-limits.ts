import type { UnixSeconds } from '../../domain/types.js'
import { INTERCOM_DEFAULT_RATE_LIMIT, type RateLimitSetting } from './setting.js'

/** What the X-RateLimit-* headers say after a request was counted (or refused). */
export interface Quota {
  limit: number
  remaining: number
  /** End of the current window, unix seconds (X-RateLimit-Reset). */
  resetAt: UnixSeconds
  /** The request is over the limit: 429, and it used no budget. */
  refused: boolean
}

interface Budget extends Quota {
  setting: RateLimitSetting | null
  /** Set through PUT /__mock/rate-limit; a reset drops it. */
  overridden: boolean
  used: number
}

/**
 * Per-workspace request budgets in fixed windows aligned to the epoch (a 10 s window ends on a
 * multiple of 10, as Intercom's X-RateLimit-Reset does), on the workspace's clock. Kept in memory:
 * one Map lookup and a few integer operations a request.
 */
export class RateLimits {
  private readonly budgets = new Map<number, Budget>()

  /** `defaultSetting`: the fixtures' `rate_limit`, else INTERCOM_MOCK_RATE_LIMIT; null is off. */
  constructor (private readonly defaultSetting: RateLimitSetting | null) {}

  /** Counts one request of the workspace at `now`; null when its rate limiting is off. */
  take (workspaceId: number, now: UnixSeconds): Quota | null {
    const budget = this.budgetOf(workspaceId)
    if (budget.setting === null) return null
    roll(budget, budget.setting, now)
    budget.refused = budget.used >= budget.setting.limit
    if (!budget.refused) budget.used++
    budget.remaining = budget.setting.limit - budget.used
    return budget
  }

  /** The quota as it stands, without counting a request; null when off. */
  peek (workspaceId: number, now: UnixSeconds): Quota | null {
    const budget = this.budgetOf(workspaceId)
    if (budget.setting === null) return null
    roll(budget, budget.setting, now)
    return { limit: budget.limit, remaining: budget.setting.limit - budget.used, resetAt: budget.resetAt, refused: false }
  }

  /**
   * The headers a 429 fault sends: the workspace's window with nothing left; when its rate limiting is
   * off, a window of Intercom's default figures.
   */
  exhausted (workspaceId: number, now: UnixSeconds): Quota {
    const setting = this.budgetOf(workspaceId).setting ?? this.defaultSetting ?? INTERCOM_DEFAULT_RATE_LIMIT
    return { limit: setting.limit, remaining: 0, resetAt: windowEnd(now, setting.windowSeconds), refused: true }
  }

  setting (workspaceId: number): RateLimitSetting | null {
    return this.budgetOf(workspaceId).setting
  }

  /** A test's own limit (null: off) for the workspace, counting from zero again. */
  set (workspaceId: number, setting: RateLimitSetting | null): void {
    this.budgets.set(workspaceId, newBudget(setting, true))
  }

  /** Back to the fixtures' (or the server's) limit with a fresh count: what a workspace reset calls. */
  restoreDefault (workspaceId: number): void {
    this.budgets.delete(workspaceId)
  }

  isOverridden (workspaceId: number): boolean {
    return this.budgetOf(workspaceId).overridden
  }

  private budgetOf (workspaceId: number): Budget {
    let budget = this.budgets.get(workspaceId)
    if (budget === undefined) {
      budget = newBudget(this.defaultSetting, false)
      this.budgets.set(workspaceId, budget)
    }
    return budget
  }
}

function newBudget (setting: RateLimitSetting | null, overridden: boolean): Budget {
  return { setting, overridden, used: 0, limit: setting?.limit ?? 0, remaining: setting?.limit ?? 0, resetAt: 0, refused: false }
}

/** Starts a new window when `now` is outside the current one (the clock moved on, or was set back). */
function roll (budget: Budget, setting: RateLimitSetting, now: UnixSeconds): void {
  if (now < budget.resetAt && now >= budget.resetAt - setting.windowSeconds) return
  budget.resetAt = windowEnd(now, setting.windowSeconds)
  budget.used = 0
}

function windowEnd (now: UnixSeconds, windowSeconds: number): UnixSeconds {
  return (Math.floor(now / windowSeconds) + 1) * windowSeconds
}
