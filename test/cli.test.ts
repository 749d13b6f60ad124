import { spawn, spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import t from 'tap'
import { heapGrowthFlag } from '../src/heap-growth.js'

/** The CLI as built by `npm run build` (npm test builds first). */
const CLI = resolve('dist/cli.js')
const cleanEnv = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' }

function runToEnd (args: string[], env: Record<string, string> = {}, options: { cwd?: string } = {}) {
  return spawnSync(process.execPath, [CLI, ...args], { env: { ...cleanEnv, ...env }, encoding: 'utf8', timeout: 20000, ...options })
}

/** Starts the CLI and resolves with its URL once it logs that it listens. */
function start (env: Record<string, string>, cwd?: string) {
  const child = spawn(process.execPath, [CLI], { env: { ...cleanEnv, PORT: '0', LOG_LEVEL: 'info', ...env }, ...(cwd === undefined ? {} : { cwd }) })
  let output = ''
  const exited = new Promise<number | null>(resolve => child.on('exit', code => resolve(code)))
  const url = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += String(chunk)
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output)
      if (match?.[1] !== undefined) resolve(match[1])
    })
    child.stderr.on('data', (chunk) => { output += String(chunk) })
    void exited.then(code => reject(new Error(`exited ${String(code)} before listening: ${output}`)))
  })
  return { child, url, exited, output: () => output }
}

t.test('--help prints every setting; --version the package version', async t => {
  const help = runToEnd(['--help'])
  t.equal(help.status, 0)
  t.match(help.stdout, /^Usage: intercom-mock \[options\]/)
  for (const name of ['PORT', 'HOST', 'INTERCOM_MOCK_DB', 'INTERCOM_MOCK_FIXTURES', 'INTERCOM_MOCK_TOKENS', 'LOG_LEVEL']) t.match(help.stdout, name)
  const version = runToEnd(['--version'])
  t.equal(version.status, 0)
  t.match(version.stdout, /^\d+\.\d+\.\d+\n$/)
})

t.test('an invalid configuration stops startup with one line naming the variable', async t => {
  const cases: Array<[Record<string, string>, string[], string]> = [
    [{ PORT: 'eighty' }, [], 'intercom-mock: PORT must be a port number from 0 to 65535, not "eighty"\n'],
    [{ LOG_LEVEL: 'chatty' }, [], 'intercom-mock: LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, not "chatty"\n'],
    [{ INTERCOM_MOCK_TOKENS: ',' }, [], 'intercom-mock: INTERCOM_MOCK_TOKENS is set but lists no token; unset it to accept any token\n'],
    [{}, ['--nope'], 'intercom-mock: unknown option --nope; see intercom-mock --help\n'],
    [{ INTERCOM_MOCK_FIXTURES: 'fixtures/none.json', INTERCOM_MOCK_DB: ':memory:' }, [], 'intercom-mock: fixtures/none.json: cannot be read (ENOENT)\n']
  ]
  for (const [env, args, line] of cases) {
    const result = runToEnd(args, env)
    t.equal(result.status, 2, line)
    t.equal(result.stderr, line)
    t.equal(result.stdout, '')
  }
})

t.test('a broken fixture file stops startup naming the file and the path', async t => {
  const dir = mkdtempSync(join(tmpdir(), 'intercom-mock-cli-'))
  const file = join(dir, 'broken.json')
  writeFileSync(file, JSON.stringify({ admins: [{ id: 'wash', name: 'Wash', email: 'wash@serenity.io' }] }))
  const result = runToEnd([], { INTERCOM_MOCK_FIXTURES: file, INTERCOM_MOCK_DB: ':memory:' })
  t.equal(result.status, 2)
  t.equal(result.stderr, `intercom-mock: ${file}: /admins/0/id: Expected string to match '^[0-9]{1,15}$' (a numeric string id)\n`)
})

t.test('a port in use stops startup with one line', async t => {
  const blocker = createServer()
  await new Promise<void>(resolve => blocker.listen(0, '127.0.0.1', resolve))
  t.teardown(() => new Promise<void>(resolve => blocker.close(() => resolve())))
  const port = (blocker.address() as { port: number }).port
  const result = runToEnd([], { PORT: String(port), INTERCOM_MOCK_DB: ':memory:', LOG_LEVEL: 'silent' })
  t.equal(result.status, 2)
  t.equal(result.stderr, `intercom-mock: PORT ${port} is already in use on 127.0.0.1; choose another port\n`)
})

t.test('the CLI serves, closes cleanly on SIGTERM and SIGINT, and keeps state in its database file', async t => {
  const dir = mkdtempSync(join(tmpdir(), 'intercom-mock-cli-'))
  const db = join(dir, 'nested', 'state.sqlite')
  const first = start({ INTERCOM_MOCK_DB: db })
  const url = await first.url
  t.equal((await fetch(`${url}/__mock/health`)).status, 200)
  const sent = await fetch(`${url}/messages`, {
    method: 'POST',
    headers: { authorization: 'Bearer cli', 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ from: { type: 'user', id: '536e564f316c83104c000020' }, body: 'Persist me' })
  })
  t.equal(sent.status, 200)
  first.child.kill('SIGTERM')
  t.equal(await first.exited, 0, 'SIGTERM exits 0')
  t.match(first.output(), /closing the server and the database/)

  const second = start({ INTERCOM_MOCK_DB: db })
  const again = await second.url
  const list = await (await fetch(`${again}/conversations`, { headers: { authorization: 'Bearer cli' } })).json() as { conversations: Array<{ conversation_message: { body: string } }> }
  t.equal(list.conversations.length, 1)
  t.equal(list.conversations[0]?.conversation_message.body, '<p>Persist me</p>')
  second.child.kill('SIGINT')
  t.equal(await second.exited, 0, 'SIGINT exits 0')
})

t.test('the command caps how far V8 grows its heap, unless node\'s own command line sets it', async t => {
  t.equal(heapGrowthFlag([]), '--heap-growing-percent=100')
  t.equal(heapGrowthFlag(['--heap-growing-percent=200']), null)
  t.equal(heapGrowthFlag(['--heap_growing_percent', '30']), null)
  t.equal(heapGrowthFlag(['--heap-growing-percentile=1']), '--heap-growing-percent=100', 'another flag is not this one')

  // The V8 flags the command sets, as the process itself sees them: node:v8's setFlagsFromString, logged.
  const dir = mkdtempSync(join(tmpdir(), 'intercom-mock-cli-'))
  const logger = join(dir, 'log-v8-flags.cjs')
  writeFileSync(logger, `const v8 = require('node:v8'); const set = v8.setFlagsFromString
v8.setFlagsFromString = flags => { process.stderr.write('v8 flags: ' + flags + '\\n'); set(flags) }\n`)
  const flagsSet = async (nodeArgs: string[]) => {
    const child = spawn(process.execPath, [...nodeArgs, CLI], { env: { ...cleanEnv, NODE_OPTIONS: `--require ${logger}`, PORT: '0', INTERCOM_MOCK_DB: ':memory:' } })
    let stderr = ''
    child.stderr.on('data', (chunk) => { stderr += String(chunk) })
    const exited = new Promise(resolve => child.on('exit', resolve))
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk) => { if (String(chunk).includes('Server listening')) resolve() })
      void exited.then(() => reject(new Error(`exited before listening: ${stderr}`)))
    })
    child.kill('SIGTERM')
    await exited
    return stderr.split('\n').filter(line => line.startsWith('v8 flags: '))
  }
  t.same(await flagsSet([]), ['v8 flags: --heap-growing-percent=100'])
  t.same(await flagsSet(['--heap-growing-percent=200']), [], 'the user\'s own choice stands')
})

t.test('started from another folder, the CLI seeds from the package\'s own fixtures; a given path stays relative to the folder', async t => {
  const folder = t.testdir({ 'mine.json': JSON.stringify({ admins: [{ id: '7', name: 'Mine', email: 'mine@example.com' }] }) })
  const bundled = start({ INTERCOM_MOCK_DB: ':memory:' }, folder)
  const admin = await (await fetch(`${await bundled.url}/admins/394051`, { headers: { authorization: 'Bearer cwd' } })).json() as { name: string }
  t.equal(admin.name, 'Wash')
  bundled.child.kill('SIGTERM')
  t.equal(await bundled.exited, 0)
  const own = start({ INTERCOM_MOCK_DB: ':memory:', INTERCOM_MOCK_FIXTURES: 'mine.json' }, folder)
  const mine = await (await fetch(`${await own.url}/admins/7`, { headers: { authorization: 'Bearer cwd' } })).json() as { name: string }
  t.equal(mine.name, 'Mine')
  own.child.kill('SIGTERM')
  t.equal(await own.exited, 0)
  t.notOk(existsSync(join(folder, 'fixtures')), 'nothing expected in the working directory')
})

t.test('the bundled command answers what it loads on first use: the OpenAPI document, a validated body, the inbox\'s assets', async t => {
  const server = start({ INTERCOM_MOCK_DB: ':memory:' }, t.testdir({}))
  const url = await server.url
  const spec = await fetch(`${url}/__mock/openapi.json`)
  t.equal(spec.status, 200)
  t.equal((await spec.json() as { openapi: string }).openapi, '3.1.0')
  const refused = await fetch(`${url}/messages`, {
    method: 'POST',
    headers: { authorization: 'Bearer cli', 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ from: { type: 'user', id: '536e564f316c83104c000020' }, body: 'Hey', message_type: 7 })
  })
  t.equal(refused.status, 400)
  t.match(await refused.json(), { type: 'error.list', errors: [{ code: 'parameter_invalid' }] })
  for (const asset of ['app.js', 'app.css']) t.equal((await fetch(`${url}/__mock/ui/assets/${asset}`)).status, 200, asset)
  server.child.kill('SIGTERM')
  t.equal(await server.exited, 0)
})

t.test('every startup failure is one line naming the real cause and the setting, exit 2', async t => {
  const folder = t.testdir({ 'notes.txt': 'not a folder' })
  const underFile = runToEnd(['--db', 'notes.txt/sub/x.sqlite'], {}, { cwd: folder })
  t.equal(underFile.status, 2)
  t.equal(underFile.stderr, 'intercom-mock: INTERCOM_MOCK_DB notes.txt/sub/x.sqlite cannot be created: a part of notes.txt/sub is a file, not a folder (ENOTDIR)\n')
  const noFolder = runToEnd(['--url-file', join(folder, 'none', 'mock.url')], { INTERCOM_MOCK_DB: ':memory:', PORT: '0', LOG_LEVEL: 'silent' })
  t.equal(noFolder.status, 2)
  t.equal(noFolder.stderr, `intercom-mock: INTERCOM_MOCK_URL_FILE ${join(folder, 'none', 'mock.url')} cannot be written: ${join(folder, 'none', 'mock.url')} is in a folder that does not exist (ENOENT)\n`)
})

t.test('as an unprivileged user: a database folder it may not create is named as such, not as the port', async t => {
  // Root may create anything, so as root the CLI runs as nobody; any other user is unprivileged already.
  const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {}
  const folder = mkdtempSync(join(tmpdir(), 'intercom-mock-cli-'))
  chmodSync(folder, 0o755)
  const locked = join(folder, 'locked')
  mkdirSync(locked, { mode: 0o555 })
  chmodSync(locked, 0o555)
  const db = join(locked, 'data', 'state.sqlite')
  // Through `env -i`, so tap's process tracking (which writes into this repository) is not inherited.
  const runAsUser = (env: Record<string, string>) => spawnSync('env', ['-i', ...Object.entries({ ...cleanEnv, ...env }).map(([k, v]) => `${k}=${v}`), process.execPath, CLI],
    { encoding: 'utf8', timeout: 20000, ...asUser })
  const result = runAsUser({ PORT: '8080', INTERCOM_MOCK_DB: db })
  t.equal(result.status, 2)
  t.equal(result.stderr, `intercom-mock: INTERCOM_MOCK_DB ${db} cannot be created: this user may not write ${join(locked, 'data')} (EACCES)\n`)
  const inLocked = join(locked, 'state.sqlite')
  const cannotOpen = runAsUser({ PORT: '0', INTERCOM_MOCK_DB: inLocked })
  t.equal(cannotOpen.status, 2)
  t.equal(cannotOpen.stderr, `intercom-mock: INTERCOM_MOCK_DB ${inLocked} cannot be opened: unable to open database file (is its folder writable by this user?)\n`)
  const privileged = runAsUser({ PORT: '80', INTERCOM_MOCK_DB: ':memory:' })
  t.equal(privileged.status, 2)
  t.equal(privileged.stderr, 'intercom-mock: PORT 80 needs privileges this process does not have; choose a port above 1023\n')
})

t.test('npm start only starts (no build), and SIGTERM to the pid npm start gives stops the server', async t => {
  const npm = spawn('npm', ['start'], { env: { ...cleanEnv, PORT: '0', INTERCOM_MOCK_DB: ':memory:', LOG_LEVEL: 'info' }, cwd: resolve('.') })
  let output = ''
  npm.stdout.on('data', (chunk) => { output += String(chunk) })
  npm.stderr.on('data', (chunk) => { output += String(chunk) })
  const exited = new Promise<number | null>(resolve => npm.on('exit', code => resolve(code)))
  const url = await new Promise<string>((resolve, reject) => {
    npm.stdout.on('data', () => {
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output)
      if (match?.[1] !== undefined) resolve(match[1])
    })
    void exited.then(code => reject(new Error(`npm start exited ${String(code)}: ${output}`)))
  })
  const pid = Number(/"pid":(\d+)/.exec(output)?.[1])
  t.equal((await fetch(`${url}/__mock/health`)).status, 200)
  t.notMatch(output, /prestart|npm run build|tsc -p/, 'no compile on start')
  t.match(output, /> exec node dist\/cli\.js/)
  npm.kill('SIGTERM')
  await exited
  t.match(output, /closing the server and the database/, 'the server got the signal')
  await new Promise(resolve => setTimeout(resolve, 300))
  t.throws(() => process.kill(pid, 0), { code: 'ESRCH' }, `the server (pid ${pid}) is not left running`)
  await t.rejects(fetch(`${url}/__mock/health`), 'nothing listens any more')

  const invalid = spawnSync('npm', ['start'], { env: { ...cleanEnv, PORT: 'abc' }, encoding: 'utf8', timeout: 20000 })
  t.not(invalid.status, 0)
  t.match(invalid.stderr, /^intercom-mock: PORT must be a port number from 0 to 65535, not "abc"$/m, 'the one-line error, straight away')
  t.notMatch(invalid.stdout, /prestart|tsc -p/)
})
