import { request as httpRequest, Agent } from 'node:http'
import t from 'tap'
import { FIXTURE, listen } from '../helper.js'
import { isErrorList, rawRequest } from './raw-http.js'

/** Regression tests, on real sockets, for what goes wrong below routing (issue #8, defects 2, 8 and 9). */

const AUTH = 'Authorization: Bearer transport\r\n'

t.test('requests HTTP cannot route are answered as error.list with the right status', async t => {
  const mock = await listen(t)
  const cases: Array<[string, string, number, RegExp]> = [
    ['an unknown method', `FOO /me HTTP/1.1\r\nHost: x\r\n${AUTH}\r\n`, 400, /^The request method is not an HTTP method$/],
    ['a request line without a target', 'GET\r\n\r\n', 400, /./],
    ['a request line with spaces in the target', 'GET /a b c HTTP/1.1\r\nHost: x\r\n\r\n', 400, /./],
    ['an unknown HTTP version', 'GET /me HTTP/9.9\r\nHost: x\r\n\r\n', 400, /^The request line names no HTTP\/1.x version$/],
    ['HTTP/1.1 without Host', `GET /me HTTP/1.1\r\n${AUTH}\r\n`, 400, /^An HTTP\/1.1 request needs a Host header$/],
    ['Expect other than 100-continue', `POST /users HTTP/1.1\r\nHost: x\r\n${AUTH}Expect: bogus\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}`, 417, /^The Expect header can only be 100-continue, not bogus$/],
    ['headers over 16 KiB', `GET /me HTTP/1.1\r\nHost: x\r\n${AUTH}X-Padding: ${'p'.repeat(20000)}\r\n\r\n`, 431, /^The request headers are larger than the limit of 16 KiB$/],
    ['a malformed chunk size', `POST /users HTTP/1.1\r\nHost: x\r\n${AUTH}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`, 400, /^The request is not valid HTTP\/1.1$/],
    ['both Content-Length and Transfer-Encoding', `POST /users HTTP/1.1\r\nHost: x\r\n${AUTH}Content-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n{}`, 400, /./],
    ['a header line without a colon', `GET /me HTTP/1.1\r\nHost: x\r\nnot a header\r\n\r\n`, 400, /./],
    ['a body shorter than its Content-Length, then the end', `POST /users HTTP/1.1\r\nHost: x\r\n${AUTH}Content-Type: application/json\r\nContent-Length: abc\r\n\r\n{}`, 400, /./]
  ]
  for (const [name, bytes, status, message] of cases) {
    const answer = await rawRequest(mock.port, bytes)
    t.equal(answer.status, status, `${name}: ${status}`)
    t.ok(isErrorList(answer.body), `${name}: an error.list`)
    const body = JSON.parse(answer.body) as { request_id: string, errors: Array<{ code: string, message: string }> }
    t.equal(answer.headers['x-request-id'], body.request_id, `${name}: the request id is in X-Request-Id`)
    t.match(body.errors[0]?.message, message, name)
    t.match(answer.headers['content-type'], /^application\/json/)
  }
  const http10 = await rawRequest(mock.port, `GET /me HTTP/1.0\r\n${AUTH}\r\n`)
  t.equal(http10.status, 200, 'HTTP/1.0 needs no Host')
})

t.test('a 413 reaches the client on fresh connections, which it can then reuse', async t => {
  const mock = await listen(t)
  const big = Buffer.alloc(2 * 1024 * 1024, 'a')
  /** `paced` writes the body 64 KiB at a time, 2 ms apart, so that the answer comes while it is still sending. */
  const post = async (agent: Agent | false, body: Buffer, how: 'whole' | 'paced' | 'chunked' = 'whole') => await new Promise<{ status: number | undefined, body: string, reused: boolean } | { error: string }>(resolve => {
    const req = httpRequest(`${mock.url}/users`, {
      method: 'POST',
      agent,
      headers: { authorization: 'Bearer big', 'content-type': 'application/json', ...(how === 'chunked' ? {} : { 'content-length': body.length }) }
    }, res => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => { text += chunk })
      res.on('end', () => resolve({ status: res.statusCode, body: text, reused: req.reusedSocket }))
    })
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }))
    if (how === 'whole') return req.end(body)
    let sent = 0
    const next = (): void => {
      const chunk = body.subarray(sent, sent += 65536)
      if (sent >= body.length) return void req.end(chunk)
      req.write(chunk)
      setTimeout(next, 2)
    }
    next()
  })
  const answers = []
  for (let i = 0; i < 45; i++) answers.push(await post(false, big, (['whole', 'paced', 'chunked'] as const)[i % 3]))
  const lost = answers.filter(a => !('status' in a) || a.status !== 413 || !isErrorList(a.body))
  t.same(lost, [], 'each of 45 fresh-connection 2 MiB POSTs (sent whole, paced or chunked) received its 413 error.list')
  t.match(answers[0], { status: 413, body: /"message":"The request body is larger than the limit of 1048576 bytes"/ })

  const agent = new Agent({ keepAlive: true, maxSockets: 1 })
  t.teardown(() => agent.destroy())
  t.match(await post(agent, big, 'paced'), { status: 413, reused: false })
  const after = await post(agent, Buffer.from(JSON.stringify({ user_id: 'after-413' })))
  t.match(after, { status: 200, body: /"user_id":"after-413"/, reused: true }, 'the connection that got the 413 serves the next request')

  const huge = await post(false, Buffer.alloc(24 * 1024 * 1024, 'a'))
  t.ok('error' in huge || huge.status === 413, 'past the 16 MiB the mock reads, a 413 or a closed connection, never a hang')
})

t.test('odd Host and X-Forwarded-* headers never break paged lists: links fall back to the server\'s own address', async t => {
  const mock = await listen(t)
  for (let i = 0; i < 2; i++) {
    const res = await fetch(`${mock.url}/messages`, { method: 'POST', headers: { authorization: 'Bearer links', 'content-type': 'application/json' }, body: JSON.stringify({ from: { type: 'user', id: FIXTURE.mal.id }, body: `Hi ${i}` }) })
    t.equal(res.status, 200)
  }
  const own = `http://127.0.0.1:${mock.port}`
  const headerCases = [
    'X-Forwarded-Host: [', 'X-Forwarded-Proto: ht tp', 'X-Forwarded-Host: x:99999', 'X-Forwarded-Host: %41%00',
    'X-Forwarded-Proto: javascript', 'Host: :::', 'Host: [', 'Host: a b', 'Host: %41%00', 'Host: 127.0.0.1:99999', 'Host: ', 'Host: a/b?c'
  ]
  for (const header of headerCases) {
    const headers = header.startsWith('Host:') ? `${header}\r\n` : `Host: [\r\n${header}\r\n`
    for (const [path, list] of [['/users?per_page=1', 'users'], ['/contacts?per_page=1', 'contacts'], ['/conversations?per_page=1', 'conversations']]) {
      const answer = await rawRequest(mock.port, `GET ${path} HTTP/1.1\r\n${headers}Authorization: Bearer links\r\nConnection: close\r\n\r\n`)
      t.equal(answer.status, 200, `${header} on ${path}`)
      const next = (JSON.parse(answer.body) as { pages: { next: string | null } }).pages.next
      t.ok(next?.startsWith(`${own}/${list}?`), `${header} on ${path}: next page on the server's own address (${String(next)})`)
    }
    for (const path of ['/contacts?per_page=1', '/conversations?per_page=1']) {
      const answer = await rawRequest(mock.port, `GET ${path} HTTP/1.1\r\n${headers}Authorization: Bearer links\r\nIntercom-Version: 2.11\r\nConnection: close\r\n\r\n`)
      t.equal(answer.status, 200, `2.x: ${header} on ${path}`)
    }
    const search = JSON.stringify({ query: { field: 'id', operator: '!=', value: '0' }, pagination: { per_page: 1 } })
    const searched = await rawRequest(mock.port, `POST /conversations/search HTTP/1.1\r\n${headers}Authorization: Bearer links\r\nIntercom-Version: 2.11\r\nContent-Type: application/json\r\nContent-Length: ${search.length}\r\nConnection: close\r\n\r\n${search}`)
    t.equal(searched.status, 200, `2.x search: ${header}`)
  }
  const proxied = await rawRequest(mock.port, `GET /users?per_page=1 HTTP/1.1\r\nHost: internal:8080\r\nX-Forwarded-Proto: HTTPS\r\nX-Forwarded-Host: mock.example.com, proxy.local\r\nAuthorization: Bearer links\r\nConnection: close\r\n\r\n`)
  t.match(JSON.parse(proxied.body), { pages: { next: /^https:\/\/mock\.example\.com\/users\?per_page=1&page=2$/ } }, 'a proxy\'s valid headers are still honoured')
})
