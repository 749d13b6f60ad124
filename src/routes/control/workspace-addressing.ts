import type { FastifyInstance } from 'fastify'
import { addWorkspaceAuth, type WorkspaceAuthOptions } from '../../http/workspace.js'
import { rejectUnknownFields } from './unknown-fields.js'

/**
 * Control routes name their workspace with the token the SDK uses, parsed as the API parses it
 * (Bearer, or Basic for 1.x-era clients); a token not seen yet gets its workspace from the fixtures.
 * Sets `request.ctx` for every route of `control`, marks them as control plane, and refuses body
 * fields their schemas do not declare.
 */
export function addControlAddressing (control: FastifyInstance, options: WorkspaceAuthOptions): void {
  addWorkspaceAuth(control, options)
  rejectUnknownFields(control)
  control.addHook('onRoute', (route) => { route.config = { ...route.config, controlPlane: true } })
}
