/**
 * The one list of places where the mock deliberately does not follow Intercom's
 * official OpenAPI description, because the description contradicts itself.
 *
 * The rule: an entry needs a reason citing the spec's own inconsistency (e.g.
 * its example contradicts its schema, or two of its schemas disagree about the
 * same object); never silence broadly. A mismatch that only means "the mock is
 * wrong" is fixed in the mock, not listed here. Entries name one operation and
 * one instance path (and preferably the keyword); a RegExp must match the whole
 * string, so a short pattern cannot silence more paths than it appears to.
 */
export interface KnownDeviation {
  /** Spec versions as `info.version` writes them (`2.11`, `Preview`); undefined = every version. */
  versions?: readonly string[]
  /** The operation as the spec writes it: `GET /conversations/{id}` (mind the parameter name per version). */
  operation: string | RegExp
  /** Ajv's instance path of the error: `/conversation_parts/conversation_parts/0/author/type`. */
  instancePath: string | RegExp
  /** Ajv keyword of the error (`enum`, `type`, `required`, …); undefined = any keyword at that path. */
  keyword?: string
  /** Which inconsistency of the spec this is, citing it. */
  reason: string
}

/** The deviations; empty until the spec is shown to contradict itself somewhere the mock cares about. */
export const KNOWN_DEVIATIONS: readonly KnownDeviation[] = []

/** One validation error, named the way deviations name it. */
export interface SpecErrorSite {
  /** `info.version` of the spec that was used. */
  version: string
  operation: string
  instancePath: string
  keyword: string
}

/** True when an entry of `deviations` matches the error on version, operation, instance path and keyword. */
export function isKnownDeviation (site: SpecErrorSite, deviations: readonly KnownDeviation[] = KNOWN_DEVIATIONS): boolean {
  return deviations.some(d =>
    (d.versions === undefined || d.versions.includes(site.version)) &&
    matchesWhole(d.operation, site.operation) &&
    matchesWhole(d.instancePath, site.instancePath) &&
    (d.keyword === undefined || d.keyword === site.keyword))
}

function matchesWhole (pattern: string | RegExp, value: string): boolean {
  if (typeof pattern === 'string') return pattern === value
  const match = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, '')).exec(value)
  return match !== null && match.index === 0 && match[0] === value
}

/**
 * A `$ref` the spec uses but never defines. Ajv cannot compile a schema that
 * reaches one, so a listed reference is read as "any value" (the spec says
 * nothing about it); an unlisted dangling reference stays a compile error.
 */
export interface MissingSchema {
  versions: readonly string[]
  /** The reference exactly as the spec writes it. */
  ref: string
  reason: string
}

/** Dangling references in response schemas, which would otherwise make whole operations unverifiable. */
export const MISSING_SCHEMAS: readonly MissingSchema[] = [
  {
    versions: ['2.11'],
    ref: '#/components/schemas/custom_attributes',
    reason: 'The 2.11 description refers to it from the `conversation` and `conversation_list_item` schemas ' +
      '(so every conversation response) but does not define it; 2.12 and later define it, 2.10 inlines an object there.'
  }
]
