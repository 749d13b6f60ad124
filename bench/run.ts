import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { cpus, totalmem, tmpdir } from 'node:os'
import { mkdtempSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { compare, comparisonTable, measure, ratio, type Comparison, type Figures, type Target } from './compare.js'
import { timeResets } from './reset.js'
import { contactListCursor, QUERIED_USER, seedWorkspace, type SeedPlan } from './seed.js'
import { startServer, type RunningServer, type StartCommand } from './server.js'

/**
 * `npm run bench`: the mock side by side with a bare Fastify 5 server (bare-server.ts), in one run,
 * loads interleaved: the seed POST /messages on a file database holding the large workspaces, on an empty
 * one and on :memory:, the same write by the mock's domain and store behind bare Fastify (the floor the
 * HTTP layer adds to), the seed listing and
 * a 2.x search at 10k and 1M conversations, a deep GET /contacts cursor in a 1M-contact workspace;
 * spawn → first healthy answer; peak memory; what the journal, rate-limit accounting and an empty
 * fault list cost together; a reset of a 10k-conversation workspace; webhook delivery. Prints figures
 * and the ratios; asserts nothing (no timing is ever asserted in tests).
 * BENCH_SECONDS sets each load's duration (default 10); BENCH_CONNECTIONS its concurrency (default 10);
 * BENCH_SCALE multiplies the workspace sizes (default 1; the test suite's quick run uses a small one);
 * BENCH_START_RUNS the start-ups timed of each command (default 7); BENCH_ROUNDS the interleaved rounds of each side (default 2).
 */
const seconds = Number(process.env.BENCH_SECONDS ?? 10)
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10)
const scale = Number(process.env.BENCH_SCALE ?? 1)
const startRuns = Number(process.env.BENCH_START_RUNS ?? 7)
const rounds = Number(process.env.BENCH_ROUNDS ?? 2)
const sized = (n: number): number => Math.max(100, Math.round(n * scale))
const label = (n: number): string => (n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1000 ? `${n / 1000}k` : String(n))

/**
 * The median time to the first healthy answer of each command over `runs` starts on a fresh in-memory
 * database, the commands taking turns so that a change in the machine's load falls on all alike.
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

const json = (token: string, extra: Record<string, string> = {}) => ({ authorization: `Bearer ${token}`, accept: 'application/json', 'content-type': 'application/json', ...extra })
const seedBody = JSON.stringify({ from: { type: 'user', id: QUERIED_USER }, body: 'Hey' })
const postMessage = (server: RunningServer, token: string): Target => ({ server, options: { url: `${server.url}/messages`, method: 'POST', body: seedBody, headers: json(token) } })
const get = (server: RunningServer, path: string, token: string, extra: Record<string, string> = {}): Target => ({ server, options: { url: `${server.url}${path}`, headers: json(token, extra) } })

async function main (): Promise<void> {
  const [bareStart = NaN, direct = NaN, viaNpm = NaN] = await medianStartupMs(['bare fastify', 'node dist/cli.js', 'npm start'], startRuns)

  const dir = mkdtempSync(join(tmpdir(), 'intercom-mock-bench-'))
  const db = join(dir, 'bench.sqlite')
  const small = sized(10_000)
  const large = sized(1_000_000)
  const plans: SeedPlan[] = [
    { token: 'bench-small', conversations: small, queriedUserEvery: 10, closedEvery: 5 },
    { token: 'bench-large', conversations: large, queriedUserEvery: 10, closedEvery: 5 },
    { token: 'bench-contacts', conversations: 0, queriedUserEvery: 10, closedEvery: 5, extraContacts: large }
  ]
  for (const plan of plans) {
    const { seconds: took } = seedWorkspace(db, plan)
    console.log(`seeded workspace ${plan.token} (${label(plan.conversations)} conversations, ${label(plan.extraContacts ?? 0)} more contacts) through the store in ${took.toFixed(1)} s`)
  }
  const resetTokens = ['bench-reset-1', 'bench-reset-2', 'bench-reset-3']
  for (const token of resetTokens) seedWorkspace(db, { token, conversations: small, queriedUserEvery: 10, closedEvery: 5 })
  const resets = timeResets(db, resetTokens)

  const bare = await startServer(':memory:', 'bare fastify')
  const mock = await startServer(db)
  const comparisons: Comparison[] = []
  const bench = async (name: string, mockTarget: Target, bareTarget: Target): Promise<void> => {
    comparisons.push(await compare(name, mockTarget, bareTarget, seconds, connections, rounds))
  }
  await fetch(`${mock.url}/messages`, { method: 'POST', body: seedBody, headers: json('bench-post') }) // creates the workspace before timing starts
  await bench(`POST /messages (the seed curl), file database holding ${label(large)} conversations`, postMessage(mock, 'bench-post'), postMessage(bare, 'bare'))
  const postPeak = { mock: mock.peakRssMiB(), bare: bare.peakRssMiB() }

  // The same load on a file of its own that holds nothing yet: what the million rows add to memory.
  const empty = await startServer(join(dir, 'empty.sqlite'))
  await fetch(`${empty.url}/messages`, { method: 'POST', body: seedBody, headers: json('bench-post') })
  await bench('POST /messages, an empty file database', postMessage(empty, 'bench-post'), postMessage(bare, 'bare'))
  const emptyPeak = empty.peakRssMiB()
  await empty.stop()

  const memory = await startServer(':memory:')
  await fetch(`${memory.url}/messages`, { method: 'POST', body: seedBody, headers: json('bench-post') })
  await bench('POST /messages, :memory: database', postMessage(memory, 'bench-post'), postMessage(bare, 'bare'))
  const memoryPeak = memory.peakRssMiB()
  await memory.stop()

  // What no change to the mock's HTTP layer can pass: bare Fastify doing the mock's domain and store write.
  for (const [where, path] of [['an empty file database', join(dir, 'floor.sqlite')], [':memory:', ':memory:']] as const) {
    const floor = await startServer(path, 'domain floor')
    await fetch(`${floor.url}/messages`, { method: 'POST', body: seedBody, headers: json('bench-post') })
    await bench(`floor: bare Fastify + the mock's domain and store, POST /messages, ${where}`, postMessage(floor, 'bench-post'), postMessage(bare, 'bare'))
    await floor.stop()
  }

  const listing = `/conversations?type=user&intercom_user_id=${QUERIED_USER}&open=true`
  const bareGet = get(bare, listing, 'bare')
  for (const [token, size] of [['bench-small', small], ['bench-large', large]] as const) {
    await answersAList(get(mock, listing, token), 'conversations')
    await bench(`GET /conversations?type=user&intercom_user_id=…&open=true, ${label(size)} conversations`, get(mock, listing, token), bareGet)
  }
  const listingFloor = await startServer(db, 'domain floor')
  await bench(`floor: bare Fastify + the mock's domain and store, the seed listing, ${label(small)} conversations`, get(listingFloor, listing, 'bench-small'), bareGet)
  await listingFloor.stop()
  const searchBody = JSON.stringify({ query: { field: 'contact_ids', operator: '=', value: QUERIED_USER }, pagination: { per_page: 20 } })
  const search = (server: RunningServer, token: string): Target => ({ server, options: { url: `${server.url}/conversations/search`, method: 'POST', body: searchBody, headers: json(token, { 'intercom-version': '2.11' }) } })
  for (const [token, size] of [['bench-small', small], ['bench-large', large]] as const) {
    await answersAList(search(mock, token), 'conversations')
    await bench(`2.x POST /conversations/search contact_ids = …, ${label(size)} conversations`, search(mock, token), search(bare, 'bare'))
  }
  const perPage = 50
  const deepPage = Math.max(2, Math.floor(large / perPage) - 1)
  const cursor = contactListCursor(db, 'bench-contacts', deepPage, perPage)
  const contactPages = {
    deep: get(mock, `/contacts?per_page=${perPage}&starting_after=${encodeURIComponent(cursor)}`, 'bench-contacts', { 'intercom-version': '2.11' }),
    first: get(mock, `/contacts?per_page=${perPage}`, 'bench-contacts', { 'intercom-version': '2.11' })
  }
  for (const page of Object.values(contactPages)) await answersAList(page, 'data')
  await bench(`2.x GET /contacts, a cursor to page ${deepPage} of ${label(large)} contacts`, contactPages.deep, get(bare, '/contacts', 'bare'))
  await bench('2.x GET /contacts, the first page', contactPages.first, get(bare, '/contacts', 'bare'))
  const largePeak = mock.peakRssMiB()
  await mock.stop()
  await bare.stop()

  // Servers of their own files: two processes writing one file would wait on each other's locks.
  const overhead = await controlPlaneCost(join(dir, 'plain.sqlite'), join(dir, 'full.sqlite'))
  const webhookLine = await webhookDelivery(join(dir, 'hooks.sqlite'))
  rmSync(dir, { recursive: true, force: true })

  const find = (prefix: string): Comparison | undefined => comparisons.find(c => c.name.startsWith(prefix))
  const p99Growth = (prefix: string): string => {
    const [a, b] = comparisons.filter(c => c.name.startsWith(prefix))
    return a === undefined || b === undefined ? '' : ratio(b.mock.p99, Math.max(a.mock.p99, 1))
  }
  const rps = (prefix: string): string => {
    const c = find(prefix)
    return c === undefined ? '' : ratio(c.mock.requestsPerSecond, c.bare.requestsPerSecond)
  }

  console.log('')
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}`)
  console.log(`load: ${connections} connections for ${seconds} s, best of ${rounds} interleaved rounds per side; the listed user holds 1 in 10 conversations, 1 in 5 is closed`)
  console.log('')
  for (const line of comparisonTable(comparisons)) console.log(line)
  console.log('')
  console.log('| target (issue 12) | measured | goal |')
  console.log('| --- | ---: | ---: |')
  console.log(`| POST /messages req/s ÷ bare, file database holding ${label(large)} conversations | ${rps('POST /messages (the seed curl)')} | ≥ 0.4× |`)
  console.log(`| POST /messages req/s ÷ bare, an empty file database | ${rps('POST /messages, an empty file')} | ≥ 0.4× |`)
  console.log(`| POST /messages req/s ÷ bare, :memory: | ${rps('POST /messages, :memory:')} | ≥ 0.6× |`)
  console.log(`| (the floor) bare Fastify + the mock's domain and store, an empty file / :memory: | ${rps('floor: bare Fastify + the mock\'s domain and store, POST /messages, an empty')} / ${rps('floor: bare Fastify + the mock\'s domain and store, POST /messages, :memory:')} | |`)
  console.log(`| seed listing req/s ÷ bare, ${label(small)} | ${rps('GET /conversations')} | ≥ 0.4× |`)
  console.log(`| (the floor) bare Fastify + the mock's domain and store, the seed listing, ${label(small)} | ${rps('floor: bare Fastify + the mock\'s domain and store, the seed listing')} | |`)
  console.log(`| seed listing p99 at ${label(large)} ÷ at ${label(small)} | ${p99Growth('GET /conversations')} | ≤ 1.5× |`)
  console.log(`| 2.x search p99 at ${label(large)} ÷ at ${label(small)} | ${p99Growth('2.x POST /conversations/search')} | ≤ 1.5× |`)
  const deep = find('2.x GET /contacts, a cursor')
  const first = find('2.x GET /contacts, the first')
  console.log(`| GET /contacts p99, deep cursor ÷ first page (${label(large)} contacts) | ${deep === undefined || first === undefined ? '' : ratio(deep.mock.p99, Math.max(first.mock.p99, 1))} | ≤ 1.5× |`)
  console.log(`| spawn → first 200, node dist/cli.js ÷ bare (median of ${startRuns}: ${direct.toFixed(0)} ms vs ${bareStart.toFixed(0)} ms) | ${ratio(direct, bareStart)} | ≤ 1.5× |`)
  console.log(`| spawn → first 200, npm start ÷ bare (${viaNpm.toFixed(0)} ms) | ${ratio(viaNpm, bareStart)} | |`)
  console.log(`| peak RSS under the POST load ÷ bare (${postPeak.mock.toFixed(0)} MiB vs ${postPeak.bare.toFixed(0)} MiB; :memory: ${memoryPeak.toFixed(0)} MiB) | ${ratio(postPeak.mock, postPeak.bare)} | ≤ 1.5× |`)
  console.log(`| peak RSS under the POST load, file database holding ${label(large)} conversations ÷ an empty one (${emptyPeak.toFixed(0)} MiB) | ${ratio(postPeak.mock, emptyPeak)} | flat |`)
  console.log(`| peak RSS after the ${label(large)} listing, search and contacts loads ÷ after the POST load (${largePeak.toFixed(0)} MiB) | ${ratio(largePeak, postPeak.mock)} | |`)
  console.log(`| reset of a ${label(small)}-conversation workspace, ms | ${resets.resetsMs.map(ms => ms.toFixed(2)).join(', ')} | ≤ 5 ms |`)
  console.log(`| journal + rate-limit accounting + empty fault list, POST /messages throughput cost (CPU a request: ${overhead.cpu}) | ${overhead.throughput} | ≤ 10 % |`)
  console.log('')
  console.log(`reset's background purge: ${resets.purgeTotalMs.toFixed(0)} ms in ${resets.purgeSteps} steps, the longest ${resets.purgeMaxStepMs.toFixed(1)} ms`)
  console.log(webhookLine)
}

/**
 * What the journal, rate-limit accounting and an empty fault-rule list cost POST /messages together:
 * a server with none of them (journal size 0, rate limiting off) against one with all (the default
 * journal, every request counted under a limit it never reaches, a rule added and deleted), in
 * alternating rounds; throughput and the server's CPU a request, which other load disturbs far less.
 * The cost is the median over the rounds of one server's figure against the other's in the same round,
 * so one round the machine disturbed does not decide it (a mean of two-second rounds moved by ±6 %).
 */
async function controlPlaneCost (plainDb: string, fullDb: string): Promise<{ throughput: string, cpu: string }> {
  const plain = await startServer(plainDb, 'node dist/cli.js', { INTERCOM_MOCK_JOURNAL_SIZE: '0' })
  const full = await startServer(fullDb, 'node dist/cli.js', { INTERCOM_MOCK_RATE_LIMIT: '100000000/10' })
  const control = (path: string, method: string, payload?: unknown) =>
    fetch(`${full.url}${path}`, { method, headers: json('bench-full'), ...(payload === undefined ? {} : { body: JSON.stringify(payload) }) })
  await control('/__mock/faults', 'POST', { match: { path: '/conversations/*/reply' }, respond: { status: 503 } })
  await control('/__mock/faults', 'DELETE')
  await fetch(`${plain.url}/messages`, { method: 'POST', body: seedBody, headers: json('bench-plain') })
  const runs: Array<Record<'plain' | 'full', Figures>> = []
  for (let round = 0; round < 3 * rounds; round++) {
    const figures: Partial<Record<'plain' | 'full', Figures>> = {}
    for (const kind of round % 2 === 0 ? ['plain', 'full'] as const : ['full', 'plain'] as const) {
      figures[kind] = await measure(postMessage(kind === 'plain' ? plain : full, `bench-${kind}`), Math.max(1, Math.round(seconds / 3)), connections)
    }
    runs.push(figures as Record<'plain' | 'full', Figures>)
  }
  await plain.stop()
  await full.stop()
  const median = (values: number[]): number => {
    const sorted = [...values].sort((a, b) => a - b)
    const middle = Math.floor(sorted.length / 2)
    return sorted.length % 2 === 1 ? sorted[middle] as number : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
  }
  const of = (kind: 'plain' | 'full', figure: keyof Figures): number => median(runs.map(run => run[kind][figure]))
  const percent = (change: number) => `${change >= 0 ? '+' : '−'}${Math.abs(change * 100).toFixed(1)} %`
  return {
    throughput: `${percent(median(runs.map(run => 1 - run.full.requestsPerSecond / run.plain.requestsPerSecond)))} ` +
      `(median ${Math.round(of('full', 'requestsPerSecond'))} vs ${Math.round(of('plain', 'requestsPerSecond'))} req/s)`,
    cpu: `${percent(median(runs.map(run => run.full.cpuMicrosPerRequest / run.plain.cpuMicrosPerRequest - 1)))}, ` +
      `median ${of('full', 'cpuMicrosPerRequest').toFixed(0)} vs ${of('plain', 'cpuMicrosPerRequest').toFixed(0)} µs`
  }
}

/**
 * One request of a listing scenario before its load: it must answer 200 with a list that is not empty,
 * or the load would time an empty page. Prints what a request of the load gets.
 */
async function answersAList (target: Target, listKey: string): Promise<void> {
  const { url, method = 'GET', body, headers } = target.options
  const response = await fetch(String(url), { method, headers: headers as Record<string, string>, ...(typeof body === 'string' ? { body } : {}) })
  const text = await response.text()
  const list = (JSON.parse(text) as Record<string, unknown>)[listKey]
  if (response.status !== 200 || !Array.isArray(list) || list.length === 0) throw new Error(`${method} ${String(url)} answered ${response.status} without a ${listKey} list to time: ${text.slice(0, 300)}`)
  console.log(`${method} ${new URL(String(url)).pathname}: each answer ${list.length} ${listKey === 'data' ? 'contacts' : listKey}, ${(text.length / 1024).toFixed(1)} KiB`)
}

/** POST /messages with one webhook subscription to a receiver on localhost: how fast the outbox drains. */
async function webhookDelivery (db: string): Promise<string> {
  const server = await startServer(db)
  const hooks = await webhookReceiver()
  await fetch(`${server.url}/__mock/webhooks`, { method: 'POST', headers: json('bench-hooks'), body: JSON.stringify({ url: hooks.url, topics: ['conversation.user.created'] }) })
  const hooked = await measure(postMessage(server, 'bench-hooks'), seconds, connections)
  const drained = await drain(hooks.count, hooked.requests + 1) // + the subscription's ping
  hooks.close()
  await server.stop()
  return `webhooks: POST /messages with one subscription ${Math.round(hooked.requestsPerSecond)} req/s; ${hooks.count()} notifications delivered ` +
    `(${hooked.requests} requests counted, and the ping), the last ${drained.toFixed(1)} s after the load ended`
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
