import { errors } from '../errors.js'
import type { TicketType, TicketTypeAttribute } from './types.js'

/** The attributes every ticket type has, by the keys Intercom gives them. */
export const DEFAULT_TITLE = '_default_title_'
export const DEFAULT_DESCRIPTION = '_default_description_'

/**
 * Checks `ticket_attributes` against the type's attributes and answers them merged over `current`:
 * every key must be an attribute of the type (by name, or the two default keys), each value of the
 * attribute's data type (a `list` value one of its options), and, when creating, every attribute
 * `required_to_create` present. Null clears an attribute.
 */
export function checkTicketAttributes (
  type: TicketType,
  given: Record<string, unknown> | undefined,
  options: { creating: boolean, current?: Record<string, unknown> }
): Record<string, unknown> {
  const attributes: Record<string, unknown> = { ...(options.current ?? {}) }
  const byName = new Map(type.attributes.filter(a => !a.archived).map(a => [a.name, a]))
  for (const [key, value] of Object.entries(given ?? {})) {
    const attribute = byName.get(key)
    if (attribute === undefined) throw errors.parameterInvalid(`${key} is not an attribute of the ticket type ${type.name}`, 'ticket_attributes')
    if (value === null) { delete attributes[key]; continue }
    checkValue(attribute, value)
    attributes[key] = value
  }
  if (options.creating) {
    for (const attribute of byName.values()) {
      if (attribute.requiredToCreate && (attributes[attribute.name] === undefined || attributes[attribute.name] === '')) {
        throw errors.parameterInvalid(`The ticket attribute ${attribute.name} is required to create a ticket of type ${type.name}`, 'ticket_attributes')
      }
    }
  }
  return attributes
}

function checkValue (attribute: TicketTypeAttribute, value: unknown): void {
  const ok = (() => {
    switch (attribute.dataType) {
      case 'string': return typeof value === 'string'
      case 'integer': return Number.isInteger(value)
      case 'decimal': return typeof value === 'number' && Number.isFinite(value)
      case 'boolean': return typeof value === 'boolean'
      case 'datetime': return Number.isInteger(value) || (typeof value === 'string' && !Number.isNaN(Date.parse(value)))
      case 'files': return Array.isArray(value)
      case 'list': return typeof value === 'string' && listLabels(attribute).includes(value)
    }
  })()
  if (ok) return
  const expected = attribute.dataType === 'list' ? `one of ${listLabels(attribute).join(', ')}` : `a ${attribute.dataType}`
  throw errors.parameterInvalid(`The ticket attribute ${attribute.name} must be ${expected}`, 'ticket_attributes')
}

function listLabels (attribute: TicketTypeAttribute): string[] {
  const options = attribute.inputOptions.list_options
  return Array.isArray(options) ? options.map(option => String((option as { label?: unknown }).label)) : []
}
