import type { FastifyPluginAsync } from 'fastify'
import { ATTACHMENT_PATH } from '../domain/attachments.js'
import { errors } from '../domain/errors.js'
import type { Store } from '../store/index.js'
import { Type } from '@sinclair/typebox'

const AttachmentParams = Type.Object({ key: Type.String({ pattern: '^[0-9a-f]{32}$' }), name: Type.String() })

/**
 * `GET /__mock/attachments/{key}/{name}`: a file sent as `attachment_files`, at the URL its
 * attachment gave. No token: Intercom's upload URLs are public, and the random key is the secret.
 */
export function attachmentRoutes (store: Store): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Params: { key: string, name: string } }>(`${ATTACHMENT_PATH}/:key/:name`, { schema: { params: AttachmentParams }, config: { controlPlane: true } }, async (request, reply) => {
      const file = store.attachmentContent(request.params.key)
      if (file === null) throw errors.routeNotFound()
      return reply.type(file.contentType).header('cache-control', 'public, max-age=31536000, immutable').send(file.data)
    })
  }
}
