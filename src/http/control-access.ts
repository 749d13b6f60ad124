import { timingSafeEqual } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { IntercomError } from '../domain/errors.js'
import { accessToken } from './workspace.js'

declare module 'fastify' {
  interface FastifyRequest {
    /** The access token a control call names its workspace by, or null for a server-wide call. */
    controlToken: string | null
  }
}

/** Every control call must carry `X-Intercom-Mock-Admin: <adminToken>` when one is set (401 otherwise). */
export function addAdminGuard (app: FastifyInstance, adminToken: string | null): void {
  if (adminToken === null) return
  const expected = Buffer.from(adminToken)
  app.addHook('onRequest', async (request) => {
    const given = request.headers['x-intercom-mock-admin']
    const actual = Buffer.from(typeof given === 'string' ? given : '')
    if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
      throw new IntercomError(401, 'unauthorized', given === undefined
        ? 'This mock requires the header X-Intercom-Mock-Admin for control calls'
        : 'The X-Intercom-Mock-Admin header does not match this mock\'s admin token')
    }
  })
}

/** Control calls name their workspace as API calls do: `Authorization: Bearer <token>` or Basic. */
export function addControlToken (app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    request.controlToken = accessToken(request.headers.authorization)
  })
}
