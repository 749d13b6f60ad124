import { createHash } from 'node:crypto'

/**
 * The name the UI gives a workspace in its URLs: a hash of its access token, so that a link or a
 * screenshot never shows the token, yet the key stays the same across resets (the token's next
 * workspace has the same key).
 */
export function workspaceKey (token: string): string {
  return createHash('sha256').update(token).digest('hex').slice(0, 16)
}

export const WORKSPACE_KEY_PATTERN = '^[0-9a-f]{16}$'
