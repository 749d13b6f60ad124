import type { FastifyInstance, FastifyPluginAsync, FastifyServerOptions, RouteOptions } from 'fastify'
import type { SwaggerOptions } from '@fastify/swagger'

/**
 * `GET /__mock/openapi.json`: the control plane's own OpenAPI 3.1, generated from its route schemas.
 *
 * @fastify/swagger (with the yaml package it loads) was a tenth of the modules loaded at start-up for a
 * route few runs call. So the control plane only records its routes as they are registered; the first
 * request for the document loads the plugin into a Fastify instance of its own, declares the recorded
 * routes there (never listening, never compiling a schema) and keeps the document it generates.
 */
export function openApiDocument (options: SwaggerOptions) {
  const routes: RouteOptions[] = []
  let document: Promise<unknown> | null = null
  return {
    /** Records the routes `app` and its children register from now on (as the plugin itself would). */
    recordRoutes (app: FastifyInstance): void {
      // Fastify's automatic HEAD twins of GET routes are left out, as the plugin leaves them out.
      app.addHook('onRoute', (route) => { if (route.method !== 'HEAD') routes.push(route) })
    },
    route (): FastifyPluginAsync {
      return async (app) => {
        app.get('/openapi.json', { schema: { hide: true } }, async () => await (document ??= generate(options, routes)))
      }
    }
  }
}

const neverCompiled = { compilersFactory: { buildValidator: () => () => () => true, buildSerializer: () => () => JSON.stringify } } as unknown as FastifyServerOptions['schemaController']

async function generate (options: SwaggerOptions, routes: readonly RouteOptions[]): Promise<unknown> {
  const [{ default: Fastify }, { default: swagger }] = await Promise.all([import('fastify'), import('@fastify/swagger')])
  const described = Fastify({ schemaController: neverCompiled })
  await described.register(swagger, options)
  for (const { method, url, schema, config, constraints } of routes) {
    described.route({ method, url, schema, config, constraints, handler: async () => null })
  }
  await described.ready()
  return described.swagger()
}
