import type { ErrorObject } from 'ajv'

const MAX_ALLOWED_SHOWN = 8
const MAX_VALUE_CHARS = 80

/**
 * One Ajv error as "where, what, and what was there":
 * `/conversation_parts/conversation_parts/0/author/type must be equal to one of the allowed values (admin, bot, …) — got "lead"`.
 * Needs Ajv's `verbose` option for the value.
 */
export function formatSchemaError (error: ErrorObject): string {
  const path = error.instancePath === '' ? '/' : error.instancePath
  const params = error.params as Record<string, unknown>
  let message = error.message ?? error.keyword
  switch (error.keyword) {
    case 'enum':
      message += ` (${listValues(params.allowedValues)})`
      break
    case 'const':
      message += ` (${JSON.stringify(params.allowedValue)})`
      break
    case 'additionalProperties':
      message += `: "${String(params.additionalProperty)}"`
      break
  }
  // The value of a whole object says nothing that the message does not already.
  if (error.keyword === 'required' || error.keyword === 'additionalProperties') return `${path} ${message}`
  return `${path} ${message} — got ${renderValue(error.data)}`
}

function listValues (values: unknown): string {
  if (!Array.isArray(values)) return String(values)
  const shown = values.slice(0, MAX_ALLOWED_SHOWN).map(v => typeof v === 'string' ? v : JSON.stringify(v))
  return values.length > MAX_ALLOWED_SHOWN ? `${shown.join(', ')}, …` : shown.join(', ')
}

/** A value as JSON, cut to a readable length. */
export function renderValue (value: unknown): string {
  const text = value === undefined ? 'nothing' : toJson(value)
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS - 1)}…` : text
}

function toJson (value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value)
  } catch {
    return String(value) // bigint, cycles: not JSON a server could have sent, but still worth naming
  }
}
