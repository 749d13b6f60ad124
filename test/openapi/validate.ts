import type { ValidateFunction } from 'ajv'
import { ajvForSpec, refInto } from './ajv-for-spec.js'
import { formatSchemaError, renderValue } from './format-error.js'
import { isKnownDeviation } from './known-deviations.js'
import { isRef, type MediaTypeObject, type ResponseObject } from './openapi-types.js'
import { findOperation, loadSpec, refParts, requestPath, resolveLocalRef, type Spec, type SpecLocation, type SpecOperation } from './spec.js'

/** A response the mock sent, and the request it answered. */
export interface ResponseToValidate {
  /** The `Intercom-Version` the request asked for: `2.11`, `Preview`, `Unstable`, `2.3`. */
  version: string
  method: string
  /** Path with or without query string: `/conversations/123?display_as=plaintext`. */
  url: string
  status: number
  /** Parsed JSON; undefined for an empty body. */
  body: unknown
}

/** What validation found: the operation as the spec names it, and one message per problem. */
export interface ValidationResult {
  /** `GET /conversations/{conversation_id}`, or the concrete request when no operation matches. */
  operation: string
  errors: string[]
}

/** The spec's response for a status code, where it sits in the document, and the key it is listed under. */
export interface SpecResponse {
  /** `200`, `4XX` or `default`. */
  statusKey: string
  /** Pointer parts of the response object (a component's, when the operation refers to one). */
  parts: string[]
  response: ResponseObject
}

const validators = new Map<string, ValidateFunction>()

/**
 * Validates a response body against the schema the spec of the requested
 * version gives for that operation and status. Known deviations (see
 * known-deviations.ts) are removed; anything else is an error, including a
 * status, operation or schema the spec does not have.
 */
export function validateResponse (input: ResponseToValidate, location: SpecLocation = {}): ValidationResult {
  return validateWithSpec(loadSpec(input.version, location), input)
}

/** validateResponse against a given spec; `input.version` is not read. */
export function validateWithSpec (spec: Spec, input: Omit<ResponseToValidate, 'version'>): ValidationResult {
  const method = input.method.toUpperCase()
  const operation = findOperation(spec, method, input.url)
  if (operation === undefined) {
    const path = requestPath(input.url)
    return { operation: `${method} ${path}`, errors: [`no operation in the ${spec.version} spec matches ${method} ${path}${otherMethods(spec, input.url, method)}`] }
  }
  const found = findResponse(spec, operation, input.status)
  if (found === undefined) {
    const documented = Object.keys(operation.definition.responses ?? {}).join(', ')
    return { operation: operation.name, errors: [`${operation.name} ${input.status}: status not documented in the ${spec.version} spec (documented: ${documented})`] }
  }
  const where = `${operation.name} ${found.statusKey}`
  const content = found.response.content
  if (content === undefined || Object.keys(content).length === 0) {
    const empty = input.body === undefined || input.body === null || input.body === ''
    return { operation: operation.name, errors: empty ? [] : [`${where}: the ${spec.version} spec documents no body, got ${renderValue(input.body)}`] }
  }
  const media = content['application/json']
  if (media === undefined) {
    return { operation: operation.name, errors: [`${where}: no application/json content in the ${spec.version} spec (it has ${Object.keys(content).join(', ')})`] }
  }
  if (media.schema === undefined) {
    return { operation: operation.name, errors: [`no schema for ${where} application/json in the ${spec.version} spec`] }
  }
  let validate: ValidateFunction
  try {
    validate = validatorFor(spec, operation, found)
  } catch (error) {
    return { operation: operation.name, errors: [`${where}: cannot compile the ${spec.version} schema: ${(error as Error).message}`] }
  }
  if (validate(input.body)) return { operation: operation.name, errors: [] }
  const errors = (validate.errors ?? [])
    .filter(e => e.keyword !== 'if') // our nullable wrapper's own error; the real ones follow it
    .filter(e => !isKnownDeviation({ version: spec.version, operation: operation.name, instancePath: e.instancePath, keyword: e.keyword }))
    .map(e => `${where}: ${formatSchemaError(e)}`)
  return { operation: operation.name, errors: [...new Set(errors)] }
}

/**
 * The response the spec documents for a status: the exact code first, then a
 * range such as `4XX`, then `default` (OpenAPI's own precedence). References
 * to `#/components/responses/…` are followed.
 */
export function findResponse (spec: Spec, operation: SpecOperation, status: number): SpecResponse | undefined {
  const responses = operation.definition.responses ?? {}
  const range = `${Math.floor(status / 100)}XX`
  const statusKey = [String(status), range, range.toLowerCase(), 'default'].find(key => responses[key] !== undefined)
  if (statusKey === undefined) return undefined
  let parts = [...refParts(operation.pointer), 'responses', statusKey]
  let response: unknown = responses[statusKey]
  for (let hops = 0; isRef(response); hops++) {
    if (hops > 10) throw new Error(`${spec.file}: response reference loop at ${operation.name} ${statusKey}`)
    parts = refParts(response.$ref)
    response = resolveLocalRef(spec, response.$ref)
  }
  return { statusKey, parts, response: response as ResponseObject }
}

/** The examples the spec gives for a response's application/json content, by name (`example` is named "example"). */
export function responseExamples (spec: Spec, response: SpecResponse): Map<string, unknown> {
  const media: MediaTypeObject | undefined = response.response.content?.['application/json']
  const examples = new Map<string, unknown>()
  if (media?.example !== undefined) examples.set('example', media.example)
  for (const [name, example] of Object.entries(media?.examples ?? {})) {
    const resolved = isRef(example) ? resolveLocalRef(spec, example.$ref) as { value?: unknown } : example
    examples.set(name, resolved.value)
  }
  return examples
}

function validatorFor (spec: Spec, operation: SpecOperation, found: SpecResponse): ValidateFunction {
  const key = `${spec.file}\n${operation.name}\n${found.statusKey}`
  const cached = validators.get(key)
  if (cached !== undefined) return cached
  const instance = ajvForSpec(spec)
  const validate = instance.ajv.compile({ $ref: refInto(instance, [...found.parts, 'content', 'application/json', 'schema']) })
  validators.set(key, validate)
  return validate
}

function otherMethods (spec: Spec, url: string, method: string): string {
  const others = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].filter(m => m !== method && findOperation(spec, m, url) !== undefined)
  return others.length > 0 ? ` (the path has ${others.join(', ')})` : ''
}
