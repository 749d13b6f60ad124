/**
 * The API versions Intercom has (intercom-api.md §0.1): 1.0–1.4, 2.0–2.16, and the moving
 * `Unstable`/`Preview`, which the mock treats as newer than every numbered 2.x.
 */
export interface ApiVersion {
  /** As the client sent it (or the default), e.g. `1.4`, `2.11`, `Preview`. */
  label: string
  major: 1 | 2
  /** Minor version within the major; Unstable and Preview count as the highest. */
  minor: number
}

const LATEST_MINOR = Number.MAX_SAFE_INTEGER
const NUMBERED = /^(1)\.([0-4])$|^(2)\.([0-9]|1[0-6])$/

/** The version a header value names, or null when Intercom has no such version. */
export function parseApiVersion (value: string): ApiVersion | null {
  const label = value.trim()
  const lower = label.toLowerCase()
  if (lower === 'unstable' || lower === 'preview') return { label, major: 2, minor: LATEST_MINOR }
  const match = NUMBERED.exec(label)
  if (match === null) return null
  return match[1] === '1'
    ? { label, major: 1, minor: Number(match[2]) }
    : { label, major: 2, minor: Number(match[4]) }
}

/** True when `version` is `major.minor` or later within the same major. */
export function isAtLeast (version: ApiVersion, major: 1 | 2, minor: number): boolean {
  return version.major === major && version.minor >= minor
}
