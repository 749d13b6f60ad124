import { request as httpRequest } from 'node:http'
import t from 'tap'
import { listen, T0 } from '../../helper.js'

/** Sends a request over a real socket exactly as curl does, and reads the whole answer. */
function send (port: number, method: string, path: string, headers: Record<string, string>, body?: string) {
  return new Promise<{ status: number, headers: Record<string, unknown>, body: string }>((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      let text = ''
      res.on('data', (chunk) => { text += String(chunk) })
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

t.test('the seed document\'s curl, verbatim, over a socket; then its conversation lists first', async t => {
  const mock = await listen(t)
  // curl http://127.0.0.1:8080/messages -XPOST -H 'Authorization:Bearer <Your access token>' \
  //   -H 'Accept: application/json' -H 'Content-Type: application/json' \
  //   -d '{"from":{"type":"user","id":"536e564f316c83104c000020"},"body":"Hey"}'
  const body = '{"from":{"type":"user","id":"536e564f316c83104c000020"},"body":"Hey"}'
  const headers = {
    Host: `127.0.0.1:${mock.port}`,
    'User-Agent': 'curl/7.88.1',
    Authorization: 'Bearer <Your access token>',
    Accept: 'application/json',
    'Content-Type': 'application/json',
    'Content-Length': String(Buffer.byteLength(body))
  }
  const sent = await send(mock.port, 'POST', '/messages', headers, body)
  t.equal(sent.status, 200)
  t.match(sent.headers['content-type'], /^application\/json; charset=utf-8$/)
  t.match(sent.headers['x-request-id'], /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  const message = JSON.parse(sent.body)
  t.strictSame(message, { type: 'user_message', id: '2001', created_at: T0, body: 'Hey', message_type: 'inapp' })

  const listed = await send(mock.port, 'GET', '/conversations?type=user&intercom_user_id=536e564f316c83104c000020&open=true', {
    Host: `127.0.0.1:${mock.port}`,
    Authorization: 'Bearer <Your access token>',
    Accept: 'application/json'
  })
  t.equal(listed.status, 200)
  const [first] = JSON.parse(listed.body).conversations
  t.equal(first.conversation_message.id, message.id, 'the first conversation is the one the message opened')
  t.equal(first.conversation_message.body, '<p>Hey</p>')
  t.equal(first.open, true)
})
