/** The in-process API: start the mock inside a test runner, or build the app to `inject` requests. */
export { startIntercomMock, type IntercomMock, type StartOptions } from './server.js'
export { buildApp, type AppDependencies } from './app.js'
export { loadConfig, defaultConfig, ConfigError, type Config } from './config.js'
export { loadFixtures, validateFixtures, FixtureError, type Fixtures } from './control/fixtures.js'
export { fixedClock, systemClock, type Clock } from './domain/clock.js'
