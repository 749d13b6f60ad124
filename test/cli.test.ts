import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'

/** The CLI as built by `npm run build` (npm test builds first). */
const CLI = 'dist/cli.js'
const cleanEnv = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' }

function runToEnd (args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [CLI, ...args], { env: { ...cleanEnv, ...env }, encoding: 'utf8', timeout: 20000 })
}

/** Starts the CLI and resolves with its URL once it logs that it listens. */
function start (env: Record<string, string>) {
  const child = spawn(process.execPath, [CLI], { env: { ...cleanEnv, PORT: '0', LOG_LEVEL: 'info', ...env } })
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
