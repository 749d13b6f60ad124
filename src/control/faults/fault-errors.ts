import { STATUS_CODES } from 'node:http'
import type { ApiVersion } from '../../versions.js'

export interface FaultErrorItem {
  code: string
  message: string
  field?: string
}

/**
 * The error a `respond` fault answers when the rule names none: Intercom's documented code and
 * message for the status where it has one (intercom-api.md §0.3–0.5, the OpenAPI examples), else
 * its catalogue code with the status's reason phrase.
 */
export function defaultFaultError (status: number, version: ApiVersion, rateLimit: number): FaultErrorItem {
  switch (status) {
    case 401: return version.major === 1
      ? { code: 'token_revoked', message: 'Unauthorized' }
      : { code: 'unauthorized', message: 'Access Token Invalid' }
    case 402: return { code: 'api_plan_restricted', message: 'API is not available on your current plan' }
    case 403: return { code: 'api_plan_restricted', message: 'Active subscription needed.' }
    case 404: return { code: 'not_found', message: 'Resource Not Found' }
    case 406: return { code: 'media_type_not_acceptable', message: 'The Accept header should send a media type of application/json' }
    case 408: return { code: 'request_timeout', message: 'Request Timeout' }
    case 409: return { code: 'conflict', message: 'Conflict' }
    case 422: return { code: 'unprocessable_entity', message: 'Unprocessable Entity' }
    case 429: return { code: 'rate_limit_exceeded', message: `More than ${rateLimit} requests received in 1 minute` }
    case 500: return { code: 'server_error', message: 'Request failed due to an internal error. Please reach out to support' }
    case 503: return { code: 'service_unavailable', message: 'Service Unavailable' }
    case 504: return { code: 'request_timeout', message: 'Gateway Timeout' }
  }
  const reason = STATUS_CODES[status] ?? 'Error'
  return status >= 500 ? { code: 'server_error', message: reason } : { code: 'client_error', message: reason }
}
