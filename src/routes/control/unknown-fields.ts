import type { FastifyInstance } from 'fastify'
import { errors } from '../../domain/errors.js'

interface ObjectSchema {
  type?: unknown
  properties?: Record<string, ObjectSchema>
  patternProperties?: Record<string, ObjectSchema>
  additionalProperties?: unknown
  items?: ObjectSchema
}

/**
 * The API drops fields it does not know (SDKs send extras); a control body is written by the test
 * itself, where a misspelt `time` would silently make a one-shot fault sticky. So on control routes a
 * field the body schema does not declare is 400 `parameter_invalid` naming it.
 */
export function rejectUnknownFields (control: FastifyInstance): void {
  control.addHook('preValidation', (request, _reply, done) => {
    const schema = request.routeOptions.schema?.body as ObjectSchema | undefined
    const unknown = schema === undefined ? null : firstUnknown(schema, request.body, [])
    done(unknown === null ? undefined : errors.parameterInvalid(`${unknown} is not allowed here`, unknown))
  })
}

function firstUnknown (schema: ObjectSchema, value: unknown, path: string[]): string | null {
  if (typeof value !== 'object' || value === null) return null
  if (Array.isArray(value)) {
    if (schema.items === undefined) return null
    for (const [i, item] of value.entries()) {
      const found = firstUnknown(schema.items, item, [...path, String(i)])
      if (found !== null) return found
    }
    return null
  }
  if (schema.properties === undefined && schema.patternProperties === undefined) return null
  for (const [key, item] of Object.entries(value)) {
    const property = schema.properties?.[key] ?? patternProperty(schema.patternProperties, key)
    if (property === undefined) {
      if (schema.additionalProperties === false) return [...path, key].join('.')
      continue
    }
    const found = firstUnknown(property, item, [...path, key])
    if (found !== null) return found
  }
  return null
}

function patternProperty (patterns: Record<string, ObjectSchema> | undefined, key: string): ObjectSchema | undefined {
  for (const [pattern, schema] of Object.entries(patterns ?? {})) {
    if (new RegExp(pattern).test(key)) return schema
  }
  return undefined
}
