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

/** 2.11's operations that answer a conversation (whole, or as list items). */
const CONVERSATION_OPERATIONS_2_11 = /(GET|PUT) \/conversations\/\{conversation_id\}|POST \/conversations\/\{conversation_id\}\/(reply|parts|customers|run_assignment_rules)|DELETE \/conversations\/\{conversation_id\}\/customers\/\{contact_id\}|POST \/conversations\/redact|GET \/conversations|POST \/conversations\/search/

/** Operations that answer 2.x contacts, whole or in lists. */
const CONTACT_OPERATIONS = /(GET|POST|PUT) \/contacts(\/\{(id|contact_id)\}(\/(archive|unarchive))?|\/merge|\/search|\/find_by_external_id\/\{external_id\})?|POST \/visitors\/convert|GET \/companies\/\{(id|company_id)\}\/contacts/

/** The deviations, each where the spec contradicts itself somewhere the mock cares about. */
export const KNOWN_DEVIATIONS: readonly KnownDeviation[] = [
  {
    operation: CONTACT_OPERATIONS,
    instancePath: /(\/data\/\d+)?\/(tags|notes|companies)\/url/,
    keyword: 'format',
    reason: 'contact_tags, contact_notes and contact_companies declare `url` as `format: uri` (absolute), but every contact ' +
      'example, including the property\'s own `example: /contacts/5ba682d23d7cf92bef87bfd4/tags`, has a relative path; ' +
      'the mock sends the path, as Intercom does (recorded in validator.test.ts, CONTACT_URLS)'
  },
  {
    operation: CONTACT_OPERATIONS,
    instancePath: /(\/data\/\d+)?\/(tags|notes|companies|opted_(in|out)_subscription_types)\/data\/\d+\/(type|url)/,
    keyword: 'format',
    reason: 'the items of a contact\'s tags, notes and subscription types are `addressable_list`, whose `type` and `url` both ' +
      'say `format: uri`, yet the schema\'s own examples are `type: note` and `url: /contacts/5ba682d23d7cf92bef87bfd4/notes` ' +
      '(a word and a relative path), as are company_data\'s; the mock sends the type\'s name and the relative path'
  },
  {
    operation: 'GET /events',
    instancePath: '/type',
    keyword: 'enum',
    reason: 'GET /events answers a `data_event_summary` in every description, for the list too, though the same file defines ' +
      '`data_event_list` (`type: event.list`, `events`, `pages`) and nothing refers to it; the list of events is answered as ' +
      'that `data_event_list`, the summary (`summary=true`) as `data_event_summary`'
  },
  {
    operation: 'GET /data_attributes',
    instancePath: /\/data\/\d+\/model/,
    keyword: 'enum',
    reason: 'GET /data_attributes takes `model=conversation` (its own `model` parameter enumerates contact, company, ' +
      'conversation), but the `data_attribute` it answers with enumerates only contact and company for `model`; a ' +
      'conversation\'s attributes are answered with model conversation'
  },
  {
    versions: ['2.7', '2.8', '2.9', '2.10', '2.12', '2.13', '2.14', '2.15', '2.16', 'Preview'],
    operation: /GET \/admins\/\{(id|admin_id)\}/,
    instancePath: '/avatar',
    keyword: 'type',
    reason: 'these descriptions type `admin.avatar` as a URL string, while the same file\'s `admin_with_app.avatar` (the same ' +
      'admin, from GET /me) is an object with `image_url`, and 2.11 declares `admin.avatar` as `{ image_url }` ' +
      '(Intercom-OpenAPI #199, "change Admin avatar scheme to object"); the mock sends the object, as the official SDKs expect'
  },
  {
    operation: /(GET|PUT) \/visitors/,
    instancePath: '/email',
    keyword: 'format',
    reason: 'the `visitor` schema says `email` is `format: email`, but the spec\'s own GET /visitors example (a visitor who gave ' +
      'no email) has `"email": ""`; the mock sends "" for a visitor without an email, as that example does'
  },
  {
    versions: ['2.11'],
    operation: CONVERSATION_OPERATIONS_2_11,
    instancePath: /(\/conversations\/\d+)?\/conversation_rating/,
    keyword: 'type',
    reason: '2.11 alone makes `conversation_rating` non-nullable (every other version has `nullable: true`), yet its own ' +
      'conversation examples have `"conversation_rating": null`, which is what Intercom sends for an unrated conversation ' +
      '(recorded in validator.test.ts, NULL_2_11_OBJECTS)'
  },
  {
    versions: ['2.11'],
    operation: CONVERSATION_OPERATIONS_2_11,
    instancePath: /(\/conversations\/\d+)?\/first_contact_reply/,
    keyword: 'type',
    reason: '2.11 alone makes `first_contact_reply` non-nullable (every other version has `nullable: true`), yet its own ' +
      'conversation examples have `"first_contact_reply": null`, as for a conversation the contact has not replied to ' +
      '(recorded in validator.test.ts, NULL_2_11_OBJECTS)'
  },
  {
    versions: ['2.11'],
    operation: CONVERSATION_OPERATIONS_2_11,
    instancePath: /(\/conversations\/\d+)?\/source\/author|\/conversation_parts\/conversation_parts\/\d+\/author/,
    keyword: 'required',
    reason: '2.11\'s `conversation_part_author` requires `email` (`format: email`, not nullable), while 2.11\'s own `contact` ' +
      'schema does not require one: a lead who never gave an email has none to show when it writes. Other versions leave it ' +
      'optional and 2.16 makes the source author\'s email nullable; the mock leaves the key out'
  },
  {
    versions: ['2.11'],
    operation: CONVERSATION_OPERATIONS_2_11,
    instancePath: /(\/conversations\/\d+)?\/source\/attachments\/\d+|\/conversation_parts\/conversation_parts\/\d+\/attachments\/\d+/,
    keyword: 'required',
    reason: '2.11\'s `part_attachment` describes `width` and `height` as "The width of the file in pixels, if applicable" ' +
      'yet requires them (no other version does); the mock cannot know a fetched file\'s size, so it leaves them out'
  }
]

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
