import { MAX_ATTRIBUTE_NAME_LENGTH, MAX_SEARCH_VALUE_LENGTH, MAX_UNIX_TIME } from '../limits.js'
import { errors } from './errors.js'
import {
  CUSTOM_ATTRIBUTE_PREFIX, FILTER_OPERATORS, OPERATORS, TYPE_LABELS, fieldsOf, isDocumentedButUnsupported, searchableFieldList,
  type FieldSpec, type FieldType, type FilterOperator, type SearchKind
} from './search-fields.js'

export type ScalarValue = string | number | boolean

/**
 * One filter, validated: `field` as sent, its resolved `type`, and `value` normalised to that type
 * (dates and integers as numbers, booleans as booleans, ids as strings, emails downcased). `null`
 * (with `=` or `!=` only) matches a field that has no value.
 */
export interface SearchFilter {
  field: string
  type: FieldType
  operator: FilterOperator
  value: ScalarValue | ScalarValue[] | null
}

/** Filters or groups combined with AND or OR: at most 15 of them, nested at most 2 groups deep. */
export interface SearchGroup {
  operator: 'AND' | 'OR'
  value: SearchQuery[]
}

export type SearchQuery = SearchFilter | SearchGroup

export const isGroup = (query: SearchQuery): query is SearchGroup => !('field' in query)

/** "There's a limit of max 15 filters for each AND or OR group". */
export const MAX_GROUP_SIZE = 15
/**
 * "There's a limit of max 2 nested filters", with "(1 OR 2) AND (3 OR 4)" as the example: a group may
 * hold groups, and those only filters. A single filter is depth 0; the outer group is depth 1.
 */
export const MAX_GROUP_DEPTH = 2

const OPERATOR_LIST = FILTER_OPERATORS.join(', ')
const QUERY_SHAPE = 'a filter {"field", "operator", "value"} or a group {"operator": "AND" | "OR", "value": [...]}'

/** Parses `input`, found at `path` (e.g. `query.value[2]`), as a filter or a group of `kind`. */
export function parseQuery (input: unknown, path: string, kind: SearchKind, depth = 0): SearchQuery {
  if (!isObject(input)) throw errors.parameterInvalid(`${path} must be ${QUERY_SHAPE}; got ${describe(input)}`, path)
  if (input.field === undefined && (input.operator === 'AND' || input.operator === 'OR')) {
    return parseGroup(input, input.operator, path, kind, depth + 1)
  }
  if (input.field === undefined && isFilterOperator(input.operator)) {
    throw errors.parameterInvalid(`${path}.field is required: the name of the field to search, e.g. "created_at"`, `${path}.field`)
  }
  if (input.field === undefined) {
    throw errors.parameterInvalid(`${path}.operator must be AND or OR for a group, or one of ${OPERATOR_LIST} for a filter; got ${describe(input.operator)}`, `${path}.operator`)
  }
  return parseFilter(input, path, kind)
}

function parseGroup (input: Record<string, unknown>, operator: 'AND' | 'OR', path: string, kind: SearchKind, depth: number): SearchGroup {
  if (depth > MAX_GROUP_DEPTH) {
    throw errors.parameterInvalid(`${path} nests a third level of AND/OR groups: groups nest at most ${MAX_GROUP_DEPTH} deep, as in (a OR b) AND (c OR d); move its filters into the group that holds it`, path)
  }
  const items = input.value
  if (!Array.isArray(items)) {
    throw errors.parameterInvalid(`${path}.value of an ${operator} group must be an array of filters or groups; got ${describe(items)}`, `${path}.value`)
  }
  if (items.length === 0) throw errors.parameterInvalid(`${path}.value of an ${operator} group needs at least one filter`, `${path}.value`)
  if (items.length > MAX_GROUP_SIZE) {
    throw errors.parameterInvalid(`${path}.value holds ${items.length} filters: an ${operator} group takes at most ${MAX_GROUP_SIZE}; match several values of one field with IN or NIN, or split the group`, `${path}.value`)
  }
  return { operator, value: items.map((item, i) => parseQuery(item, `${path}.value[${i}]`, kind, depth)) }
}

function parseFilter (input: Record<string, unknown>, path: string, kind: SearchKind): SearchFilter {
  const field = input.field
  if (typeof field !== 'string' || field === '') {
    throw errors.parameterInvalid(`${path}.field must be the name of a field to search, e.g. "created_at"; got ${describe(field)}`, `${path}.field`)
  }
  const operator = input.operator
  if (operator === 'AND' || operator === 'OR') {
    throw errors.parameterInvalid(`${path}.operator ${operator} combines a group of filters and takes no field; a filter's operator is one of ${OPERATOR_LIST}`, `${path}.operator`)
  }
  if (!isFilterOperator(operator)) {
    throw errors.parameterInvalid(`${path}.operator must be one of ${OPERATOR_LIST}; got ${describe(operator)}`, `${path}.operator`)
  }
  const spec = fieldSpec(field, kind, `${path}.field`)
  if (!('value' in input) || input.value === undefined) {
    throw errors.parameterInvalid(`${path}.value is required: the value to compare ${field} with`, `${path}.value`)
  }
  const type = spec.custom === true ? customAttributeType(field, operator, input.value, `${path}.value`) : spec.type
  const allowed = spec.operators ?? OPERATORS[kind][type]
  if (!allowed.includes(operator)) {
    const why = kind === 'contact' && type === 'date' ? '; Intercom matches contact dates by calendar day' : ''
    throw errors.parameterInvalid(`${path}.operator ${operator} cannot be used on ${field}, ${TYPE_LABELS[type]} field: use one of ${allowed.join(', ')}${why}`, `${path}.operator`)
  }
  return { field, type, operator, value: parseValue(input.value, { ...spec, type }, field, operator, `${path}.value`) }
}

/** The spec of `field` for `kind`; an unknown field is a 400 listing the searchable ones. */
function fieldSpec (field: string, kind: SearchKind, path: string): FieldSpec {
  const spec = Object.hasOwn(fieldsOf(kind), field) ? fieldsOf(kind)[field] : undefined
  if (spec !== undefined) return spec
  if (kind === 'contact' && field.startsWith(CUSTOM_ATTRIBUTE_PREFIX)) {
    checkCustomAttributeName(field.slice(CUSTOM_ATTRIBUTE_PREFIX.length), path)
    return { type: 'string', custom: true }
  }
  const why = isDocumentedButUnsupported(kind, field)
    ? `${field} is searchable in Intercom, but this mock keeps no data behind it`
    : `${field} is not a searchable ${kind} field`
  throw errors.parameterInvalid(`${why}; search one of: ${searchableFieldList(kind)}`, path)
}

/**
 * Custom attribute names are Intercom's keys: at most 190 characters, no `.` or `$` (and no `"`, which
 * cannot be quoted, nor control characters, which SQLite's JSON paths cannot hold).
 */
export function checkCustomAttributeName (name: string, path: string): void {
  if (name === '' || name.length > MAX_ATTRIBUTE_NAME_LENGTH || /[."$\u0000-\u001f\u007f]/.test(name)) {
    throw errors.parameterInvalid(`${path} must name a custom attribute as custom_attributes.<name>, where the name has at most ${MAX_ATTRIBUTE_NAME_LENGTH} characters and no ".", "$", '"' or control characters; got ${describe(CUSTOM_ATTRIBUTE_PREFIX + name)}`, path)
  }
}

/**
 * The mock keeps no custom attribute definitions, so a custom attribute is typed by the filter: `~`,
 * `!~`, `^` and `$` compare strings, `<`, `>`, `<=` and `>=` numbers, and `=`, `!=`, `IN` and `NIN`
 * whatever type the value has (a string, a number or a boolean; one type per `IN` list).
 */
function customAttributeType (field: string, operator: FilterOperator, value: unknown, path: string): FieldType {
  if (['~', '!~', '^', '$'].includes(operator)) return 'string'
  if (['>', '<', '>=', '<='].includes(operator)) return 'number'
  const values = Array.isArray(value) ? value : [value]
  const types = new Set(values.map(v => typeof v))
  if (types.size > 1) throw errors.parameterInvalid(`${path} must hold values of one type for ${field}: all strings, all numbers or all booleans`, path)
  const [only] = types
  return only === 'number' ? 'number' : only === 'boolean' ? 'boolean' : 'string'
}

function parseValue (value: unknown, spec: FieldSpec, field: string, operator: FilterOperator, path: string): SearchFilter['value'] {
  if (operator === 'IN' || operator === 'NIN') {
    if (!Array.isArray(value)) throw errors.parameterInvalid(`${path} must be an array for ${operator}, e.g. ${EXAMPLE_LISTS[spec.type]}; got ${describe(value)}`, path)
    if (value.length === 0) throw errors.parameterInvalid(`${path} must hold at least one value for ${operator}`, path)
    return value.map((item, i) => parseScalar(item, spec, field, true, `${path}[${i}]`))
  }
  if (Array.isArray(value)) {
    throw errors.parameterInvalid(`${path} must be a single value for ${operator}; use IN or NIN to match any of several values`, path)
  }
  if (value === null) {
    if (spec.multi === true) throw errors.parameterInvalid(`${path} cannot be null for ${field}, a list: compare its members with a value of their type`, path)
    if (operator === '=' || operator === '!=') return null
    throw errors.parameterInvalid(`${path} cannot be null for ${operator} on ${field}: null only finds records without a ${field}, with = or !=`, path)
  }
  return parseScalar(value, spec, field, operator === '=' || operator === '!=', path)
}

/** One value checked against the field's type; `exact` when an enumerated field must match its values. */
function parseScalar (value: unknown, spec: FieldSpec, field: string, exact: boolean, path: string): ScalarValue {
  const parsed = scalarOfType(value, spec.type)
  if (typeof parsed === 'string' && parsed.length > MAX_SEARCH_VALUE_LENGTH) {
    throw errors.parameterInvalid(`${path} must be at most ${MAX_SEARCH_VALUE_LENGTH} characters long to search ${field}; got ${parsed.length}`, path)
  }
  if (parsed === undefined) {
    throw errors.parameterInvalid(`${path} must be ${EXPECTED[spec.type]} to search ${field}; got ${describe(value)}`, path)
  }
  if (typeof parsed === 'string' && spec.values !== undefined && exact && !spec.values.includes(parsed)) {
    throw errors.parameterInvalid(`${path} must be one of ${spec.values.join(', ')} to search ${field}; got ${describe(value)}`, path)
  }
  return typeof parsed === 'string' && spec.lowercase === true ? parsed.toLowerCase() : parsed
}

const EXPECTED: Record<FieldType, string> = {
  string: 'a string',
  id: 'a string or integer id',
  integer: 'an integer (or a string of digits)',
  date: `a UNIX timestamp in seconds from 0 to ${MAX_UNIX_TIME}, e.g. 1306054154 or "1306054154"`,
  boolean: 'true or false (or the string "true" or "false")',
  number: 'a number'
}

/**
 * SDKs send numbers and booleans as they have them: the official example sends a date as the string
 * "1306054154", and python-intercom sends `"value": "true"`. Both are accepted; anything else of the
 * wrong type is undefined (a 400).
 */
function scalarOfType (value: unknown, type: FieldType): ScalarValue | undefined {
  switch (type) {
    case 'string': return typeof value === 'string' ? value : undefined
    case 'id': return typeof value === 'string' ? value : Number.isSafeInteger(value) ? String(value) : undefined
    case 'integer': return integerOf(value)
    case 'date': {
      const seconds = integerOf(value)
      return seconds !== undefined && seconds >= 0 && seconds <= MAX_UNIX_TIME ? seconds : undefined
    }
    case 'boolean':
      if (typeof value === 'boolean') return value
      if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true'
      return undefined
    case 'number':
      if (typeof value === 'number' && Number.isFinite(value)) return value
      if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) return Number(value)
      return undefined
  }
}

function integerOf (value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : undefined
  if (typeof value !== 'string' || !/^-?\d{1,16}$/.test(value)) return undefined
  const n = Number(value)
  return Number.isSafeInteger(n) ? n : undefined
}

const EXAMPLE_LISTS: Record<FieldType, string> = {
  string: '["a", "b"]',
  id: '["1", "2"]',
  integer: '[1, 2]',
  date: '[1306054154, 1306140554]',
  boolean: '[true, false]',
  number: '[1, 2.5]'
}

function isFilterOperator (operator: unknown): operator is FilterOperator {
  return typeof operator === 'string' && (FILTER_OPERATORS as readonly string[]).includes(operator)
}

export function isObject (value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A value as a message quotes it: JSON, cut short. */
export function describe (value: unknown): string {
  if (value === undefined) return 'nothing'
  const json = JSON.stringify(value) ?? String(value)
  return json.length > 60 ? `${json.slice(0, 57)}...` : json
}
