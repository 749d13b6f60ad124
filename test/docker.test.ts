import { execFile } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import t from 'tap'
import { listen } from './helper.js'

const dockerfile = readFileSync('Dockerfile', 'utf8')
const mirror = readFileSync('scripts/docker-mirror.sh', 'utf8')
const instructions = dockerfile.replace(/\\\n\s*/g, ' ').split('\n').map(line => line.trim()).filter(line => line !== '' && !line.startsWith('#'))

t.test('the Dockerfile builds in one stage and runs from an official, supported Node LTS slim image in another', async t => {
  const froms = instructions.filter(line => line.startsWith('FROM '))
  t.same(froms, ['FROM node:24-bookworm-slim AS build', 'FROM node:24-bookworm-slim'])
  const build = instructions.slice(0, instructions.indexOf(froms[1] as string))
  t.ok(build.some(line => /^RUN apt-get update .*apt-get install -y --no-install-recommends python3 make g\+\+/.test(line)), 'the toolchain better-sqlite3 compiles with')
  t.ok(build.includes('RUN npm ci --ignore-scripts && npm rebuild better-sqlite3'), 'dependencies before src; prepare waits for the build step')
  t.ok(build.indexOf('COPY src ./src') > build.indexOf('RUN npm ci --ignore-scripts && npm rebuild better-sqlite3'))
  t.ok(build.includes('RUN npm run build && npm prune --omit=dev'))
})

t.test('the runtime image: non-root, HOST 0.0.0.0, port 8080, a data volume, a curl-free health check', async t => {
  const runtime = instructions.slice(instructions.lastIndexOf('FROM node:24-bookworm-slim'))
  const env = runtime.find(line => line.startsWith('ENV ')) ?? ''
  t.match(env, /HOST=0\.0\.0\.0/)
  t.match(env, /PORT=8080/)
  t.match(env, /INTERCOM_MOCK_DB=\/app\/data\//)
  t.match(env, /INTERCOM_MOCK_URL_FILE=\/tmp\//, 'the server tells the health check its URL in a place the node user may write')
  t.ok(runtime.includes('USER node'))
  t.ok(runtime.includes('EXPOSE 8080'))
  t.ok(runtime.includes('VOLUME ["/app/data"]'))
  t.ok(runtime.some(line => /^HEALTHCHECK .*CMD \["node", "dist\/healthcheck\.js"\]$/.test(line)))
  t.notOk(instructions.some(line => /\b(curl|wget)\b/.test(line)), 'no instruction uses curl or wget')
  t.ok(runtime.includes('ENTRYPOINT ["node", "dist/cli.js"]'))
  t.ok(runtime.indexOf('USER node') < runtime.findIndex(line => line.startsWith('ENTRYPOINT')))
})

t.test('scripts/docker-mirror.sh runs the same steps, reading the ENV from the Dockerfile, as an unprivileged user', async t => {
  for (const step of ['npm ci --ignore-scripts', 'npm rebuild better-sqlite3', 'npm run build && npm prune --omit=dev', 'node dist/cli.js --port', 'node dist/healthcheck.js', '"$root/Dockerfile"', 'setpriv --reuid=nobody']) {
    t.match(mirror, step, step)
  }
})

t.test('the health check follows the URL the server wrote, whatever PORT says; without the file it fails', async t => {
  const dir = t.testdir()
  const urlFile = join(dir, 'intercom-mock.url')
  const mock = await listen(t)
  writeFileSync(urlFile, `${mock.url}\n`)
  const healthy = await healthcheck({ INTERCOM_MOCK_URL_FILE: urlFile, PORT: '8080' })
  t.equal(healthy.status, 0, healthy.stderr)
  const byPort = await healthcheck({ PORT: String(mock.port) })
  t.equal(byPort.status, 0, 'without INTERCOM_MOCK_URL_FILE: PORT on 127.0.0.1')
  const missing = await healthcheck({ INTERCOM_MOCK_URL_FILE: join(dir, 'none.url') })
  t.equal(missing.status, 1)
  t.match(missing.stderr, 'none.url cannot be read (ENOENT): the server is not listening yet')
  await mock.close()
  const down = await healthcheck({ INTERCOM_MOCK_URL_FILE: urlFile })
  t.equal(down.status, 1)
  t.match(down.stderr, `${mock.url}/__mock/health did not answer`)
})

/** Runs the image's HEALTHCHECK command without blocking the mock that runs in this process. */
function healthcheck (env: Record<string, string>): Promise<{ status: number, stderr: string }> {
  return new Promise(resolve => {
    execFile(process.execPath, ['dist/healthcheck.js'], { env }, (error, _stdout, stderr) => {
      resolve({ status: error === null ? 0 : Number(error.code), stderr })
    })
  })
}
