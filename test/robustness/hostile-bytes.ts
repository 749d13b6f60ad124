import fc from 'fast-check'

/**
 * Requests as bytes, for what no HTTP client sends: broken request lines, header lines without a colon
 * or with control characters, conflicting lengths, bad chunking, bodies cut short, headers too large.
 */
const method = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE') },
  { weight: 1, arbitrary: fc.constantFrom('FOO', 'get', 'G ET', '', 'PRI', 'CONNECT', 'TRACE', 'M-SEARCH', '\u0000', 'GET\t', 'POST /') }
)
const target = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('/me', '/users', '/conversations?page=2', '/contacts/search', '/messages', '/__mock/health') },
  { weight: 1, arbitrary: fc.constantFrom('*', 'http://x/me', '//me', '/me#x', '/%', '/%zz', '/a b', '/\u0000', '/é', '', '/' + 'a'.repeat(9000), 'me', '/me?%') }
)
const version = fc.oneof({ weight: 4, arbitrary: fc.constant('HTTP/1.1') }, { weight: 1, arbitrary: fc.constantFrom('HTTP/1.0', 'HTTP/2.0', 'HTTP/1.1 ', 'http/1.1', 'HTTP/1', 'HTTP/9.9', '') })
const header = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('Authorization: Bearer bytes', 'Content-Type: application/json', 'Intercom-Version: 2.11', 'Accept: application/json') },
  { weight: 2, arbitrary: fc.constantFrom('Content-Length: 2', 'Content-Length: 0', 'Content-Length: -1', 'Content-Length: 1e3', 'Content-Length: 2, 3',
    'Content-Length: 99999999999999999999', 'Transfer-Encoding: chunked', 'Transfer-Encoding: gzip', 'Transfer-Encoding: chunked, identity',
    'Expect: 100-continue', 'Expect: bogus', 'Connection: upgrade', 'Upgrade: websocket', 'Host: x', 'Host: x', 'Host: [', 'Host:') },
  { weight: 1, arbitrary: fc.constantFrom('no colon here', ' folded: line', 'Bad Name: x', 'X-Nul: a\u0000b', 'X-Cr: a\rb', ': empty name', 'X-Big: ' + 'b'.repeat(17000), 'X-Latin: caf\u00e9') }
)
const body = fc.oneof(
  fc.constantFrom('', '{}', '{"from":{"type":"user","id":"x"},"body":"Hey"}', '2\r\n{}\r\n0\r\n\r\n', 'zz\r\n{}\r\n0\r\n\r\n', '5\r\n{}\r\n', '0\r\n\r\n', '{"a":'),
  fc.string({ unit: 'binary-ascii', maxLength: 60 })
)

export const hostileBytes: fc.Arbitrary<string> = fc.record({
  method, target, version,
  hostFirst: fc.boolean(),
  headers: fc.array(header, { maxLength: 6 }),
  lineEnd: fc.constantFrom('\r\n', '\r\n', '\r\n', '\n', '\r'),
  body
}).map(r => {
  const headers = r.hostFirst ? ['Host: x', ...r.headers] : r.headers
  return `${r.method} ${r.target} ${r.version}${r.lineEnd}${headers.map(h => `${h}${r.lineEnd}`).join('')}${r.lineEnd}${r.body}`
})

/** Bytes as a JavaScript string literal, long runs shortened. */
export function showBytes (bytes: string): string {
  return JSON.stringify(bytes.replace(/(.)\1{49,}/g, (run, char: string) => `${char.repeat(3)}…×${run.length}`))
}
