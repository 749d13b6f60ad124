import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { Type, type Static } from '@sinclair/typebox'
import { MAX_WINDOW_SECONDS, parseRateLimit, type RateLimitSetting } from './control/rate-limit/setting.js'
import { packageFile } from './package-files.js'
import { StringEnum } from './schemas/common.js'
import { parseApiVersion } from './versions.js'

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const
const UNDECLARED_ATTRIBUTES = ['refuse', 'accept'] as const

export const ConfigSchema = Type.Object({
  port: Type.Integer({ minimum: 0, maximum: 65535 }),
  host: Type.String({ minLength: 1 }),
  dbPath: Type.String({ minLength: 1 }),
  fixturesPath: Type.String({ minLength: 1 }),
  /** Where the command writes its URL once listening (the Docker health check reads it); null writes none. */
  urlFile: Type.Union([Type.Null(), Type.String({ minLength: 1 })]),
  /** Strict mode: only these tokens are accepted. Null accepts any token, one workspace each. */
  tokens: Type.Union([Type.Null(), Type.Array(Type.String({ minLength: 1 }), { minItems: 1 })]),
  /** The Intercom-Version of requests that send none. */
  apiVersion: Type.String(),
  logLevel: StringEnum(LOG_LEVELS),
  /** When set, every /__mock route but health requires `X-Intercom-Mock-Admin: <adminToken>`. */
  adminToken: Type.Union([Type.Null(), Type.String({ minLength: 1 })]),
  /** Entries the request journal keeps per workspace (and server-wide). */
  journalSize: Type.Integer({ minimum: 0 }),
  /** Each workspace's rate limit unless its fixtures set one; null is off. */
  rateLimit: Type.Union([Type.Null(), Type.Object({ limit: Type.Integer({ minimum: 1 }), windowSeconds: Type.Integer({ minimum: 1, maximum: MAX_WINDOW_SECONDS }) })]),
  /** `refuse` (Intercom's rule) or `accept`: whether custom attributes must be declared before they are set. */
  undeclaredAttributes: StringEnum(UNDECLARED_ATTRIBUTES)
})

export type Config = Static<typeof ConfigSchema>

/** A configuration problem: one line naming the variable (and flag) and what it should be. */
export class ConfigError extends Error {
  override name = 'ConfigError'
}

interface Setting {
  key: keyof Config
  env: string
  flag: string
  /** The default as the README and --help show it; null: unset. */
  default: string | null
  /** The value when unset, where it is not `default` parsed (a path inside the installed package). */
  fallback?: () => Config[keyof Config]
  description: string
  parse: (raw: string, source: string) => Config[keyof Config]
}

/** The fixtures this package ships, found beside the installed module whatever the working directory. */
export function bundledFixtures (): string {
  return fileURLToPath(packageFile('fixtures/default.json'))
}

/** Every setting: an environment variable and the CLI flag that overrides it (README's table comes from here). */
export const SETTINGS: readonly Setting[] = [
  { key: 'port', env: 'PORT', flag: 'port', default: '8080', description: 'TCP port to listen on (0 picks a free one)', parse: parsePort },
  { key: 'host', env: 'HOST', flag: 'host', default: '127.0.0.1', description: 'Interface to listen on (the Docker image sets 0.0.0.0)', parse: nonEmpty },
  { key: 'dbPath', env: 'INTERCOM_MOCK_DB', flag: 'db', default: 'data/intercom-mock.sqlite', description: 'SQLite database file, or :memory: for state that ends with the process', parse: nonEmpty },
  { key: 'fixturesPath', env: 'INTERCOM_MOCK_FIXTURES', flag: 'fixtures', default: 'fixtures/default.json', fallback: bundledFixtures, description: 'Fixture file every new workspace is seeded from (by default the one inside the installed package)', parse: nonEmpty },
  { key: 'tokens', env: 'INTERCOM_MOCK_TOKENS', flag: 'tokens', default: null, description: 'Comma-separated access tokens; when set, only these are accepted (strict mode)', parse: parseTokens },
  { key: 'apiVersion', env: 'INTERCOM_MOCK_API_VERSION', flag: 'api-version', default: '1.4', description: 'Intercom-Version assumed for requests that send none', parse: parseVersion },
  { key: 'logLevel', env: 'LOG_LEVEL', flag: 'log-level', default: 'info', description: `Log level: ${LOG_LEVELS.join(', ')}`, parse: parseLogLevel },
  { key: 'urlFile', env: 'INTERCOM_MOCK_URL_FILE', flag: 'url-file', default: null, description: 'File to write the listening URL to once started, removed on a clean stop (the Docker health check reads it)', parse: nonEmpty },
  { key: 'adminToken', env: 'INTERCOM_MOCK_ADMIN_TOKEN', flag: 'admin-token', default: null, description: 'When set, /__mock control calls (all but health) need the header X-Intercom-Mock-Admin with this value', parse: nonEmpty },
  { key: 'journalSize', env: 'INTERCOM_MOCK_JOURNAL_SIZE', flag: 'journal-size', default: '1000', description: 'Requests the journal keeps per workspace and server-wide, newest first (0 records none)', parse: parseCount },
  { key: 'rateLimit', env: 'INTERCOM_MOCK_RATE_LIMIT', flag: 'rate-limit', default: '1666/10', description: 'Requests per workspace per window, as `<limit>/<seconds>` (Intercom\'s 10,000 a minute is 1666 per 10 s), or off; fixtures and PUT /__mock/rate-limit override it', parse: parseRateLimitSetting },
  {
    key: 'undeclaredAttributes',
    env: 'INTERCOM_MOCK_UNDECLARED_ATTRIBUTES',
    flag: 'undeclared-attributes',
    default: 'refuse',
    description: 'refuse: setting a custom attribute that is not declared is a 400, as on Intercom; accept: any is kept',
    parse: parseUndeclaredAttributes
  }
]

export interface CliRequest {
  config: Config
  help: boolean
  version: boolean
}

/** Reads the configuration from `argv` flags, then `env`, then defaults. Throws ConfigError. */
export function loadConfig (env: NodeJS.ProcessEnv, argv: readonly string[] = []): CliRequest {
  let values: Record<string, string | boolean | undefined>
  try {
    values = parseArgs({
      args: [...argv],
      options: {
        ...Object.fromEntries(SETTINGS.map(s => [s.flag, { type: 'string' as const }])),
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' }
      },
      strict: true,
      allowPositionals: false
    }).values
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException
    const option = /'([^' ]+)/.exec(message)?.[1] ?? ''
    const problem = code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? `unknown option ${option}`
      : code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL' ? `unexpected argument ${option}`
        : code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' ? `option ${option} needs a value (write ${option}=VALUE if it starts with -)`
          : message.split('\n')[0] ?? message
    throw new ConfigError(`${problem}; see intercom-mock --help`)
  }
  const config: Record<string, unknown> = {}
  for (const setting of SETTINGS) {
    const fromFlag = values[setting.flag]
    const raw = typeof fromFlag === 'string' ? fromFlag : env[setting.env]
    const source = typeof fromFlag === 'string' ? `--${setting.flag}` : setting.env
    if (raw === undefined) config[setting.key] = setting.fallback?.() ?? (setting.default === null ? null : setting.parse(setting.default, source))
    else config[setting.key] = setting.parse(raw, source)
  }
  return { config: config as Config, help: values.help === true, version: values.version === true }
}

export function defaultConfig (overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({}).config, ...overrides }
}

export function usage (): string {
  const rows = SETTINGS.map(s => `  --${s.flag.padEnd(12)} ${s.env.padEnd(26)} ${s.description}${s.default === null ? '' : ` (default ${s.default})`}`)
  return [
    'Usage: intercom-mock [options]',
    '',
    'A local, stateful mock of the Intercom REST API. Every option can also be set by its environment variable.',
    '',
    '  flag           variable                   meaning',
    ...rows,
    '  -h, --help                                This text',
    '  -v, --version                             The version of intercom-mock',
    ''
  ].join('\n')
}

function parsePort (raw: string, source: string): number {
  if (!/^\d+$/.test(raw.trim()) || Number(raw) > 65535) {
    throw new ConfigError(`${source} must be a port number from 0 to 65535, not "${raw}"`)
  }
  return Number(raw)
}

function parseCount (raw: string, source: string): number {
  if (!/^\d+$/.test(raw.trim()) || Number(raw) > 1_000_000) throw new ConfigError(`${source} must be a whole number from 0 to 1000000, not "${raw}"`)
  return Number(raw)
}

function nonEmpty (raw: string, source: string): string {
  if (raw.trim() === '') throw new ConfigError(`${source} must not be empty`)
  return raw
}

function parseTokens (raw: string, source: string): string[] {
  const tokens = raw.split(',').map(t => t.trim()).filter(t => t !== '')
  if (tokens.length === 0) throw new ConfigError(`${source} is set but lists no token; unset it to accept any token`)
  return tokens
}

function parseVersion (raw: string, source: string): string {
  if (parseApiVersion(raw) === null) {
    throw new ConfigError(`${source} must be an Intercom API version (1.0–1.4, 2.0–2.16, Unstable or Preview), not "${raw}"`)
  }
  return raw.trim()
}

function parseRateLimitSetting (raw: string, source: string): RateLimitSetting | null {
  const setting = parseRateLimit(raw)
  if (setting === undefined) {
    throw new ConfigError(`${source} must be <limit>/<seconds> (e.g. 1666/10; seconds 1–${MAX_WINDOW_SECONDS}), <limit> for 10 s windows, or off, not "${raw}"`)
  }
  return setting
}

function parseUndeclaredAttributes (raw: string, source: string): Config['undeclaredAttributes'] {
  const value = UNDECLARED_ATTRIBUTES.find(v => v === raw.trim().toLowerCase())
  if (value === undefined) throw new ConfigError(`${source} must be one of ${UNDECLARED_ATTRIBUTES.join(', ')}, not "${raw}"`)
  return value
}

function parseLogLevel (raw: string, source: string): Config['logLevel'] {
  const level = LOG_LEVELS.find(l => l === raw.trim().toLowerCase())
  if (level === undefined) throw new ConfigError(`${source} must be one of ${LOG_LEVELS.join(', ')}, not "${raw}"`)
  return level
}
