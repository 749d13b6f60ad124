import { errors } from './errors.js'

const MAX_ATTRIBUTES = 250
const MAX_KEY_LENGTH = 190
const MAX_STRING_LENGTH = 255

/**
 * Merges `changes` into `current` after checking Intercom's limits on custom attributes
 * (intercom-api.md §3.1): at most 250 keys of at most 190 characters with no `.` or `$`; values are
 * strings of at most 255 characters, numbers, booleans or null.
 */
export function mergeCustomAttributes (
  current: Record<string, unknown>,
  changes: Record<string, unknown> | undefined
): Record<string, unknown> {
  if (changes === undefined) return current
  for (const [key, value] of Object.entries(changes)) {
    const field = `custom_attributes.${key}`
    if (key.length === 0 || key.length > MAX_KEY_LENGTH || key.includes('.') || key.includes('$')) {
      throw errors.parameterInvalid(`Custom attribute names must be 1 to ${MAX_KEY_LENGTH} characters without . or $: ${key}`, field)
    }
    if (typeof value === 'string' && value.length > MAX_STRING_LENGTH) {
      throw errors.parameterInvalid(`Custom attribute ${key} is longer than ${MAX_STRING_LENGTH} characters`, field)
    }
    if (!(value === null || ['string', 'number', 'boolean'].includes(typeof value))) {
      throw errors.parameterInvalid(`Custom attribute ${key} must be a string, a number, a boolean or null`, field)
    }
  }
  const merged = { ...current, ...changes }
  if (Object.keys(merged).length > MAX_ATTRIBUTES) {
    throw errors.parameterInvalid(`A contact can have at most ${MAX_ATTRIBUTES} custom attributes`, 'custom_attributes')
  }
  return merged
}
