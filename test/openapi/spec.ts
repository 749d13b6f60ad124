import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import { isRef, type OpenApiDocument, type OperationObject } from './openapi-types.js'

/** Where the spec folders live when INTERCOM_OPENAPI_DIR is not set: the repository's copy (scripts/refresh-openapi.mjs). */
export const DEFAULT_OPENAPI_DIR = fileURLToPath(new URL('../../vendor/intercom-openapi/descriptions', import.meta.url))

/** Every version folder holds a file of this name. */
export const SPEC_FILE_NAME = 'api.intercom.io.yaml'

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const

/** Where to look for the spec files; tests pass their own env so they never depend on the global one. */
export interface SpecLocation {
  env?: NodeJS.ProcessEnv
  /** What a relative INTERCOM_OPENAPI_DIR is resolved against; process.cwd() (the repo root under tap) by default. */
  cwd?: string
}

/** One operation of the spec: a method on a path template exactly as the spec writes it. */
export interface SpecOperation {
  /** Upper case: `GET`. */
  method: string
  /** As written in this version's spec: `/conversations/{conversation_id}`. */
  path: string
  /** `GET /conversations/{conversation_id}`: how errors and known deviations name the operation. */
  name: string
  /** JSON pointer to the operation object inside the document. */
  pointer: string
  definition: OperationObject
  segments: readonly string[]
}

/** A parsed spec file. */
export interface Spec {
  /** The folder the file was read from: `2.11`, or `0` for Preview. */
  folder: string
  /** `info.version` of the file: `2.11`, `Preview`. Known deviations name versions this way. */
  version: string
  file: string
  document: OpenApiDocument
  operations: readonly SpecOperation[]
}

/**
 * The spec folder for an `Intercom-Version` header value.
 * Throws for 1.x (never described in OpenAPI) and for values Intercom does not accept.
 */
export function specFolderFor (version: string): string {
  const v = version.trim()
  // Folder 0 is the live "Preview" description; the `Unstable` folder is an abandoned 2023 draft, so it is never used.
  if (/^(preview|unstable)$/i.test(v)) return '0'
  const match = /^(\d+)\.(\d+)$/.exec(v)
  const major = Number(match?.[1])
  const minor = Number(match?.[2])
  if (major === 1) {
    throw new Error(`Intercom-Version ${v} is a 1.x version: Intercom never published an OpenAPI description for 1.x, so its responses cannot be validated against one`)
  }
  // Intercom published no description for 2.0–2.6; 2.7 is the oldest one and the closest to what those versions returned.
  if (major === 2 && minor >= 0 && minor <= 6) return '2.7'
  if (major === 2 && minor >= 7 && minor <= 16) return `2.${minor}`
  throw new Error(`unknown Intercom-Version "${version}": expected 2.0 to 2.16, Preview or Unstable`)
}

/** The absolute folder that holds `<version folder>/api.intercom.io.yaml`. */
export function specDirectory (location: SpecLocation = {}): string {
  const env = location.env ?? process.env
  const configured = env.INTERCOM_OPENAPI_DIR !== undefined && env.INTERCOM_OPENAPI_DIR !== '' ? env.INTERCOM_OPENAPI_DIR : DEFAULT_OPENAPI_DIR
  return resolve(location.cwd ?? process.cwd(), configured)
}

/** The absolute path of the spec file used for an `Intercom-Version` value. */
export function specFile (version: string, location: SpecLocation = {}): string {
  return join(specDirectory(location), specFolderFor(version), SPEC_FILE_NAME)
}

const cache = new Map<string, Spec>()

/**
 * The parsed spec for an `Intercom-Version` value, read once per file.
 * A missing file is always an error, never a skip: a validator with nothing to
 * validate against would let every test pass.
 */
export function loadSpec (version: string, location: SpecLocation = {}): Spec {
  const folder = specFolderFor(version)
  const dir = specDirectory(location)
  const file = join(dir, folder, SPEC_FILE_NAME)
  const cached = cache.get(file)
  if (cached !== undefined) return cached
  if (!existsSync(file)) throw missingSpecError(dir, file, location.env ?? process.env)
  let document: OpenApiDocument
  try {
    document = parse(readFileSync(file, 'utf8')) as OpenApiDocument
  } catch (error) {
    throw new Error(`cannot parse the Intercom OpenAPI description ${file}: ${(error as Error).message}`, { cause: error })
  }
  if (typeof document?.paths !== 'object' || document.paths === null) {
    throw new Error(`${file} is not an OpenAPI description: it has no "paths"`)
  }
  const spec = specFromDocument(document, folder, file)
  cache.set(file, spec)
  return spec
}

/** A spec from an already parsed document; `file` only names it in messages and caches, so it must be unique. */
export function specFromDocument (document: OpenApiDocument, folder: string, file: string): Spec {
  return { folder, version: String(document.info?.version ?? folder), file, document, operations: listOperations(document) }
}

function missingSpecError (dir: string, file: string, env: NodeJS.ProcessEnv): Error {
  const missing = existsSync(dir) ? file : dir
  const where = `Set INTERCOM_OPENAPI_DIR to the folder that holds <version>/${SPEC_FILE_NAME} (default: ${DEFAULT_OPENAPI_DIR}).`
  const lead = env.CI === 'true'
    ? 'CI needs the Intercom OpenAPI descriptions to validate responses'
    : 'the Intercom OpenAPI descriptions are needed to validate responses; these tests do not skip without them'
  return new Error(`${lead}, but ${missing} is missing. ${where}`)
}

function listOperations (document: OpenApiDocument): SpecOperation[] {
  const operations: SpecOperation[] = []
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of HTTP_METHODS) {
      const definition = item[method]
      if (typeof definition !== 'object' || definition === null || isRef(definition)) continue
      operations.push({
        method: method.toUpperCase(),
        path,
        name: `${method.toUpperCase()} ${path}`,
        pointer: jsonPointer(['paths', path, method]),
        definition: definition as OperationObject,
        segments: splitPath(path)
      })
    }
  }
  return operations
}

/**
 * The operation that serves a concrete request, or undefined.
 * Query string and fragment are ignored and a trailing slash is tolerated.
 * Where templates overlap, the one with a literal segment earliest wins, so
 * `/contacts/search` beats `/contacts/{id}`.
 */
export function findOperation (spec: Spec, method: string, url: string): SpecOperation | undefined {
  const wanted = method.toUpperCase()
  const segments = splitPath(requestPath(url)).map(decodeSegment)
  let best: SpecOperation | undefined
  let bestRank = ''
  for (const operation of spec.operations) {
    if (operation.method !== wanted || operation.segments.length !== segments.length) continue
    const matches = operation.segments.every((s, i) => isTemplated(s) ? segments[i] !== '' : s === segments[i])
    if (!matches) continue
    // '0' for a literal segment, '1' for a parameter: the smallest string is the most literal, earliest.
    const rank = operation.segments.map(s => isTemplated(s) ? '1' : '0').join('')
    if (best === undefined || rank < bestRank) {
      best = operation
      bestRank = rank
    }
  }
  return best
}

/** The path of a request URL without query, fragment, origin or trailing slash. */
export function requestPath (url: string): string {
  const withoutOrigin = /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? new URL(url).pathname : url
  const path = withoutOrigin.replace(/[?#].*$/s, '')
  const trimmed = path.length > 1 ? path.replace(/\/+$/, '') : path
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`
}

/** A JSON pointer (RFC 6901) from its unescaped parts. */
export function jsonPointer (parts: readonly string[]): string {
  return parts.map(p => '/' + p.replace(/~/g, '~0').replace(/\//g, '~1')).join('')
}

/**
 * What a local `#/…` reference points at in the document.
 * Throws if it points nowhere: a dangling reference is a broken spec, not a pass.
 */
export function resolveLocalRef (spec: Spec, ref: string): unknown {
  if (!ref.startsWith('#/')) throw new Error(`${spec.file}: only references inside the file are supported, not ${ref}`)
  let node: unknown = spec.document
  for (const key of refParts(ref)) {
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined
    if (node === undefined) throw new Error(`${spec.file}: reference ${ref} points nowhere`)
  }
  return node
}

/** The unescaped parts of a local reference: `#/components/schemas/a~1b` → `['components', 'schemas', 'a/b']`. */
export function refParts (ref: string): string[] {
  return ref.replace(/^#?\//, '').split('/').map(p => decodeURIComponent(p).replace(/~1/g, '/').replace(/~0/g, '~'))
}

function splitPath (path: string): string[] {
  return path.split('/').slice(1)
}

function isTemplated (segment: string): boolean {
  return /^\{[^}]+\}$/.test(segment)
}

function decodeSegment (segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}
