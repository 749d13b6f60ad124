import { cpus, totalmem, tmpdir } from 'node:os'
import { mkdtempSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import autocannon from 'autocannon'
import { QUERIED_USER, seedWorkspace, type SeedPlan } from './seed.js'
import { startServer, type RunningServer } from './server.js'

/**
 * `npm run bench`: throughput and latency of the seed POST /messages (and what rate-limit accounting
 * and an empty fault-rule list cost it), and of the seed document's
 * conversation listing at 10k and 100k conversations, time to healthy, and peak memory. Prints
 * figures; asserts nothing (targets are read from these figures, never timed in tests).
 * BENCH_SECONDS sets each load's duration (default 10); BENCH_CONNECTIONS its concurrency (default 10).
 */
const seconds = Number(process.env.BENCH_SECONDS ?? 10)
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10)

interface Load {
  name: string
  requestsPerSecond: number
  p50: number
  p99: number
  errors: number
}

async function load (name: string, options: autocannon.Options): Promise<Load> {
  const result = await autocannon({ connections, duration: seconds, ...options })
  const errors = result.errors + result.timeouts + result.non2xx
  return { name, requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors }
}

async function main (): Promise<void> {
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

  const server = await startServer(db)
  const loads: Load[] = []
  const seedBody = JSON.stringify({ from: { type: 'user', id: QUERIED_USER }, body: 'Hey' })
  const post = { method: 'POST' as const, body: seedBody, headers: { authorization: 'Bearer bench-post', accept: 'application/json', 'content-type': 'application/json' } }
  await fetch(`${server.url}/messages`, post) // creates the workspace before timing starts
  loads.push(await load('POST /messages (the seed curl)', { url: `${server.url}/messages`, ...post }))
  loads.push(...await rateLimitAndFaultCost(server, seedBody))
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
  for (const l of loads) console.log(`| ${l.name} | ${Math.round(l.requestsPerSecond)} | ${l.p50} | ${l.p99} | ${l.errors} |`)
  console.log(`| process start to a 200 from /__mock/health | | ${server.startupMs.toFixed(0)} | | |`)
  console.log(`| peak RSS of the server process | ${peak.toFixed(0)} MiB | | | |`)
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

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
