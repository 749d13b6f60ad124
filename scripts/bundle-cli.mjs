// Bundles the `intercom-mock` command (src/cli.ts) with its dependencies into the one file dist/cli.js,
// over the file tsc wrote there. Resolving, reading and compiling some 400 modules one by one was most
// of the time from spawn to the first answer; one file is read and compiled at once. Left outside:
// better-sqlite3 (a native addon, found by its path), the packages loaded only on first use (the
// OpenAPI document's @fastify/swagger; Fastify's schema compilers, see src/http/lazy-schemas.ts) and
// nothing else, so the command needs only the package's installed dependencies. dist/index.js (the
// in-process API) stays tsc's output. Part of `npm run build`, after tsc.
import { build } from 'esbuild'

await build({
  entryPoints: [new URL('../src/cli.ts', import.meta.url).pathname],
  outfile: new URL('../dist/cli.js', import.meta.url).pathname,
  allowOverwrite: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['better-sqlite3', '@fastify/swagger', '@fastify/ajv-compiler', '@fastify/fast-json-stringify-compiler'],
  // The CommonJS packages inside call require(); an ES module has none of its own.
  banner: { js: "import { createRequire as createRequireOfBundle } from 'node:module'\nconst require = createRequireOfBundle(import.meta.url)" },
  legalComments: 'none',
  // Without comments the bundle is all ASCII, which V8 keeps one byte a character (a non-ASCII
  // character in one comment made it keep the 1.7 MB source at two, 3.4 MB of heap for the life of
  // the process). Names stay as written, so stack traces still name their functions.
  minifyWhitespace: true,
  logLevel: 'warning'
})
