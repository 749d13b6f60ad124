import { readFileSync } from 'node:fs'

/**
 * A file of this package by its path from the package's root. Resolved from this module, which sits one
 * folder below the root wherever it runs: src/ (tests run the sources), dist/ (the compiled package) and
 * dist/cli.js (the bundled command, where every module shares the bundle's location).
 */
export function packageFile (path: string): URL {
  return new URL(`../${path}`, import.meta.url)
}

/** The version in this package's package.json. */
export function packageVersion (): string {
  return (JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as { version: string }).version
}
