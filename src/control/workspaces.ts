import { createHash } from 'node:crypto'
import type { Clock } from '../domain/clock.js'
import { createDomainContext, INTERCOM_RULES, type DomainContext, type WorkspaceRules } from '../domain/context.js'
import type { Workspace } from '../domain/types.js'
import type { Store } from '../store/index.js'
import { applyFixtures, type Fixtures } from './fixtures.js'

/**
 * One isolated workspace per access token, created on first use and seeded from the fixtures in the
 * same transaction, so two test suites with different tokens never see each other's data.
 */
export class Workspaces {
  private readonly rules: WorkspaceRules

  /** `undeclaredAttributes: 'accept'` (the server's setting) relaxes every workspace; the fixtures may relax theirs. */
  constructor (
    private readonly store: Store,
    private readonly fixtures: Fixtures,
    private readonly clock: Clock,
    serverRules: WorkspaceRules = INTERCOM_RULES
  ) {
    this.rules = { undeclaredAttributes: fixtures.undeclared_attributes ?? serverRules.undeclaredAttributes }
    if (serverRules.undeclaredAttributes === 'accept') this.rules = serverRules
  }

  contextFor (workspace: Workspace): DomainContext {
    return createDomainContext(this.store, workspace, this.clock, this.rules)
  }

  /** The Intercom-Version a workspace assumes when a request sends none, or null for the server's. */
  defaultApiVersion (token: string): string | null {
    return this.store.workspaces.findByToken(token)?.apiVersion ?? this.fixtures.api_version ?? null
  }

  /** The workspace of `token`, created and seeded if this is its first use. */
  forToken (token: string): Workspace {
    return this.store.workspaces.findByToken(token) ?? this.create(token)
  }

  private create (token: string): Workspace {
    return this.store.transaction(() => {
      const created = this.store.workspaces.insertIfAbsent({
        token,
        app: {
          idCode: this.fixtures.app?.id_code ?? appIdCodeFor(token),
          name: this.fixtures.app?.name ?? 'Intercom Mock',
          timezone: this.fixtures.app?.timezone ?? 'Europe/Dublin',
          region: this.fixtures.app?.region ?? 'US',
          createdAt: this.clock.now()
        },
        ownerAdminId: this.fixtures.me ?? this.fixtures.admins[0]?.id ?? null,
        apiVersion: this.fixtures.api_version ?? null
      })
      // Another process sharing the database file may have created it in the meantime.
      if (created === null) return this.store.workspaces.findByToken(token) as Workspace
      applyFixtures(this.contextFor(created), this.fixtures)
      return created
    })
  }
}

/** Intercom app ids are short lowercase codes; each token gets a stable one. */
function appIdCodeFor (token: string): string {
  return createHash('sha256').update(token).digest('hex').slice(0, 8)
}
