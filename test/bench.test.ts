import { execFileSync, spawnSync } from 'node:child_process'
import t from 'tap'

/**
 * `npm run bench` in its quick mode (one-second loads, small workspaces), so the benchmark never rots:
 * it must compile, run every scenario to the end and print its tables. No figure is asserted — timings
 * on a shared machine are not a test.
 */
t.setTimeout(240_000)

t.test('the benchmark runs end to end in quick mode and prints its tables', async t => {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.tools.json'], { stdio: 'inherit' })
  const run = spawnSync(process.execPath, ['dist-tools/bench/run.js'], {
    encoding: 'utf8',
    env: { ...process.env, BENCH_SECONDS: '1', BENCH_SCALE: '0.002', BENCH_START_RUNS: '1', BENCH_ROUNDS: '1', BENCH_CONNECTIONS: '4' },
    timeout: 150_000
  })
  t.equal(run.status, 0, run.stderr)
  for (const heading of ['| scenario | mock req/s | bare req/s |', '| target (issue 12) | measured | goal |']) t.match(run.stdout, heading)
  for (const scenario of ['POST /messages (the seed curl), file database', 'POST /messages, an empty file database', 'POST /messages, :memory: database', 'GET /conversations?type=user',
    '2.x POST /conversations/search', '2.x GET /contacts, a cursor', 'spawn → first 200', 'reset of a', 'journal + rate-limit', 'webhooks:',
    'floor: bare Fastify + the mock\'s domain and store, POST /messages, an empty file database', 'floor: bare Fastify + the mock\'s domain and store, POST /messages, :memory:',
    'floor: bare Fastify + the mock\'s domain and store, the seed listing', '(the floor) bare Fastify + the mock\'s domain and store']) {
    t.match(run.stdout, scenario)
  }
  // The floors did the mock's work: every request of their loads answered 2xx.
  const floorRows = run.stdout.split('\n').filter(line => line.startsWith('| floor:'))
  t.equal(floorRows.length, 3)
  for (const row of floorRows) t.match(row, /\| 0 \|$/, row)
  t.notMatch(run.stdout, /\| NaN|undefined/)
  // Each listing scenario's answer was checked before its load: a page with something on it.
  t.match(run.stdout, /GET \/conversations: each answer [1-9]\d* conversations/)
  t.match(run.stdout, /POST \/conversations\/search: each answer [1-9]\d* conversations/)
  t.match(run.stdout, /GET \/contacts: each answer [1-9]\d* contacts/)
})
