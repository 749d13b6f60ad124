import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { cpus, totalmem, tmpdir } from 'node:os'
import { mkdtempSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import autocannon from 'autocannon'
import { QUERIED_USER, seedWorkspace, type SeedPlan } from './seed.js'
import { startServer } from './server.js'

/**
 * `npm run bench`: throughput and latency of the seed POST /messages and of the seed document's
 * conversation listing at 10k and 100k conversations, time to healthy, and peak memory. Prints
 * figures; asserts nothing (targets are read from these figures, never timed in tests).
 * BENCH_SECONDS sets each load's duration (default 10); BENCH_CONNECTIONS its concurrency (default 10).
 */
const seconds = Number(process.env.BENCH_SECONDS ?? 10)
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10)

interface Load {
  name: string
  requests: number
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
  let webhookLine = ''
  const seedBody = JSON.stringify({ from: { type: 'user', id: QUERIED_USER }, body: 'Hey' })
  const post = { method: 'POST' as const, body: seedBody, headers: { authorization: 'Bearer bench-post', accept: 'application/json', 'content-type': 'application/json' } }
  await fetch(`${server.url}/messages`, post) // creates the workspace before timing starts
  loads.push(await load('POST /messages (the seed curl)', { url: `${server.url}/messages`, ...post }))
  const hooks = await webhookReceiver()
  const hookedPost = { ...post, headers: { ...post.headers, authorization: 'Bearer bench-hooks' } }
  await fetch(`${server.url}/__mock/webhooks`, { ...hookedPost, body: JSON.stringify({ url: hooks.url, topics: ['conversation.user.created'] }) })
  const hooked = await load('POST /messages, one webhook subscription (receiver on localhost)', { url: `${server.url}/messages`, ...hookedPost })
  loads.push(hooked)
  const drained = await drain(hooks.count, hooked.requests + 1) // + the subscription's ping
  webhookLine = `webhooks: ${hooks.count()} notifications delivered (${hooked.requests} requests counted, and the ping), the last ${drained.toFixed(1)} s after the load ended`
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
  for (const l of loads) console.log(`| ${l.name} | ${Math.round(l.requestsPerSecond)} | ${l.p50} | ${l.p99} | ${l.errors} |`)
  console.log(`| process start to a 200 from /__mock/health | | ${server.startupMs.toFixed(0)} | | |`)
  console.log(`| peak RSS of the server process | ${peak.toFixed(0)} MiB | | | |`)
  console.log('')
  console.log(webhookLine)
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
