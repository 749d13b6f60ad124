import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import t from 'tap'
import { listen } from './helper.js'

const dockerfile = readFileSync('Dockerfile', 'utf8')
const mirror = readFileSync('scripts/docker-mirror.sh', 'utf8')
const instructions = dockerfile.replace(/\\\n\s*/g, ' ').split('\n').map(line => line.trim()).filter(line => line !== '' && !line.startsWith('#'))

t.test('the Dockerfile builds in one stage and runs from an official Node 20 slim image in another', async t => {
  const froms = instructions.filter(line => line.startsWith('FROM '))
  t.same(froms, ['FROM node:20-bookworm-slim AS build', 'FROM node:20-bookworm-slim'])
  const build = instructions.slice(0, instructions.indexOf(froms[1] as string))
  t.ok(build.some(line => /^RUN apt-get update .*apt-get install -y --no-install-recommends python3 make g\+\+/.test(line)), 'the toolchain better-sqlite3 compiles with')
  t.ok(build.includes('RUN npm ci'))
  t.ok(build.includes('RUN npm run build && npm prune --omit=dev'))
})

t.test('the runtime image: non-root, HOST 0.0.0.0, port 8080, a data volume, a curl-free health check', async t => {
  const runtime = instructions.slice(instructions.lastIndexOf('FROM node:20-bookworm-slim'))
  const env = runtime.find(line => line.startsWith('ENV ')) ?? ''
  t.match(env, /HOST=0\.0\.0\.0/)
  t.match(env, /PORT=8080/)
  t.match(env, /INTERCOM_MOCK_DB=\/app\/data\//)
  t.ok(runtime.includes('USER node'))
  t.ok(runtime.includes('EXPOSE 8080'))
  t.ok(runtime.includes('VOLUME ["/app/data"]'))
  t.ok(runtime.some(line => /^HEALTHCHECK .*CMD \["node", "dist\/healthcheck\.js"\]$/.test(line)))
  t.notOk(instructions.some(line => /\b(curl|wget)\b/.test(line)), 'no instruction uses curl or wget')
  t.ok(runtime.includes('ENTRYPOINT ["node", "dist/cli.js"]'))
  t.ok(runtime.indexOf('USER node') < runtime.findIndex(line => line.startsWith('ENTRYPOINT')))
})

t.test('scripts/docker-mirror.sh runs the same steps', async t => {
  for (const step of ['npm ci', 'npm run build && npm prune --omit=dev', 'node dist/cli.js', 'node dist/healthcheck.js', 'HOST=0.0.0.0', 'NODE_ENV=production']) {
    t.match(mirror, step, step)
  }
})

t.test('the health check script exits 0 against a healthy mock and 1 when nothing answers', async t => {
  const mock = await listen(t)
  const healthy = await healthcheck(mock.port)
  t.equal(healthy.status, 0, healthy.stderr)
  await mock.close()
  const down = await healthcheck(mock.port)
  t.equal(down.status, 1)
  t.match(down.stderr, `http://127.0.0.1:${mock.port}/__mock/health did not answer`)
})

/** Runs the image's HEALTHCHECK command without blocking the mock that runs in this process. */
function healthcheck (port: number): Promise<{ status: number, stderr: string }> {
  return new Promise(resolve => {
    execFile(process.execPath, ['dist/healthcheck.js'], { env: { PORT: String(port) } }, (error, _stdout, stderr) => {
      resolve({ status: error === null ? 0 : Number(error.code), stderr })
    })
  })
}
