import type { FastifyRequest } from 'fastify'
import type { PageLink } from '../presenters/index.js'

/**
 * The origin clients reached the mock on, from the Host header, honouring X-Forwarded-Proto and
 * X-Forwarded-Host set by a proxy in front of it.
 */
export function requestOrigin (request: FastifyRequest): string {
  const forwardedProto = firstValue(request.headers['x-forwarded-proto'])
  const forwardedHost = firstValue(request.headers['x-forwarded-host'])
  const protocol = forwardedProto ?? (request.protocol === 'https' ? 'https' : 'http')
  const host = forwardedHost ?? request.headers.host ?? request.hostname
  return `${protocol}://${host}`
}

/**
 * Links to other pages of the list this request asked for: the same path and query on the mock's own
 * origin (intercom-client 2.x fetches `pages.next` verbatim), with `page` and `per_page` set.
 */
export function pageLinks (request: FastifyRequest): PageLink {
  const base = new URL(request.url, requestOrigin(request))
  return (page, perPage) => {
    const url = new URL(base)
    url.searchParams.set('per_page', String(perPage))
    url.searchParams.set('page', String(page))
    return url.toString()
  }
}

function firstValue (header: string | string[] | undefined): string | undefined {
  const value = (Array.isArray(header) ? header[0] : header)?.split(',')[0]?.trim()
  return value === undefined || value === '' ? undefined : value
}
