import type { ApiVersion } from '../../versions.js'

/**
 * True for 2.11 only. Its description is the one with `required` lists, and it declares a few shapes
 * no earlier or later version has (a message's `subject`, an admin's avatar object); presenters
 * meet them for 2.11 alone rather than change what every other version sends.
 */
export function is211 (version: ApiVersion): boolean {
  return version.major === 2 && version.minor === 11
}
