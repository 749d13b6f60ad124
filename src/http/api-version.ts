import type { FastifyInstance, HTTPMethods } from 'fastify'
import type { IncomingMessage } from 'node:http'
import { errors } from '../domain/errors.js'
import { presenterFor } from '../presenters/index.js'
import { parseApiVersion, type ApiVersion } from '../versions.js'

/**
 * Route constraint for endpoints that exist, or mean different things, in one major version only
 * (`/users` is 1.x; `/contacts` is leads in 1.x and contacts in 2.x). Register such a route with
 * `constraints: v1Only` or `v2Only`; endpoints shared by both majors take no constraint.
 */
export const CONSTRAINT = 'intercomApi'
export const v1Only = { [CONSTRAINT]: '1' }
export const v2Only = { [CONSTRAINT]: '2' }

export function intercomApiConstraint (defaultVersion: ApiVersion) {
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
    deriveConstraint: (req: IncomingMessage) => {
      const version = requestedVersion(req.headers['intercom-version'], defaultVersion)
      return version === null ? 'invalid' : String(version.major)
    },
    mustMatchWhenDerived: false
  }
}

/** The version a request asks for: its Intercom-Version header, or `fallback` when it sends none. */
export function requestedVersion (header: string | string[] | undefined, fallback: ApiVersion): ApiVersion | null {
  const value = Array.isArray(header) ? header[0] : header
  if (value === undefined || value.trim() === '') return fallback
  return parseApiVersion(value)
}

/**
 * Sets `request.apiVersion` and `request.present` on every API request; an unknown Intercom-Version is
 * 400 `intercom_version_invalid` "The requested version could not be found".
 */
export function addApiVersion (api: FastifyInstance, defaultVersion: ApiVersion): void {
  api.addHook('onRequest', async (request) => {
    const version = requestedVersion(request.headers['intercom-version'], defaultVersion)
    if (version === null) throw errors.versionInvalid()
    request.apiVersion = version
    request.present = presenterFor(version)
  })
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
