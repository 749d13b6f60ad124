import { execFile, spawn } from 'node:child_process'
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { promisify } from 'node:util'
import t from 'tap'
import { consumerLockfile, type Lockfile } from './lockfile.js'

/**
 * What a user does: a fresh checkout packed with `npm pack` (its `prepare` builds), the tarball installed
 * into a scratch project outside this repository, and there: the public types checked under strict and
 * skipLibCheck: false (nodenext and bundler), a test file that starts the mock with no options and drives
 * the seed flow through intercom-client 7, and `npx intercom-mock --port 0`.
 *
 * No registry: the scratch project's lockfile is cut from this repository's, and `npm ci --offline` takes
 * every package from the npm cache that this repository's `npm ci` filled. Install scripts are skipped
 * there, and better-sqlite3's native addon is the one this repository's install compiled for this very
 * version and this Node (checked below), instead of a second 90 s compile.
 */
t.setTimeout(15 * 60_000)

const run = promisify(execFile)
const REPO = resolve('.')
const repoLock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as Lockfile
const scratch = realpathSync(mkdtempSync(join(tmpdir(), 'intercom-mock-consumer-')))
t.teardown(() => rmSync(scratch, { recursive: true, force: true }))
/** Children get no NODE_OPTIONS from tap, and npm never goes to the network. */
const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' }

async function sh (file: string, args: string[], cwd: string, extra: Record<string, string> = {}) {
  try {
    return await run(file, args, { cwd, env: { ...env, ...extra }, maxBuffer: 64 * 1024 * 1024, timeout: 10 * 60_000 })
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string, stderr?: string }
    throw new Error(`${file} ${args.join(' ')} in ${cwd} failed: ${(error as Error).message}\n${stdout ?? ''}\n${stderr ?? ''}`)
  }
}

t.ok(relative(REPO, scratch).startsWith('..'), `the scratch folder ${scratch} is outside the repository`)

interface Packed { filename: string, integrity: string, files: Array<{ path: string }> }
let packed!: Packed
const clone = join(scratch, 'checkout')

await t.test('npm pack on a fresh checkout builds (prepare) and packs the code, the types and the fixtures', async t => {
  // A fresh clone: the files git tracks (and new, unignored ones), no dist/, this repository's installed modules.
  const { stdout } = await sh('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], REPO)
  for (const file of stdout.split('\0').filter(f => f !== '')) {
    mkdirSync(dirname(join(clone, file)), { recursive: true })
    try { copyFileSync(join(REPO, file), join(clone, file)) } catch (error) { if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error }
  }
  symlinkSync(join(REPO, 'node_modules'), join(clone, 'node_modules'))
  const out = await sh('npm', ['pack', '--json', '--pack-destination', scratch], clone)
  packed = (JSON.parse(out.stdout) as Packed[])[0] as Packed
  const files = packed.files.map(f => f.path).sort()
  for (const needed of ['package.json', 'README.md', 'dist/index.js', 'dist/index.d.ts', 'dist/cli.js', 'dist/server.js', 'fixtures/default.json', 'fixtures/schema.json', 'dist/ui/assets/app.js', 'dist/ui/assets/app.css']) {
    t.ok(files.includes(needed), `the tarball has ${needed}`)
  }
  t.same(files.filter(f => !/^dist\/.+\.(js|d\.ts)$/.test(f) && !['package.json', 'README.md', 'fixtures/default.json', 'fixtures/schema.json', 'dist/ui/assets/app.css'].includes(f)), [], 'and nothing else: no src, tests, vendor, maps')
  t.notOk(files.some(f => f.startsWith('dist/healthcheck')), 'the Docker health check stays in the image')
})

const project = join(scratch, 'project')

await t.test('the tarball installs into a project of its own, from the npm cache, with no engine warning', async t => {
  const tarball = `file:../${packed.filename}`
  const manifest = JSON.parse(readFileSync(join(clone, 'package.json'), 'utf8')) as { name: string, version: string, dependencies: Record<string, string>, bin: Record<string, string>, engines: Record<string, string>, overrides: unknown }
  const dependencies = [
    { name: 'intercom-client', from: 'intercom-client-v7', dev: true },
    { name: 'typescript', from: 'typescript', dev: true },
    { name: '@types/node', from: '@types/node', dev: true }
  ]
  const lock = consumerLockfile(repoLock, { name: 'consumer', tarball: { spec: tarball, manifest, integrity: packed.integrity }, dependencies })
  mkdirSync(project)
  writeFileSync(join(project, 'package.json'), JSON.stringify({
    name: 'consumer',
    version: '1.0.0',
    private: true,
    type: 'module',
    dependencies: lock.packages['']?.dependencies,
    devDependencies: lock.packages['']?.devDependencies,
    // What the README tells Node 20 users to add (npm applies only the root project's overrides).
    overrides: manifest.overrides
  }, null, 2))
  writeFileSync(join(project, 'package-lock.json'), JSON.stringify(lock, null, 2))
  const install = await sh('npm', ['ci', '--offline', '--ignore-scripts'], project)
  t.notMatch(install.stderr, /EBADENGINE/, 'no engine warning on this Node')
  t.notMatch(install.stderr, /ENOTCACHED|ERR!/)

  const ours = JSON.parse(readFileSync(join(REPO, 'node_modules/better-sqlite3/package.json'), 'utf8')) as { version: string }
  const theirs = JSON.parse(readFileSync(join(project, 'node_modules/better-sqlite3/package.json'), 'utf8')) as { version: string }
  t.equal(theirs.version, ours.version, 'the addon copied in was compiled from this very better-sqlite3 version')
  cpSync(join(REPO, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'), join(project, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'))
  t.equal(JSON.parse(readFileSync(join(project, 'node_modules/intercom-mock/package.json'), 'utf8')).version, manifest.version)
})

await t.test('the public types check under strict, skipLibCheck false, in nodenext and in bundler resolution', async t => {
  for (const file of ['api-types.ts', 'tsconfig.nodenext.json', 'tsconfig.bundler.json', 'seed.test.mjs']) {
    copyFileSync(join(REPO, 'test/package/consumer', file), join(project, file))
  }
  for (const mode of ['nodenext', 'bundler']) {
    const { stdout } = await sh(process.execPath, ['node_modules/typescript/bin/tsc', '-p', `tsconfig.${mode}.json`], project).catch((error: Error) => ({ stdout: error.message }))
    t.equal(stdout, '', `tsc in ${mode} mode reports nothing`)
  }
  t.throws(() => readFileSync(join(project, 'node_modules/@types/better-sqlite3/package.json')), 'the consumer has no better-sqlite3 types, and needs none')
})

await t.test('a test file of the project: startIntercomMock() with no options, the seed flow through intercom-client 7', async t => {
  const { stdout } = await sh(process.execPath, ['--test', '--test-reporter=tap', 'seed.test.mjs'], project)
  t.match(stdout, /^# pass 1$/m)
  t.match(stdout, /^# fail 0$/m)
})

const [major = 0, minor = 0] = process.versions.node.split('.').map(Number)
const requireEsm = major > 22 || (major === 22 && minor >= 12) || (major === 20 && minor >= 19)
await t.test('CommonJS code loads it with require() (Node\'s require of ES modules, 20.19+ and 22.12+)', { skip: !requireEsm && `Node ${process.version} cannot require() ES modules` }, async t => {
  writeFileSync(join(project, 'require.cjs'), "const { startIntercomMock } = require('intercom-mock')\nstartIntercomMock().then(async m => { console.log((await fetch(`${m.url}/__mock/health`)).status); await m.close() })\n")
  const { stdout, stderr } = await sh(process.execPath, ['require.cjs'], project)
  t.equal(stdout, '200\n')
  t.equal(stderr, '', 'no warning')
})

await t.test('npx intercom-mock --port 0 in the project serves /__mock/health, and stops on Ctrl-C', async t => {
  const version = await sh('npx', ['intercom-mock', '--version'], project)
  t.equal(version.stdout, `${JSON.parse(readFileSync('package.json', 'utf8')).version}\n`)
  const child = spawn('npx', ['intercom-mock', '--port', '0', '--db', ':memory:'], { cwd: project, env, detached: true })
  let output = ''
  child.stdout.on('data', (chunk) => { output += String(chunk) })
  child.stderr.on('data', (chunk) => { output += String(chunk) })
  const exited = new Promise<number | null>(resolve => child.on('exit', code => resolve(code)))
  t.teardown(() => { try { process.kill(-(child.pid as number), 'SIGKILL') } catch {} })
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', () => {
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output)
      if (match?.[1] !== undefined) resolve(match[1])
    })
    void exited.then(code => reject(new Error(`npx intercom-mock exited ${String(code)}: ${output}`)))
  })
  const health = await fetch(`${url}/__mock/health`)
  t.equal(health.status, 200)
  t.same(await health.json(), { status: 'ok' })
  const admin = await (await fetch(`${url}/admins/394051`, { headers: { authorization: 'Bearer npx' } })).json() as { name: string }
  t.equal(admin.name, 'Wash', 'seeded from the installed package\'s fixtures')
  t.match(output, `Web inbox at ${url}/__mock/ui`, 'the CLI names the web inbox')
  const page = await fetch(`${url}/__mock/ui`)
  t.equal(page.status, 200)
  t.match(await page.text(), '/__mock/ui/assets/app.js')
  for (const [name, type] of [['app.js', 'text/javascript'], ['app.css', 'text/css']]) {
    const served = await fetch(`${url}/__mock/ui/assets/${name}`)
    t.equal(served.status, 200, `the installed package serves the UI's ${name}`)
    t.match(served.headers.get('content-type'), type)
  }
  process.kill(-(child.pid as number), 'SIGINT') // Ctrl-C: the terminal signals the whole foreground group
  await exited
  t.match(output, /closing the server and the database/)
  await t.rejects(fetch(`${url}/__mock/health`), 'nothing listens any more')
})
