import { createRequire } from 'node:module'
import type { FastifyServerOptions } from 'fastify'

/**
 * Route schemas compiled on a route's first request instead of all at start-up: compiling every
 * route's validators (ajv) and response serializers (fast-json-stringify) was most of the time from
 * spawn to the first healthy answer, and a test run touches a few routes of many. Fastify's own
 * compilers do the compiling; only the moment moves. The compiler packages themselves (ajv alone is
 * some ninety modules) are loaded on that first compile too, so a start that answers only routes
 * without schemas (the health check) never loads them. Fastify reads a validator's `errors` after
 * calling it, so the wrapper carries them over.
 */
type Compile = (route: unknown) => (data: unknown) => unknown
type Factory = (...args: unknown[]) => Compile

// Fastify's own compiler packages, resolved from Fastify itself (its dependencies, not this package's).
const fromFastify = (name: string): Factory => {
  const require = createRequire(createRequire(import.meta.url).resolve('fastify'))
  return (require(name) as () => Factory)()
}

function lazily (loadFactory: () => Factory): Factory {
  let factory: Factory | null = null
  return (...args) => {
    let compile: Compile | null = null
    return (route) => {
      let compiled: ((data: unknown) => unknown) & { errors?: unknown } | null = null
      const run = (data: unknown): unknown => {
        if (compiled === null) {
          factory ??= loadFactory()
          compile ??= factory(...args)
          compiled = compile(route)
        }
        const result = compiled(data)
        run.errors = compiled.errors
        return result
      }
      run.errors = null as unknown
      return run
    }
  }
}

/** The `schemaController` option of Fastify that compiles each route's schemas on first use. */
export function lazySchemaController (): NonNullable<FastifyServerOptions['schemaController']> {
  const buildValidator = lazily(() => fromFastify('@fastify/ajv-compiler'))
  const buildSerializer = lazily(() => fromFastify('@fastify/fast-json-stringify-compiler'))
  // Fastify's declared compiler types are generic over its schema types; these wrappers pass everything through.
  return { compilersFactory: { buildValidator, buildSerializer } } as NonNullable<FastifyServerOptions['schemaController']>
}
