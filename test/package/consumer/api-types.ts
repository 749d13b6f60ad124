// Type-checked in a scratch project that installed the packed tarball (test/package/consumer.test.ts),
// under strict and skipLibCheck: false, once with module nodenext and once with bundler resolution.
import * as everything from 'intercom-mock'
import {
  buildApp,
  ConfigError,
  defaultConfig,
  fixedClock,
  FixtureError,
  loadConfig,
  loadFixtures,
  startIntercomMock,
  systemClock,
  validateFixtures,
  type AppDependencies,
  type Clock,
  type Config,
  type Fixtures,
  type IntercomMock,
  type StartOptions
} from 'intercom-mock'

export async function inProcess (): Promise<string> {
  const options: StartOptions = { logLevel: 'silent', clock: fixedClock(1714564800), urlFile: null }
  const mock: IntercomMock = await startIntercomMock(options)
  const url: string = mock.url
  const port: number = mock.port
  await mock.close()
  return `${url} ${port}`
}

export function injected (): ReturnType<typeof buildApp> {
  const config: Config = defaultConfig({ dbPath: ':memory:', logLevel: 'silent' })
  const fixtures: Fixtures = loadFixtures('fixtures.json')
  const clock: Clock = systemClock
  const deps: AppDependencies = { fixtures: validateFixtures('inline', fixtures), clock }
  return buildApp(config, deps)
}

export function settings (): Config['port'] {
  try {
    return loadConfig(process.env, ['--port', '0']).config.port
  } catch (error) {
    if (error instanceof ConfigError || error instanceof FixtureError) return -1
    throw error
  }
}

// The store is not part of the public surface.
// @ts-expect-error no store option for users
export const withStore: StartOptions = { store: undefined }

export const names: string[] = Object.keys(everything)
