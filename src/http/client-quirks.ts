import type { FastifyInstance } from 'fastify'
import type { IncomingMessage } from 'node:http'
import { jsonBodyParser } from './json-body.js'

/**
 * What real Intercom clients send that a strict server would refuse (../shared/reference/sdk-wire-notes.md §4).
 * Trailing slashes (python-intercom 3.x `POST /messages/`) are the router's `ignoreTrailingSlash`.
 */
export function registerClientQuirks (app: FastifyInstance): void {
  acceptEmptyJsonBodies(app)
  acceptCapitalisedBooleans(app)
}

/**
 * Fastify's `rewriteUrl`: intercom-ruby 3.x requests page 2 of a list with the absolute-form target it
 * was given (`GET http://host:port/conversations?page=2 HTTP/1.1`); route on its path and query.
 */
export function absoluteFormTarget (req: IncomingMessage): string {
  const url = req.url ?? '/'
  if (!/^https?:\/\//i.test(url)) return url
  try {
    const parsed = new URL(url)
    return `${parsed.pathname}${parsed.search}`
  } catch {
    return url
  }
}

/**
 * intercom-client 2.x `leads.create()` POSTs an empty body with `Content-Length: 0` and no
 * Content-Type. Intercom reads that as no parameters; so does the mock: an empty body, with or without
 * a JSON content type, is `{}` (and still validated), while a malformed one is a 400.
 */
function acceptEmptyJsonBodies (app: FastifyInstance): void {
  const parseJsonOrEmpty = jsonBodyParser(app, () => ({}))
  app.removeAllContentTypeParsers() // Intercom takes JSON only: text/plain and the rest are 415
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, parseJsonOrEmpty)
  // application/vnd.intercom.3+json and the like
  app.addContentTypeParser(/^application\/[\w.+-]+\+json\s*(;|$)/, { parseAs: 'buffer' }, parseJsonOrEmpty)
  app.addHook('onRequest', (request, _reply, done) => {
    const headers = request.raw.headers
    const lengthless = headers['content-length'] === undefined || headers['content-length'] === '0'
    if (['POST', 'PUT', 'PATCH'].includes(request.method) && headers['content-type'] === undefined &&
      headers['transfer-encoding'] === undefined && lengthless) {
      headers['content-type'] = 'application/json'
    }
    done()
  })
}

/**
 * python-intercom 3.x sends `open=True` / `open=False`. Boolean query parameters (found from each
 * route's schema when it is registered) accept any capitalisation of true and false.
 */
function acceptCapitalisedBooleans (app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const properties = (route.schema?.querystring as { properties?: Record<string, { type?: unknown }> } | undefined)?.properties
    if (properties === undefined) return
    const booleanQueryKeys = Object.keys(properties).filter(key => properties[key]?.type === 'boolean')
    if (booleanQueryKeys.length > 0) route.config = { ...route.config, booleanQueryKeys }
  })
  app.addHook('preValidation', (request, _reply, done) => {
    const keys = request.routeOptions.config.booleanQueryKeys
    if (keys !== undefined) {
      const query = request.query as Record<string, unknown>
      for (const key of keys) {
        const value = query[key]
        if (typeof value === 'string' && /^(true|false)$/i.test(value)) query[key] = value.toLowerCase()
      }
    }
    done()
  })
}
