#!/usr/bin/env node
import { ConfigError, loadConfig, usage, type Config } from './config.js'
import { FixtureError } from './control/fixtures.js'
import { capHeapGrowth } from './heap-growth.js'
import { packageVersion } from './package-files.js'
import { startIntercomMock, type IntercomMock } from './server.js'

/** The `intercom-mock` command: configuration in, a listening mock out, a clean close on SIGINT/SIGTERM. */
async function main (): Promise<void> {
  const request = loadConfig(process.env, process.argv.slice(2))
  if (request.help) {
    process.stdout.write(usage())
    return
  }
  if (request.version) {
    process.stdout.write(`${packageVersion()}\n`)
    return
  }
  capHeapGrowth()
  const mock = await startIntercomMock(request.config).catch((error: unknown) => { throw startupError(error, request.config) })
  mock.app.log.info({ url: `${mock.url}/__mock/ui` }, `Web inbox at ${mock.url}/__mock/ui`)
  closeOnSignals(mock)
}

function closeOnSignals (mock: IntercomMock): void {
  let closing = false
  const close = (signal: NodeJS.Signals): void => {
    if (closing) process.exit(1) // a second signal: stop waiting for in-flight requests
    closing = true
    mock.app.log.info({ signal }, 'closing the server and the database')
    mock.close().then(() => process.exit(0), (error: unknown) => {
      mock.app.log.error({ err: error }, 'error while closing')
      process.exit(1)
    })
  }
  process.once('SIGINT', close)
  process.once('SIGTERM', close)
}

/** Turns the usual startup failures into one line that names the real cause and the setting to change. */
function startupError (error: unknown, config: Config): unknown {
  const { code, syscall, path } = error as NodeJS.ErrnoException
  if (syscall === 'listen' || syscall === 'bind') {
    if (code === 'EADDRINUSE') return new ConfigError(`PORT ${config.port} is already in use on ${config.host}; choose another port`)
    if (code === 'EACCES' || code === 'EPERM') return new ConfigError(`PORT ${config.port} needs privileges this process does not have; choose a port above 1023`)
    if (code === 'EADDRNOTAVAIL') return new ConfigError(`HOST ${config.host} is not an address of this machine`)
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new ConfigError(`HOST ${config.host} is not an address of this machine`)
  if (config.urlFile !== null && path === config.urlFile) {
    return new ConfigError(`INTERCOM_MOCK_URL_FILE ${config.urlFile} cannot be written: ${fileProblem(code, path)}`)
  }
  if (typeof syscall === 'string' && typeof path === 'string') {
    return new ConfigError(`INTERCOM_MOCK_DB ${config.dbPath} cannot be created: ${fileProblem(code, path)}`)
  }
  if (typeof code === 'string' && code.startsWith('SQLITE_')) {
    const hint = code === 'SQLITE_CANTOPEN' ? ' (is its folder writable by this user?)' : ''
    return new ConfigError(`INTERCOM_MOCK_DB ${config.dbPath} cannot be opened: ${(error as Error).message}${hint}`)
  }
  return error
}

/** What went wrong with a path, in words, with the system's code. */
function fileProblem (code: string | undefined, path: string): string {
  switch (code) {
    case 'EACCES':
    case 'EPERM': return `this user may not write ${path} (${code})`
    case 'ENOTDIR': return `a part of ${path} is a file, not a folder (ENOTDIR)`
    case 'EROFS': return `${path} is on a read-only file system (EROFS)`
    case 'ENOENT': return `${path} is in a folder that does not exist (ENOENT)`
    case 'EISDIR': return `${path} is a folder (EISDIR)`
    default: return `${path}: ${code ?? 'unknown error'}`
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof FixtureError) {
    process.stderr.write(`intercom-mock: ${error.message}\n`)
    process.exit(2)
  }
  process.stderr.write(`intercom-mock: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`)
  process.exit(1)
})
