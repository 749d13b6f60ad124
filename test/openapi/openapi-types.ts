/**
 * The few parts of an OpenAPI 3.0 document the validator reads. Everything else
 * is carried along untyped: the schemas themselves go to Ajv as they are.
 */

/** `{ $ref: '#/components/…' }`: a pointer into the same file. */
export interface RefObject {
  $ref: string
}

export interface ExampleObject {
  summary?: string
  value?: unknown
}

export interface MediaTypeObject {
  schema?: unknown
  example?: unknown
  examples?: Record<string, ExampleObject | RefObject>
}

export interface ResponseObject {
  description?: string
  content?: Record<string, MediaTypeObject>
}

export interface OperationObject {
  operationId?: string
  responses?: Record<string, ResponseObject | RefObject>
}

export type PathItemObject = Partial<Record<string, unknown>>

export interface OpenApiDocument {
  openapi: string
  info: { title?: string, version: string | number }
  paths: Record<string, PathItemObject>
  components?: Record<string, Record<string, unknown>>
}

/** True when a value is a `{ $ref }` object. */
export function isRef (value: unknown): value is RefObject {
  return typeof value === 'object' && value !== null && typeof (value as { $ref?: unknown }).$ref === 'string'
}
