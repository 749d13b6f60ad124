import type { FastifyInstance } from 'fastify'
import type { IncomingMessage } from 'node:http'
import type { Workspaces } from '../control/workspaces.js'
import type { Workspace } from '../domain/types.js'
import { errors } from '../domain/errors.js'
import { wakeSnoozedConversations } from '../domain/snoozes.js'

export interface WorkspaceAuthOptions {
  workspaces: Workspaces
  /** Strict mode (INTERCOM_MOCK_TOKENS): only these tokens are accepted. Null accepts any token. */
  allowedTokens: ReadonlySet<string> | null
}

/**
 * Resolves the access token of every API request to its workspace (created on first use), or answers
 * 401 `unauthorized` "Access Token Invalid" as Intercom does for a missing or refused token.
 */
export function addWorkspaceAuth (api: FastifyInstance, { workspaces, allowedTokens }: WorkspaceAuthOptions): void {
  api.addHook('onRequest', (request, _reply, done) => {
    const token = accessToken(request.headers.authorization)
    if (token === null || (allowedTokens !== null && !allowedTokens.has(token))) throw errors.unauthorized()
    request.ctx = workspaces.contextFor(requestWorkspace(workspaces, request.raw, token) ?? workspaces.forToken(token))
    // Snoozes wake when the workspace's clock passes them, whether real time or an advance moved it.
    wakeSnoozedConversations(request.ctx)
    done()
  })
}

const LOOKED_UP = Symbol('the workspace of the request\'s token')
type LookedUpRequest = IncomingMessage & { [LOOKED_UP]?: { token: string, workspace: Workspace | null } }

/**
 * The workspace of `token` (null before its first use), looked up once a request: routing, the version
 * hook and the workspace hook each need it, and each lookup asks SQLite whether another process has
 * committed since (store/workspaces.ts).
 */
export function requestWorkspace (workspaces: Workspaces, req: IncomingMessage, token: string): Workspace | null {
  const seen = (req as LookedUpRequest)[LOOKED_UP]
  if (seen?.token === token) return seen.workspace
  const workspace = workspaces.find(token)
  ;(req as LookedUpRequest)[LOOKED_UP] = { token, workspace }
  return workspace
}

/**
 * The token in `Authorization: Bearer <token>`, or in `Basic base64(<token>:)` as the 1.x-era SDKs
 * send it (a username with an empty password; an `appId:apiKey` pair is taken whole).
 */
export function accessToken (authorization: string | undefined): string | null {
  if (authorization === undefined) return null
  // Routing, request ids and the workspace hook each need the token of every request: parse a header once.
  const known = parsedTokens.get(authorization)
  if (known !== undefined) return known
  if (parsedTokens.size >= PARSED_TOKENS_KEPT) parsedTokens.clear()
  const token = parseAccessToken(authorization)
  parsedTokens.set(authorization, token)
  return token
}

const PARSED_TOKENS_KEPT = 1000
const parsedTokens = new Map<string, string | null>()

function parseAccessToken (authorization: string): string | null {
  const [scheme = '', ...rest] = authorization.trim().split(/\s+/)
  const credentials = rest.join(' ')
  if (credentials === '') return null
  // No token holds control characters; refusing them keeps names of dropped workspaces (control/workspaces.ts) unreachable.
  if (/[\u0000-\u001f]/.test(credentials)) return null
  if (scheme.toLowerCase() === 'bearer') return credentials
  if (scheme.toLowerCase() !== 'basic') return null
  const decoded = Buffer.from(credentials, 'base64').toString('utf8')
  const separator = decoded.indexOf(':')
  if (/[\u0000-\u001f]/.test(decoded)) return null
  if (separator === -1) return decoded === '' ? null : decoded
  const [user, password] = [decoded.slice(0, separator), decoded.slice(separator + 1)]
  if (user === '') return null
  return password === '' ? user : decoded
}
