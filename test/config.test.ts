import { resolve } from 'node:path'
import t from 'tap'
import { ConfigError, loadConfig, usage } from '../src/config.js'

t.test('defaults', async t => {
  t.strictSame(loadConfig({}).config, {
    port: 8080,
    host: '127.0.0.1',
    dbPath: 'data/intercom-mock.sqlite',
    fixturesPath: resolve('fixtures/default.json'),
    tokens: null,
    apiVersion: '1.4',
    logLevel: 'info',
    urlFile: null,
    adminToken: null,
    journalSize: 1000,
    rateLimit: { limit: 1666, windowSeconds: 10 },
    undeclaredAttributes: 'refuse'
  })
})

t.test('the default fixtures are the package\'s own file, whatever the working directory; a given one stays relative', async t => {
  const previous = process.cwd()
  process.chdir(t.testdir())
  t.teardown(() => process.chdir(previous))
  t.equal(loadConfig({}).config.fixturesPath, resolve(previous, 'fixtures/default.json'))
  t.equal(loadConfig({ INTERCOM_MOCK_FIXTURES: 'mine.json' }).config.fixturesPath, 'mine.json')
})

t.test('INTERCOM_MOCK_RATE_LIMIT: <limit>/<seconds>, <limit> for 10 s windows, or off', async t => {
  t.strictSame(loadConfig({ INTERCOM_MOCK_RATE_LIMIT: '100/60' }).config.rateLimit, { limit: 100, windowSeconds: 60 })
  t.strictSame(loadConfig({ INTERCOM_MOCK_RATE_LIMIT: ' 25 ' }).config.rateLimit, { limit: 25, windowSeconds: 10 })
  t.equal(loadConfig({ INTERCOM_MOCK_RATE_LIMIT: 'OFF' }).config.rateLimit, null)
  t.strictSame(loadConfig({ INTERCOM_MOCK_RATE_LIMIT: 'off' }, ['--rate-limit', '3/1']).config.rateLimit, { limit: 3, windowSeconds: 1 })
  for (const bad of ['', 'many', '0', '10/0', '10/3601', '-5', '10/s', '1.5']) {
    t.throws(() => loadConfig({ INTERCOM_MOCK_RATE_LIMIT: bad }), new ConfigError(`INTERCOM_MOCK_RATE_LIMIT must be <limit>/<seconds> (e.g. 1666/10; seconds 1–3600), <limit> for 10 s windows, or off, not "${bad}"`), bad)
  }
})

t.test('environment variables, overridden by flags', async t => {
  const env = {
    PORT: '9000',
    HOST: '0.0.0.0',
    INTERCOM_MOCK_DB: ':memory:',
    INTERCOM_MOCK_FIXTURES: 'f.json',
    INTERCOM_MOCK_TOKENS: ' a, b ,,c ',
    INTERCOM_MOCK_API_VERSION: '2.11',
    LOG_LEVEL: 'WARN',
    INTERCOM_MOCK_URL_FILE: '/tmp/mock.url',
    INTERCOM_MOCK_ADMIN_TOKEN: 'admin',
    INTERCOM_MOCK_JOURNAL_SIZE: '50',
    INTERCOM_MOCK_UNDECLARED_ATTRIBUTES: 'Accept'
  }
  t.strictSame(loadConfig(env).config, {
    port: 9000, host: '0.0.0.0', dbPath: ':memory:', fixturesPath: 'f.json', tokens: ['a', 'b', 'c'], apiVersion: '2.11', logLevel: 'warn', urlFile: '/tmp/mock.url', adminToken: 'admin', journalSize: 50, rateLimit: { limit: 1666, windowSeconds: 10 }, undeclaredAttributes: 'accept'
  })
  const flagged = loadConfig(env, ['--port', '9001', '--db=x.sqlite', '--tokens', 'z', '--log-level', 'error', '--api-version', '1.1', '--host', '::1', '--fixtures', 'g.json', '--url-file', 'u', '--admin-token', 'root', '--journal-size', '0', '--undeclared-attributes', 'refuse'])
  t.strictSame(flagged.config, {
    port: 9001, host: '::1', dbPath: 'x.sqlite', fixturesPath: 'g.json', tokens: ['z'], apiVersion: '1.1', logLevel: 'error', urlFile: 'u', adminToken: 'root', journalSize: 0, rateLimit: { limit: 1666, windowSeconds: 10 }, undeclaredAttributes: 'refuse'
  })
  t.equal(loadConfig({}, ['--help']).help, true)
  t.equal(loadConfig({}, ['-v']).version, true)
})

t.test('each invalid setting is one ConfigError naming the variable or flag', async t => {
  const cases: Array<[Record<string, string>, string[], string]> = [
    [{ PORT: 'abc' }, [], 'PORT must be a port number from 0 to 65535, not "abc"'],
    [{ PORT: '70000' }, [], 'PORT must be a port number from 0 to 65535, not "70000"'],
    [{}, ['--port=-1'], '--port must be a port number from 0 to 65535, not "-1"'],
    [{ HOST: ' ' }, [], 'HOST must not be empty'],
    [{ INTERCOM_MOCK_DB: '' }, [], 'INTERCOM_MOCK_DB must not be empty'],
    [{ INTERCOM_MOCK_TOKENS: ' , ' }, [], 'INTERCOM_MOCK_TOKENS is set but lists no token; unset it to accept any token'],
    [{ INTERCOM_MOCK_API_VERSION: '3.0' }, [], 'INTERCOM_MOCK_API_VERSION must be an Intercom API version (1.0–1.4, 2.0–2.16, Unstable or Preview), not "3.0"'],
    [{ LOG_LEVEL: 'loud' }, [], 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, not "loud"'],
    [{ INTERCOM_MOCK_JOURNAL_SIZE: 'lots' }, [], 'INTERCOM_MOCK_JOURNAL_SIZE must be a whole number from 0 to 1000000, not "lots"'],
    [{ INTERCOM_MOCK_ADMIN_TOKEN: ' ' }, [], 'INTERCOM_MOCK_ADMIN_TOKEN must not be empty'],
    [{}, ['--undeclared-attributes=maybe'], '--undeclared-attributes must be one of refuse, accept, not "maybe"']
  ]
  for (const [env, argv, message] of cases) {
    t.throws(() => loadConfig(env, argv), new ConfigError(message), message)
  }
  t.throws(() => loadConfig({}, ['--colour']), new ConfigError('unknown option --colour; see intercom-mock --help'))
  t.throws(() => loadConfig({}, ['--port', '-1']), new ConfigError('option --port needs a value (write --port=VALUE if it starts with -); see intercom-mock --help'))
  t.throws(() => loadConfig({}, ['--port']), new ConfigError('option --port needs a value (write --port=VALUE if it starts with -); see intercom-mock --help'))
  t.throws(() => loadConfig({}, ['serve']), new ConfigError("unexpected argument serve; see intercom-mock --help"))
})

t.test('usage lists every variable and flag', async t => {
  const text = usage()
  for (const name of ['PORT', 'HOST', 'INTERCOM_MOCK_DB', 'INTERCOM_MOCK_FIXTURES', 'INTERCOM_MOCK_TOKENS', 'INTERCOM_MOCK_API_VERSION', 'LOG_LEVEL', 'INTERCOM_MOCK_URL_FILE', '--port', '--db', '--url-file', 'INTERCOM_MOCK_RATE_LIMIT', '--rate-limit', 'INTERCOM_MOCK_UNDECLARED_ATTRIBUTES', '--undeclared-attributes', '--help']) {
    t.match(text, name)
  }
})
