import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { cpus, totalmem, tmpdir } from 'node:os'
import { mkdtempSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import autocannon from 'autocannon'
import { timeResets } from './reset.js'
import { QUERIED_USER, seedWorkspace, type SeedPlan } from './seed.js'
import { startServer, type RunningServer, type StartCommand } from './server.js'

/**
 * `npm run bench`: throughput and latency of the seed POST /messages (and what rate-limit accounting
 * and an empty fault-rule list cost it) and of the seed document's
 * conversation listing at 10k and 100k conversations, time to healthy (and `npm start`'s against
 * `node dist/cli.js`'s, as a ratio), peak memory, the request journal's cost to POST /messages, and the
 * time of a reset of a workspace holding 10k conversations. Prints
 * figures; asserts nothing (targets are read from these figures, never timed in tests).
 * BENCH_SECONDS sets each load's duration (default 10); BENCH_CONNECTIONS its concurrency (default 10).
 */
const seconds = Number(process.env.BENCH_SECONDS ?? 10)
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10)

interface Load {
  name: string
  /** Requests completed, where one load measured them. */
  requests?: number
  requestsPerSecond: number
  p50: number
  p99: number
  errors: number
}

async function load (name: string, options: autocannon.Options): Promise<Load> {
  const result = await autocannon({ connections, duration: seconds, ...options })
  const errors = result.errors + result.timeouts + result.non2xx
  return { name, requests: result.requests.total, requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors }
}

/**
 * The median time to the first healthy answer of each command over `runs` starts on a fresh in-memory
 * database, the commands taking turns so that a change in the machine's load falls on both alike.
 */
async function medianStartupMs (commands: readonly StartCommand[], runs: number): Promise<number[]> {
  const times = commands.map((): number[] => [])
  for (let i = 0; i < runs; i++) {
    for (const [j, command] of commands.entries()) {
      const server = await startServer(':memory:', command)
      times[j]?.push(server.startupMs)
      await server.stop()
    }
  }
  return times.map(list => list.sort((a, b) => a - b)[Math.floor(runs / 2)] ?? NaN)
}

async function main (): Promise<void> {
  const startRuns = Number(process.env.BENCH_START_RUNS ?? 5)
  const [direct = NaN, viaNpm = NaN] = await medianStartupMs(['node dist/cli.js', 'npm start'], startRuns)

  const dir = mkdtempSync(join(tmpdir(), 'intercom-mock-bench-'))
  const db = join(dir, 'bench.sqlite')
  const plans: SeedPlan[] = [
    { token: 'bench-10k', conversations: 10_000, queriedUserEvery: 10, closedEvery: 5 },
    { token: 'bench-100k', conversations: 100_000, queriedUserEvery: 10, closedEvery: 5 }
  ]
  for (const plan of plans) {
    const { seconds: took } = seedWorkspace(db, plan)
    console.log(`seeded ${plan.conversations} conversations into workspace ${plan.token} in ${took.toFixed(1)} s`)
  }

  const resetTokens = ['bench-reset-1', 'bench-reset-2', 'bench-reset-3']
  for (const token of resetTokens) seedWorkspace(db, { token, conversations: 10_000, queriedUserEvery: 10, closedEvery: 5 })
  const resets = timeResets(db, resetTokens)

  const seedBody = JSON.stringify({ from: { type: 'user', id: QUERIED_USER }, body: 'Hey' })
  const postAs = (token: string) => ({ method: 'POST' as const, body: seedBody, headers: { authorization: `Bearer ${token}`, accept: 'application/json', 'content-type': 'application/json' } })
  const post = postAs('bench-post')
  // The journal's cost: the same load on servers with and without it, alternated, each into an empty
  // workspace of its own, best of two rounds each (the cores are shared, so one round can be unlucky).
  const journalRuns: Record<'on' | 'off', number[]> = { on: [], off: [] }
  for (const round of [1, 2]) {
    for (const journal of ['off', 'on'] as const) {
      const token = `bench-journal-${journal}-${round}`
      const probe = await startServer(db, 'node dist/cli.js', journal === 'off' ? { INTERCOM_MOCK_JOURNAL_SIZE: '0' } : {})
      await fetch(`${probe.url}/messages`, postAs(token))
      journalRuns[journal].push((await load(`journal ${journal}`, { url: `${probe.url}/messages`, ...postAs(token) })).requestsPerSecond)
      await probe.stop()
    }
  }
  const withoutJournal = { name: 'POST /messages, journal off (INTERCOM_MOCK_JOURNAL_SIZE=0), best of 2', requestsPerSecond: Math.max(...journalRuns.off), p50: NaN, p99: NaN, errors: 0 }
  const withJournal = Math.max(...journalRuns.on)

  const server = await startServer(db)
  const loads: Load[] = []
  let webhookLine = ''
  await fetch(`${server.url}/messages`, post) // creates the workspace before timing starts
  loads.push(await load('POST /messages (the seed curl)', { url: `${server.url}/messages`, ...post }))
  loads.push({ ...withoutJournal, name: 'POST /messages, journal on (the default), best of 2', requestsPerSecond: withJournal })
  loads.push(withoutJournal)
  loads.push(...await rateLimitAndFaultCost(server, seedBody))
  const hooks = await webhookReceiver()
  const hookedPost = { ...post, headers: { ...post.headers, authorization: 'Bearer bench-hooks' } }
  await fetch(`${server.url}/__mock/webhooks`, { ...hookedPost, body: JSON.stringify({ url: hooks.url, topics: ['conversation.user.created'] }) })
  const hooked = await load('POST /messages, one webhook subscription (receiver on localhost)', { url: `${server.url}/messages`, ...hookedPost })
  loads.push(hooked)
  const drained = await drain(hooks.count, (hooked.requests ?? 0) + 1) // + the subscription's ping
  webhookLine = `webhooks: ${hooks.count()} notifications delivered (${hooked.requests ?? 0} requests counted, and the ping), the last ${drained.toFixed(1)} s after the load ended`
  hooks.close()
  for (const plan of plans) {
    loads.push(await load(`GET /conversations?type=user&intercom_user_id=…&open=true, ${plan.conversations / 1000}k in the workspace`, {
      url: `${server.url}/conversations?type=user&intercom_user_id=${QUERIED_USER}&open=true`,
      headers: { authorization: `Bearer ${plan.token}`, accept: 'application/json' }
    }))
  }
  const peak = server.peakRssMiB()
  await server.stop()
  rmSync(dir, { recursive: true, force: true })

  console.log('')
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}`)
  console.log(`load: ${connections} connections for ${seconds} s each; the listed user holds 1 in 10 conversations, 1 in 5 is closed; 20 a page`)
  console.log('')
  console.log('| what | requests/s | p50 ms | p99 ms | errors |')
  console.log('| --- | ---: | ---: | ---: | ---: |')
  for (const l of loads) console.log(`| ${l.name} | ${Math.round(l.requestsPerSecond)} | ${Number.isNaN(l.p50) ? '' : l.p50} | ${Number.isNaN(l.p99) ? '' : l.p99} | ${l.errors} |`)
  console.log(`| process start to a 200 from /__mock/health | | ${server.startupMs.toFixed(0)} | | |`)
  console.log(`| peak RSS of the server process | ${peak.toFixed(0)} MiB | | | |`)
  console.log('')
  console.log(`start to the first healthy answer, median of ${startRuns}: node dist/cli.js ${direct.toFixed(0)} ms, npm start ${viaNpm.toFixed(0)} ms; ratio npm start / node dist/cli.js = ${(viaNpm / direct).toFixed(2)} (target at most 1.5)`)
  const journalCost = 1 - withJournal / withoutJournal.requestsPerSecond
  console.log('')
  console.log(`request journal: POST /messages ${(journalCost * 100).toFixed(1)} % slower with it than without (target ≤ 10 %)`)
  console.log(`reset of a workspace holding 10k conversations: ${resets.resetsMs.map(ms => ms.toFixed(2)).join(', ')} ms (target ≤ 5 ms); ` +
    `its background purge: ${resets.purgeTotalMs.toFixed(0)} ms in ${resets.purgeSteps} steps, the longest ${resets.purgeMaxStepMs.toFixed(1)} ms`)
  console.log(webhookLine)
}

/**
 * What rate-limit accounting and an empty fault-rule list cost POST /messages: two workspaces of one
 * server, one with rate limiting off and no rules ever, one counting every request (under a limit it
 * never reaches) with a rule added and deleted; loaded in alternating rounds so drift on a shared
 * machine falls on both alike. Besides throughput, the server's CPU time per request, which other
 * load on the machine disturbs far less.
 */
async function rateLimitAndFaultCost (server: RunningServer, body: string): Promise<Load[]> {
  const url = server.url
  const rounds = 10
  const headers = (token: string) => ({ authorization: `Bearer ${token}`, accept: 'application/json', 'content-type': 'application/json' })
  const control = (token: string, method: string, path: string, payload?: unknown) =>
    fetch(`${url}${path}`, { method, headers: headers(token), ...(payload === undefined ? {} : { body: JSON.stringify(payload) }) })
  await control('bench-plain', 'PUT', '/__mock/rate-limit', { enabled: false })
  await control('bench-counted', 'PUT', '/__mock/rate-limit', { limit: 100_000_000, window_seconds: 10 })
  await control('bench-counted', 'POST', '/__mock/faults', { match: { path: '/conversations/*/reply' }, respond: { status: 503 } })
  await control('bench-counted', 'DELETE', '/__mock/faults')
  const totals = { plain: [] as Load[], counted: [] as Load[] }
  const cpu = { plain: { micros: 0, requests: 0 }, counted: { micros: 0, requests: 0 } }
  for (let round = 0; round < rounds; round++) {
    for (const kind of round % 2 === 0 ? ['plain', 'counted'] as const : ['counted', 'plain'] as const) {
      const before = server.cpuMicros()
      const result = await autocannon({ connections, duration: Math.max(1, Math.round(seconds / 5)), url: `${url}/messages`, method: 'POST', body, headers: headers(`bench-${kind}`) })
      cpu[kind].micros += server.cpuMicros() - before
      cpu[kind].requests += result.requests.total
      totals[kind].push({ name: kind, requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.timeouts + result.non2xx })
    }
  }
  const mean = (name: string, of: Load[]): Load => ({
    name,
    requestsPerSecond: of.reduce((sum, l) => sum + l.requestsPerSecond, 0) / of.length,
    p50: Math.max(...of.map(l => l.p50)),
    p99: Math.max(...of.map(l => l.p99)),
    errors: of.reduce((sum, l) => sum + l.errors, 0)
  })
  const perRequest = (kind: keyof typeof cpu) => cpu[kind].micros / Math.max(1, cpu[kind].requests)
  const plain = mean(`POST /messages, rate limiting off, no fault rules (${rounds} rounds; ${perRequest('plain').toFixed(0)} µs server CPU a request)`, totals.plain)
  const counted = mean(`POST /messages, every request counted, an empty rule list (${rounds} rounds; ${perRequest('counted').toFixed(0)} µs server CPU a request)`, totals.counted)
  const percent = (ratio: number) => `${ratio >= 1 ? '+' : '−'}${Math.abs((ratio - 1) * 100).toFixed(1)} %`
  counted.name += `: throughput ${percent(counted.requestsPerSecond / plain.requestsPerSecond)}, CPU a request ${percent(perRequest('counted') / perRequest('plain'))}`
  return [plain, counted]
}

/** Seconds until `count()` reaches `expected` (at most 60). */
async function drain (count: () => number, expected: number): Promise<number> {
  const started = Date.now()
  while (count() < expected && Date.now() - started < 60_000) await new Promise(resolve => setTimeout(resolve, 10))
  return (Date.now() - started) / 1000
}

/** A webhook endpoint on 127.0.0.1 that answers 200 at once and counts what it gets. */
async function webhookReceiver (): Promise<{ url: string, count: () => number, close: () => void }> {
  let count = 0
  const server = createServer((req, res) => {
    req.resume()
    req.on('end', () => { count++; res.end('ok') })
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, count: () => count, close: () => { server.close() } }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
