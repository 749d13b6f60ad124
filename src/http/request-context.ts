// Fastify's request, as the mock's plugins fill it in. Every compilation has this file through tsconfig's
// "include", so nothing imports it: the published declarations stay free of it and of the store behind it.
import type { MockFault } from '../control/faults/apply.js'
import type { ControlPlane } from '../control/plane.js'
import type { DomainContext } from '../domain/context.js'
import type { Presenter } from '../presenters/index.js'
import type { ApiVersion } from '../versions.js'

declare module 'fastify' {
  interface FastifyInstance {
    /** The control plane's operations (reset, seed, journal, clock, …), for in-process use and the routes. */
    control: ControlPlane
  }
  interface FastifyRequest {
    /** The workspace of the request's access token, with its clock and ids (set by http/workspace.ts). */
    ctx: DomainContext
    /** The Intercom-Version the request asked for, or the default (set by http/api-version.ts). */
    apiVersion: ApiVersion
    /** Renders results in the shapes of `apiVersion`. */
    present: Presenter
    /** The fault rule applied to this API request, for the journal; null when none (control/faults). */
    mockFault: MockFault | null
  }
  interface FastifyContextConfig {
    /** Set on routes outside the Intercom API (the /__mock control plane): no token, no version. */
    controlPlane?: boolean
    /** Query parameters that are booleans, filled in at route registration (http/client-quirks.ts). */
    booleanQueryKeys?: string[]
    /** The 2.x minor version that introduced the endpoint (http/api-version.ts `since`). */
    since?: { major: 1 | 2, minor: number }
    /** The last minor version that has the endpoint (http/api-version.ts `until`). */
    until?: { major: 1 | 2, minor: number }
  }
}
