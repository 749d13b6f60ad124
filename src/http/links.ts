import type { FastifyRequest } from 'fastify'
import type { PageLink } from '../presenters/index.js'

/**
 * The origin clients reached the mock on, from the Host header, honouring X-Forwarded-Proto and
 * X-Forwarded-Host set by a proxy in front of it. Headers that cannot make an origin (`[`, `a b`,
 * `x:99999`, a protocol other than http or https) are ignored in favour of the server's own address.
 */
export function requestOrigin (request: FastifyRequest): URL {
  const forwardedProto = firstValue(request.headers['x-forwarded-proto'])?.toLowerCase()
  const protocol = forwardedProto === 'http' || forwardedProto === 'https' ? forwardedProto : request.protocol === 'https' ? 'https' : 'http'
  for (const host of [firstValue(request.headers['x-forwarded-host']), firstValue(request.headers.host)]) {
    const origin = host === undefined ? null : originOf(protocol, host)
    if (origin !== null) return origin
  }
  return originOf(protocol, ownAddress(request)) ?? new URL('http://localhost')
}

/**
 * Links to other pages of the list this request asked for: the same path and query on the mock's own
 * origin (intercom-client 2.x fetches `pages.next` verbatim), with `page` and `per_page` set.
 */
export function pageLinks (request: FastifyRequest): PageLink {
  const base = requestOrigin(request)
  const queryStart = request.url.indexOf('?')
  base.pathname = queryStart === -1 ? request.url : request.url.slice(0, queryStart)
  base.search = queryStart === -1 ? '' : request.url.slice(queryStart)
  return (page, perPage) => {
    const url = new URL(base)
    url.searchParams.set('per_page', String(perPage))
    url.searchParams.set('page', String(page))
    return url.toString()
  }
}

/** `host` (a name or address, with an optional port) as an origin, or null when it is not one. */
function originOf (protocol: string, host: string): URL | null {
  if (!/^(\[[0-9a-f:.]+\]|[\w.~-]+)(:\d{1,5})?$/i.test(host)) return null
  try {
    const url = new URL(`${protocol}://${host}`)
    return url.host === '' ? null : url
  } catch {
    return null
  }
}

function ownAddress (request: FastifyRequest): string {
  const { localAddress, localPort } = request.socket
  if (localAddress === undefined || localPort === undefined) return 'localhost'
  return `${localAddress.includes(':') ? `[${localAddress}]` : localAddress}:${localPort}`
}

function firstValue (header: string | string[] | undefined): string | undefined {
  const value = (Array.isArray(header) ? header[0] : header)?.split(',')[0]?.trim()
  return value === undefined || value === '' ? undefined : value
}
