import type { DomainContext } from '../domain/context.js'
import type { Presenter } from '../presenters/index.js'
import type { ApiVersion } from '../versions.js'

declare module 'fastify' {
  interface FastifyRequest {
    /** The workspace of the request's access token, with its clock and ids (set by http/workspace.ts). */
    ctx: DomainContext
    /** The Intercom-Version the request asked for, or the default (set by http/api-version.ts). */
    apiVersion: ApiVersion
    /** Renders results in the shapes of `apiVersion`. */
    present: Presenter
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
