import type { FastifyInstance, HTTPMethods } from 'fastify'
import type { IncomingMessage } from 'node:http'
import type { Workspaces } from '../control/workspaces.js'
import { errors } from '../domain/errors.js'
import { presenterFor } from '../presenters/index.js'
import { isAtLeast, parseApiVersion, type ApiVersion } from '../versions.js'
import { accessToken, requestWorkspace } from './workspace.js'

/**
 * Route constraint for endpoints that exist, or mean different things, in one major version only
 * (`/users` is 1.x; `/contacts` is leads in 1.x and contacts in 2.x). Register such a route with
 * `constraints: v1Only` or `v2Only`; endpoints shared by both majors take no constraint.
 * An endpoint added in a later 2.x minor also sets `config: { since: '2.14' }`.
 */
export const CONSTRAINT = 'intercomApi'
export const v1Only = { [CONSTRAINT]: '1' }
export const v2Only = { [CONSTRAINT]: '2' }

/** The version a request sends none of: its workspace's own (from the fixtures), else the server's. */
export type DefaultVersion = (req: IncomingMessage) => ApiVersion

export function defaultVersionFrom (workspaces: Workspaces, serverDefault: ApiVersion): DefaultVersion {
  return (req) => {
    const token = accessToken(req.headers.authorization)
    const label = token === null ? null : workspaces.defaultApiVersionOf(requestWorkspace(workspaces, req, token))
    return (label === null ? null : parseApiVersion(label)) ?? serverDefault
  }
}

/**
 * The major a request routes to. Routing happens before Fastify's error handling, so a failure here
 * (a closed database) must not throw: the request routes by the header alone, and the same lookup
 * fails again in the version hook, where it becomes a 500 error.list.
 */
function routingMajor (req: IncomingMessage, defaultVersion: DefaultVersion): string {
  try {
    const version = requestedVersion(req.headers['intercom-version'], () => defaultVersion(req))
    return version === null ? 'invalid' : String(version.major)
  } catch {
    return 'unknown'
  }
}

export function intercomApiConstraint (defaultVersion: DefaultVersion) {
  return {
    name: CONSTRAINT,
    storage () {
      // find-my-way's handler type is internal to it; the storage only keeps and returns them.
      const handlers = new Map<string, any>() // eslint-disable-line @typescript-eslint/no-explicit-any
      return {
        get: (major: string) => handlers.get(major) ?? null,
        set: (major: string, store: unknown) => { handlers.set(major, store) }
      }
    },
    deriveConstraint: (req: IncomingMessage) => routingMajor(req, defaultVersion),
    mustMatchWhenDerived: false
  }
}

/** The version a request asks for: its Intercom-Version header, or the default when it sends none. */
export function requestedVersion (header: string | string[] | undefined, fallback: () => ApiVersion): ApiVersion | null {
  const value = Array.isArray(header) ? header[0] : header
  if (value === undefined || value.trim() === '') return fallback()
  return parseApiVersion(value)
}

/**
 * Sets `request.apiVersion` and `request.present` on every API request. An unknown Intercom-Version
 * is 400 `intercom_version_invalid` "The requested version could not be found"; a route the version
 * predates (`config.since`) is "Requested resource is not available in current API version.".
 */
export function addApiVersion (api: FastifyInstance, defaultVersion: DefaultVersion): void {
  // Callback hooks (here and in the other per-request hooks) spare a promise and a microtask a request;
  // Fastify turns what they throw into the request's error as it does an async hook's rejection.
  api.addHook('onRequest', (request, _reply, done) => {
    const version = requestedVersion(request.headers['intercom-version'], () => defaultVersion(request.raw))
    if (version === null) throw errors.versionInvalid()
    const since = request.routeOptions.config.since
    if (since !== undefined && !isAtLeast(version, since.major, since.minor)) throw errors.versionUnavailable()
    const until = request.routeOptions.config.until
    if (until !== undefined && isAtLeast(version, until.major, until.minor + 1)) throw errors.versionUnavailable()
    request.apiVersion = version
    request.present = presenterFor(version)
    done()
  })
}

/** `config.since` of a route added in a later minor version, e.g. `since('2.14')`. */
export function since (label: string): { since: { major: 1 | 2, minor: number } } {
  const version = parseApiVersion(label)
  if (version === null) throw new Error(`not an Intercom API version: ${label}`)
  return { since: { major: version.major, minor: version.minor } }
}

/** `config.until` of a route a later minor removed, e.g. `until('2.11')` for one 2.12 dropped. */
export function until (label: string): { until: { major: 1 | 2, minor: number } } {
  const { since: version } = since(label)
  return { until: version }
}

/**
 * Collects the version-constrained routes of `api` as they are registered; `register` then adds, for
 * each, an unconstrained twin that answers a request of the other major with Intercom's 400
 * "Requested resource is not available in current API version." instead of a 404.
 */
export function versionFallbacks (api: FastifyInstance): { register: () => void } {
  const constrained = new Map<string, { method: HTTPMethods, url: string }>()
  api.addHook('onRoute', (route) => {
    if (route.constraints?.[CONSTRAINT] === undefined) return
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') constrained.set(`${method} ${route.url}`, { method, url: route.url })
    }
  })
  return {
    register: () => {
      for (const { method, url } of constrained.values()) {
        api.route({ method, url, handler: async () => { throw errors.versionUnavailable() } })
      }
    }
  }
}
