import { serverHandle, workspaceHandle, type ServerHandle, type WorkspaceHandle } from './handle.js'
import { httpRequester, type ControlRequest } from './requester.js'

export interface ConnectOptions {
  /** The mock's INTERCOM_MOCK_ADMIN_TOKEN, when it runs with one. */
  adminToken?: string
}

/** A mock running elsewhere (docker-compose, another process), steered over its HTTP control plane. */
export interface IntercomMockConnection extends ServerHandle {
  url: string
  workspace: (token: string) => WorkspaceHandle
  /** A raw control call as a workspace (or, with null, server-wide): what the handles are built from. */
  requester: (token: string | null) => ControlRequest
}

export function connectIntercomMock (url: string, options: ConnectOptions = {}): IntercomMockConnection {
  const requester = (token: string | null) => httpRequester(url, { token, adminToken: options.adminToken })
  return { url, requester, workspace: (token) => workspaceHandle(token, requester(token)), ...serverHandle(requester(null)) }
}
