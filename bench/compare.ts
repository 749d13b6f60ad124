import autocannon from 'autocannon'
import type { RunningServer } from './server.js'

/** One load's figures: requests/s, latency, the server's CPU a request, errors. */
export interface Figures {
  requestsPerSecond: number
  p50: number
  p99: number
  cpuMicrosPerRequest: number
  requests: number
  errors: number
}

/** A scenario measured on the mock and on the bare Fastify baseline, in the same run. */
export interface Comparison {
  name: string
  mock: Figures
  bare: Figures
}

export interface Target {
  server: RunningServer
  options: autocannon.Options
}

/** Loads `target` for `seconds` with `connections`, and reads the server process's CPU around it. */
export async function measure (target: Target, seconds: number, connections: number): Promise<Figures> {
  const before = target.server.cpuMicros()
  const result = await autocannon({ connections, duration: seconds, ...target.options })
  const micros = target.server.cpuMicros() - before
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpuMicrosPerRequest: micros / Math.max(1, result.requests.total),
    requests: result.requests.total,
    errors: result.errors + result.timeouts + result.non2xx
  }
}

/**
 * The mock and the baseline loaded in turns (`rounds` of each, the order alternating) so a change in
 * the shared machine's load falls on both alike; each side keeps its best round (throughput, latency
 * and CPU of that round), the quietest the machine allowed.
 */
export async function compare (name: string, mock: Target, bare: Target, seconds: number, connections: number, rounds = 2): Promise<Comparison> {
  const runs = { mock: [] as Figures[], bare: [] as Figures[] }
  for (let round = 0; round < rounds; round++) {
    for (const side of round % 2 === 0 ? ['bare', 'mock'] as const : ['mock', 'bare'] as const) {
      runs[side].push(await measure(side === 'mock' ? mock : bare, seconds, connections))
    }
  }
  const best = (of: Figures[]): Figures => of.reduce((a, b) => (b.requestsPerSecond > a.requestsPerSecond ? b : a))
  return { name, mock: best(runs.mock), bare: best(runs.bare) }
}

export function ratio (a: number, b: number): string {
  return b === 0 || !Number.isFinite(a / b) ? '' : `${(a / b).toFixed(2)}×`
}

/** The comparisons as a Markdown table: the mock's figures, the baseline's, and the ratios the targets are read from. */
export function comparisonTable (comparisons: readonly Comparison[]): string[] {
  const lines = [
    '| scenario | mock req/s | bare req/s | req/s ÷ bare | mock p50 / p99 ms | bare p50 / p99 ms | mock CPU µs/req | bare CPU µs/req | CPU ÷ bare | errors |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |'
  ]
  for (const { name, mock, bare } of comparisons) {
    lines.push(`| ${name} | ${Math.round(mock.requestsPerSecond)} | ${Math.round(bare.requestsPerSecond)} | ${ratio(mock.requestsPerSecond, bare.requestsPerSecond)} | ` +
      `${mock.p50} / ${mock.p99} | ${bare.p50} / ${bare.p99} | ${mock.cpuMicrosPerRequest.toFixed(0)} | ${bare.cpuMicrosPerRequest.toFixed(0)} | ` +
      `${ratio(mock.cpuMicrosPerRequest, bare.cpuMicrosPerRequest)} | ${mock.errors} |`)
  }
  return lines
}
