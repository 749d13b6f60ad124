import type { FastifyInstance } from 'fastify'

/** `GET /__mock/openapi.json`: the control plane's own OpenAPI 3.1, generated from its route schemas. */
export function openApiRoute () {
  return async (app: FastifyInstance): Promise<void> => {
    app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger())
  }
}
