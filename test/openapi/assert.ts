import type { Test } from 'tap'
import type { SpecLocation } from './spec.js'
import { validateResponse } from './validate.js'

/** A light-my-request response (`app.inject`). */
export interface InjectedResponse {
  statusCode: number
  payload: string
  json: () => unknown
}

/** A response from a real socket or an SDK, body already parsed (undefined when empty). */
export interface ReceivedResponse {
  status: number
  body: unknown
}

/** The request a response answered. */
export interface SpecRequest {
  /** The `Intercom-Version` it was sent with. */
  version: string
  method: string
  url: string
}

/** The tap assertions the helper uses; a real `Test` has them. */
export type SpecAssertions = Pick<Test, 'pass' | 'fail'>

/**
 * Asserts that a response body matches the official OpenAPI description of
 * the requested version: passes naming the operation, or fails listing every
 * error. Returns whether it matched, like tap's own assertions.
 */
export function assertMatchesSpec (t: SpecAssertions, response: InjectedResponse | ReceivedResponse, request: SpecRequest, location: SpecLocation = {}): boolean {
  const { status, body, parseError } = readResponse(response)
  const label = `${request.method.toUpperCase()} ${request.url} → ${status}`
  if (parseError !== undefined) {
    return t.fail(`${label}: the body is not JSON (${parseError})`, { body: 'payload' in response ? response.payload.slice(0, 500) : undefined })
  }
  const { operation, errors } = validateResponse({ ...request, status, body }, location)
  if (errors.length === 0) return t.pass(`${label} matches ${operation} ${status} in the ${request.version} OpenAPI description`)
  return t.fail(`${label} does not match the ${request.version} OpenAPI description:\n${errors.map(e => `  - ${e}`).join('\n')}`, { found: errors })
}

function readResponse (response: InjectedResponse | ReceivedResponse): { status: number, body: unknown, parseError?: string } {
  if (!('statusCode' in response)) return { status: response.status, body: response.body }
  if (response.payload === '') return { status: response.statusCode, body: undefined }
  try {
    return { status: response.statusCode, body: response.json() }
  } catch (error) {
    return { status: response.statusCode, body: undefined, parseError: (error as Error).message }
  }
}
