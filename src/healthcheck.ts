/**
 * The Docker image's HEALTHCHECK (the image has no curl): exits 0 when `GET /__mock/health` answers 200
 * within two seconds, 1 otherwise. It asks the URL the server wrote to `INTERCOM_MOCK_URL_FILE` once it
 * listened, so it follows the real port however it was set (`--port`, `PORT`); without that variable,
 * `PORT` on 127.0.0.1.
 */
import { readFileSync } from 'node:fs'

function fail (message: string): never {
  process.stderr.write(`${message}\n`)
  process.exit(1)
}

function serverUrl (): string {
  const file = process.env.INTERCOM_MOCK_URL_FILE
  if (file === undefined || file === '') return `http://127.0.0.1:${process.env.PORT ?? '8080'}`
  try {
    return readFileSync(file, 'utf8').trim()
  } catch (error) {
    return fail(`${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}): the server is not listening yet`)
  }
}

const url = `${serverUrl()}/__mock/health`
try {
  const response = await fetch(url, { signal: AbortSignal.timeout(2000) })
  if (response.status !== 200) fail(`${url} answered ${response.status}`)
  process.exit(0)
} catch (error) {
  fail(`${url} did not answer: ${(error as Error).message}`)
}
