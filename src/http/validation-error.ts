import type { FastifyError, FastifySchemaValidationError } from 'fastify'
import { errors, type IntercomError } from '../domain/errors.js'

/**
 * A schema validation failure as Intercom reports bad input: 400 `parameter_invalid`, naming the
 * field in dotted form (`from.type`, `per_page`) and saying what it should be.
 */
export function validationError (
  problems: FastifySchemaValidationError[],
  context: FastifyError['validationContext']
): IntercomError {
  // A failed anyOf (a nullable field) reports each branch first: describe the alternatives together,
  // unless a branch of the right type failed on its range (a timestamp past the last one allowed).
  const anyOf = problems.find(p => p.keyword === 'anyOf')
  const range = anyOf === undefined ? undefined : problems.find(p => RANGE_KEYWORDS.has(p.keyword) && p.instancePath === anyOf.instancePath)
  const problem = range ?? anyOf ?? problems[0]
  if (problem === undefined) return errors.parameterInvalid('The request is not valid')
  const params = problem.params as Record<string, unknown>
  const path = problem.instancePath.split('/').filter(Boolean).map(decodePointer)
  if (problem.keyword === 'required' && typeof params.missingProperty === 'string') path.push(params.missingProperty)
  if (problem.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') path.push(params.additionalProperty)
  if (path.length === 0) {
    const what = context === 'querystring' ? 'query string' : context === 'params' ? 'URL' : 'request body'
    return errors.parameterInvalid(`The ${what} must be a JSON object`)
  }
  const field = path.join('.')
  const alternatives = problems
    .filter(p => p.keyword === 'type' && p.instancePath === problem.instancePath)
    .map(p => String((p.params as Record<string, unknown>).type))
  const description = problem.keyword === 'anyOf' && alternatives.length > 0
    ? `must be ${alternatives.map(typeName).join(' or ')}`
    : describe(problem.keyword, params, problem.message)
  return errors.parameterInvalid(`${field} ${description}`, field)
}

const RANGE_KEYWORDS = new Set(['minimum', 'maximum', 'minLength', 'maxLength'])

function describe (keyword: string, params: Record<string, unknown>, fallback: string | undefined): string {
  switch (keyword) {
    case 'required': return 'is required'
    case 'type': return `must be ${String(params.type).split(',').map(typeName).join(' or ')}`
    case 'enum': return `must be one of ${(params.allowedValues as unknown[]).join(', ')}`
    case 'const': return `must be ${String(params.allowedValue)}`
    case 'minimum': return `must be at least ${String(params.limit)}`
    case 'maximum': return `must be at most ${String(params.limit)}`
    case 'minLength': return params.limit === 1 ? 'must not be empty' : `must be at least ${String(params.limit)} characters long`
    case 'maxLength': return `must be at most ${String(params.limit)} characters long`
    case 'minItems': return `must have at least ${String(params.limit)} items`
    case 'maxItems': return `must have at most ${String(params.limit)} items`
    case 'pattern':
    case 'format':
    case 'anyOf':
    case 'oneOf': return 'is not valid'
    case 'additionalProperties': return 'is not allowed here'
    default: return fallback ?? 'is not valid'
  }
}

function typeName (type: string): string {
  if (type === 'null') return 'null'
  return `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`
}

function decodePointer (segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~')
}
