import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:net'

export interface RunningServer {
  url: string
  child: ChildProcess
  /** From spawning the process to the first 200 from /__mock/health. */
  startupMs: number
  /** The highest resident set size of the server process so far, in MiB (Linux's VmHWM). */
  peakRssMiB: () => number
  /** CPU time the server process has used so far (user + system), in microseconds (Linux's /proc). */
  cpuMicros: () => number
  stop: () => Promise<void>
}

/**
 * How the server is started: the command itself, through `npm start` as the README's quick start does,
 * the bare Fastify baseline (bare-server.ts, beside this file once compiled), or bare Fastify with the
 * mock's domain and store writing each message (domain-floor-server.ts).
 */
export type StartCommand = 'node dist/cli.js' | 'npm start' | 'bare fastify' | 'domain floor'

const SCRIPTS: Record<StartCommand, string> = {
  'node dist/cli.js': 'dist/cli.js',
  'npm start': 'dist/cli.js',
  'bare fastify': new URL('./bare-server.js', import.meta.url).pathname,
  'domain floor': new URL('./domain-floor-server.js', import.meta.url).pathname
}

/**
 * Starts the server as a user would, on a free port, and waits until it is healthy. Rate limiting is
 * off unless `env` says otherwise: the loads run far above Intercom's 1666 per 10 s.
 */
export async function startServer (dbPath: string, command: StartCommand = 'node dist/cli.js', env: Record<string, string> = {}): Promise<RunningServer> {
  const port = await freePort()
  const started = process.hrtime.bigint()
  const [file, args] = command === 'npm start' ? ['npm', ['start', '--silent']] : [process.execPath, [SCRIPTS[command]]]
  const child = spawn(file, args, {
    env: { ...process.env, PORT: String(port), INTERCOM_MOCK_DB: dbPath, LOG_LEVEL: 'warn', INTERCOM_MOCK_RATE_LIMIT: 'off', ...env },
    stdio: ['ignore', 'inherit', 'inherit']
  })
  const url = `http://127.0.0.1:${port}`
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`)
    try {
      if ((await fetch(`${url}/__mock/health`)).status === 200) break
    } catch {}
    await new Promise(resolve => setTimeout(resolve, 2))
  }
  const startupMs = Number(process.hrtime.bigint() - started) / 1e6
  return {
    url,
    child,
    startupMs,
    peakRssMiB: () => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024,
    cpuMicros: () => {
      // Fields 14 and 15 of /proc/<pid>/stat, after the parenthesised command name: utime and stime in clock ticks (100 a second).
      const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
      return (Number(fields[11]) + Number(fields[12])) * 10_000
    },
    stop: () => new Promise(resolve => {
      child.once('exit', () => resolve())
      child.kill('SIGTERM')
    })
  }
}

function freePort (): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}
