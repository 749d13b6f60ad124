import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ValidateFunction } from 'ajv'
import { parseApiVersion } from '../../src/versions.js'
import { ajvForSpec, refInto } from './ajv-for-spec.js'
import { formatSchemaError } from './format-error.js'
import { loadSpec, type Spec } from './spec.js'
import { validateResponse } from './validate.js'

/**
 * Makes `app` check every 2.x response it sends against the official OpenAPI description of the
 * version the request asked for, failing `t` with every problem. Tests that build the app through
 * test/helper.ts get this for all their requests, SDK scenarios over a socket included.
 *
 * An error.list answering a status or a path the operation does not document (a 404 for an unknown
 * contact, a 400 for a version the endpoint predates) is checked against the spec's `error` schema.
 */
export function checkResponsesAgainstSpec (app: FastifyInstance, t: { fail: (message: string) => unknown }): void {
  app.addHook('onSend', async (request, reply, payload) => {
    const version = requestedVersion(request)
    // A network fault (control/faults) sends no answer, or not this one: nothing to check.
    if (version === null || request.url.startsWith('/__mock/') || request.mockFault?.action.startsWith('network') === true) return payload
    const body = parseJson(payload)
    let problems: string[]
    try {
      const { errors } = validateResponse({ version, method: request.method, url: request.url, status: reply.statusCode, body })
      // An error status the spec leaves out, or documents by an example alone, is held to its `error` schema.
      const undocumented = errors.length === 1 && /status not documented|no operation in the|^no schema for /.test(errors[0] ?? '')
      problems = undocumented && isErrorList(body) ? validateErrorList(version, body) : errors
    } catch (error) {
      // The spec files are missing (or unreadable): that fails the test, it never skips the check.
      problems = [(error as Error).message]
    }
    if (problems.length > 0) {
      t.fail(`${request.method} ${request.url} → ${reply.statusCode} does not match the ${version} OpenAPI description:\n${problems.map(p => `  - ${p}`).join('\n')}`)
    }
    return payload
  })
}

/** The 2.x version label a request was served in, or null for 1.x (which has no OpenAPI). */
function requestedVersion (request: FastifyRequest): string | null {
  const header = request.headers['intercom-version']
  const label = (request as { apiVersion?: { label: string } }).apiVersion?.label ?? (typeof header === 'string' ? header : undefined)
  if (label === undefined) return null
  const version = parseApiVersion(label)
  return version !== null && version.major === 2 ? label.trim() : null
}

const errorValidators = new Map<string, ValidateFunction>()

function validateErrorList (version: string, body: unknown): string[] {
  const spec: Spec = loadSpec(version)
  let validate = errorValidators.get(spec.file)
  if (validate === undefined) {
    const instance = ajvForSpec(spec)
    validate = instance.ajv.compile({ $ref: refInto(instance, ['components', 'schemas', 'error']) })
    errorValidators.set(spec.file, validate)
  }
  return validate(body) ? [] : (validate.errors ?? []).filter(e => e.keyword !== 'if').map(e => `components/schemas/error: ${formatSchemaError(e)}`)
}

function isErrorList (body: unknown): boolean {
  return typeof body === 'object' && body !== null && (body as { type?: unknown }).type === 'error.list'
}

function parseJson (payload: unknown): unknown {
  if (typeof payload !== 'string' || payload === '') return undefined
  try {
    return JSON.parse(payload)
  } catch {
    return payload
  }
}
