import type { FastifyPluginAsync } from 'fastify'
import { errors } from '../domain/errors.js'
import type { Store } from '../store/index.js'

/** `GET /__mock/health`: 200 once the database answers a query (what Docker's HEALTHCHECK polls). */
export function healthRoutes (store: Store): FastifyPluginAsync {
  return async (app) => {
    app.get('/__mock/health', async () => {
      if (!store.ping()) throw errors.serviceUnavailable('The database is not open')
      return { status: 'ok' }
    })
  }
}
