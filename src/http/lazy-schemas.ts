import { createRequire } from 'node:module'
import type { FastifyServerOptions } from 'fastify'

/**
 * Route schemas compiled on a route's first request instead of all at start-up: compiling every
 * route's validators (ajv) and response serializers (fast-json-stringify) was most of the time from
 * spawn to the first healthy answer, and a test run touches a few routes of many. Fastify's own
 * compilers do the compiling; only the moment moves. Fastify reads a validator's `errors` after
 * calling it, so the wrapper carries them over.
 */
type Compile = (route: unknown) => (data: unknown) => unknown
type Factory = (...args: unknown[]) => Compile

// Fastify's own compiler packages, resolved from Fastify itself (its dependencies, not this package's).
const fromFastify = createRequire(createRequire(import.meta.url).resolve('fastify'))

function lazily (factory: Factory): Factory {
  return (...args) => {
    const compile = factory(...args)
    return (route) => {
      let compiled: ((data: unknown) => unknown) & { errors?: unknown } | null = null
      const run = (data: unknown): unknown => {
        compiled ??= compile(route)
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
  const validators = (fromFastify('@fastify/ajv-compiler') as () => Factory)()
  const serializers = (fromFastify('@fastify/fast-json-stringify-compiler') as () => Factory)()
  // Fastify's declared compiler types are generic over its schema types; these wrappers pass everything through.
  return { compilersFactory: { buildValidator: lazily(validators), buildSerializer: lazily(serializers) } } as NonNullable<FastifyServerOptions['schemaController']>
}
