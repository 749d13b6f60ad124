import { Ajv } from 'ajv'
import addFormatsPlugin from 'ajv-formats'
import { MISSING_SCHEMAS } from './known-deviations.js'
import { jsonPointer, refParts, type Spec } from './spec.js'

/** One Ajv instance that holds one spec document, and the id it was added under. */
export interface SpecAjv {
  ajv: Ajv
  documentId: string
}

const instances = new Map<string, SpecAjv>()

/**
 * The Ajv instance that has this spec's whole document added under its own id,
 * so that every `#/components/…` reference in it resolves, however nested or recursive.
 */
export function ajvForSpec (spec: Spec): SpecAjv {
  const cached = instances.get(spec.file)
  if (cached !== undefined) return cached
  const ajv = new Ajv({ strict: false, allErrors: true, verbose: true })
  // Under NodeNext the CommonJS default export arrives as the module object, which carries the plugin as .default too.
  addFormatsPlugin.default(ajv)
  const { document, formats } = toJsonSchemaDocument(spec.document)
  for (const missing of MISSING_SCHEMAS) {
    if (missing.versions.includes(spec.version)) defineIfAbsent(document, refParts(missing.ref))
  }
  for (const format of formats) {
    // Formats JSON Schema does not define (Intercom's `timestamp`) are annotations, not checks.
    if (ajv.formats[format] === undefined) ajv.addFormat(format, true)
  }
  const documentId = `https://intercom-openapi.invalid/${encodeURIComponent(spec.folder)}/api.intercom.io.yaml`
  ajv.addSchema(document, documentId)
  const instance = { ajv, documentId }
  instances.set(spec.file, instance)
  return instance
}

/** A `$ref` to the node at these pointer parts of a spec's document, as Ajv resolves it. */
export function refInto (instance: SpecAjv, parts: readonly string[]): string {
  const fragment = jsonPointer(parts).split('/').map(encodeURIComponent).join('/')
  return `${instance.documentId}#${fragment}`
}

const COMPOSITIONS = ['allOf', 'anyOf', 'oneOf', 'not', '$ref'] as const

/**
 * A copy of the document in which OpenAPI 3.0's `nullable` means what the
 * 3.0.1 text says ("allows sending a null value for the defined schema"),
 * plus every format name the schemas use.
 *
 * Ajv 8 understands `nullable: true` only next to `type`: it throws
 * '"nullable" cannot be used without "type"' on `{ $ref, nullable }` or
 * `{ allOf, nullable }`, and it still rejects null when an `enum` lacks it.
 * The spec uses all three shapes.
 */
function toJsonSchemaDocument (source: object): { document: Record<string, unknown>, formats: Set<string> } {
  const document = structuredClone(source) as Record<string, unknown>
  const formats = new Set<string>()
  const seen = new Set<object>()

  const visitSchema = (schema: unknown): void => {
    if (!isObject(schema) || seen.has(schema)) return
    seen.add(schema)
    for (const key of ['properties', 'patternProperties'] as const) {
      if (isObject(schema[key])) Object.values(schema[key]).forEach(visitSchema)
    }
    for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
      if (Array.isArray(schema[key])) schema[key].forEach(visitSchema)
    }
    if (Array.isArray(schema.items)) schema.items.forEach(visitSchema)
    else visitSchema(schema.items)
    visitSchema(schema.additionalProperties)
    visitSchema(schema.not)
    if (typeof schema.format === 'string') formats.add(schema.format)
    normalizeNullable(schema)
  }

  // Schemas sit under components.schemas and under every `schema` key of media types, parameters and headers.
  const visitDocument = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visitDocument)
    if (!isObject(node)) return
    for (const [key, value] of Object.entries(node)) {
      if (key === 'example' || key === 'examples') continue
      if (key === 'schema') visitSchema(value)
      else visitDocument(value)
    }
  }
  const components = isObject(document.components) ? document.components : {}
  if (isObject(components.schemas)) Object.values(components.schemas).forEach(visitSchema)
  visitDocument(document)
  return { document, formats }
}

function normalizeNullable (schema: Record<string, unknown>): void {
  if (schema.nullable === undefined) return
  const nullable = schema.nullable === true
  const composed = COMPOSITIONS.some(key => schema[key] !== undefined)
  if (nullable && (schema.type === undefined || composed)) {
    // Wrapped in place so references to this node still land on it; `else` carries the original schema
    // and reports its errors unchanged, while the `if` keyword's own error is dropped by the validator.
    const inner: Record<string, unknown> = { ...schema }
    delete inner.nullable
    for (const key of Object.keys(schema)) delete schema[key]
    Object.assign(schema, { if: { type: 'null' }, then: true, else: inner })
    return
  }
  if (schema.type === undefined) {
    delete schema.nullable
    return
  }
  if (nullable && Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum = [...schema.enum, null]
}

function defineIfAbsent (document: Record<string, unknown>, parts: readonly string[]): void {
  let node = document
  for (const [i, part] of parts.entries()) {
    const last = i === parts.length - 1
    if (node[part] === undefined) node[part] = last ? { description: 'Not defined by the spec: accepts anything (see MISSING_SCHEMAS)' } : {}
    if (!isObject(node[part])) return
    node = node[part]
  }
}

function isObject (value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
