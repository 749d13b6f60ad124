/**
 * The Docker image's HEALTHCHECK (the image has no curl): exits 0 when `GET /__mock/health` on this
 * container's PORT answers 200 within two seconds, 1 otherwise.
 */
const port = process.env.PORT ?? '8080'
const url = `http://127.0.0.1:${port}/__mock/health`

try {
  const response = await fetch(url, { signal: AbortSignal.timeout(2000) })
  if (response.status !== 200) {
    process.stderr.write(`${url} answered ${response.status}\n`)
    process.exit(1)
  }
  process.exit(0)
} catch (error) {
  process.stderr.write(`${url} did not answer: ${(error as Error).message}\n`)
  process.exit(1)
}
