import { request as httpRequest } from 'node:http'
import t from 'tap'
import { build, FIXTURE, listen } from '../helper.js'

t.test('trailing slashes are accepted (python-intercom 3.x POST /messages/)', async t => {
  const api = await build(t)
  t.equal((await api.request({ method: 'POST', url: '/messages/', payload: { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Hi' } })).statusCode, 200)
  t.equal((await api.request({ method: 'POST', url: '/users/', payload: { user_id: 'slash' } })).statusCode, 200)
  t.equal((await api.request({ method: 'POST', url: '/contacts/', payload: {} })).statusCode, 200)
  t.equal((await api.request({ url: '/conversations/' })).json().conversations.length, 1)
})

t.test('boolean query parameters accept True/False in any case', async t => {
  const api = await build(t)
  await api.request({ method: 'POST', url: '/messages', payload: { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Hi' } })
  for (const [value, count] of [['True', 1], ['TRUE', 1], ['true', 1], ['False', 0], ['false', 0]] as const) {
    const res = await api.request({ url: `/conversations?type=user&intercom_user_id=${FIXTURE.mal.id}&open=${value}` })
    t.equal(res.statusCode, 200, value)
    t.equal(res.json().conversations.length, count, value)
  }
  t.equal((await api.request({ url: '/conversations?unread=True' })).json().conversations.length, 1)
})

t.test('redundant fields in query and body are ignored', async t => {
  const api = await build(t)
  const res = await api.request({
    method: 'POST',
    url: '/messages',
    payload: { from: { type: 'user', id: FIXTURE.mal.id, name: 'ignored' }, body: 'Hi', referer: 'https://twitter.com/bob', custom_attributes: {} }
  })
  t.equal(res.statusCode, 200)
  t.equal((await api.request({ url: '/conversations?utm_source=x&type=user&intercom_user_id=' + FIXTURE.mal.id })).statusCode, 200)
  t.equal((await api.request({ method: 'POST', url: '/users', payload: { user_id: 'extra', companies: [{ company_id: 'c1' }], last_seen_ip: '1.2.3.4' } })).statusCode, 200)
})

t.test('numbers are accepted where Intercom expects strings', async t => {
  const api = await build(t)
  const res = await api.request({ method: 'POST', url: '/messages', payload: { from: { type: 'user', user_id: 25 }, body: 'Hi' } })
  t.equal(res.statusCode, 200)
  t.equal((await api.request({ method: 'POST', url: '/users', payload: { user_id: 1234, name: 'Numeric' } })).json().user_id, '1234')
})

t.test('every Accept value real clients send is answered with JSON, never 406', async t => {
  const api = await build(t)
  for (const accept of ['application/json', '*/*', 'application/vnd.intercom.3+json', 'text/html']) {
    const res = await api.request({ url: '/admins', headers: { accept } })
    t.equal(res.statusCode, 200, accept)
    t.match(res.headers['content-type'], /^application\/json/)
  }
  const none = await api.app.inject({ method: 'GET', url: '/admins', headers: { authorization: 'Bearer x' } })
  t.equal(none.statusCode, 200, 'no Accept at all')
})

t.test('a body typed application/vnd.intercom.3+json is read as JSON', async t => {
  const api = await build(t)
  const res = await api.request({
    method: 'POST',
    url: '/users',
    payload: JSON.stringify({ user_id: 'vnd' }),
    headers: { 'content-type': 'application/vnd.intercom.3+json' }
  })
  t.equal(res.statusCode, 200)
})

t.test('absolute-form request targets are routed by their path (intercom-ruby 3.x page 2)', async t => {
  const mock = await listen(t)
  const status = await new Promise<{ status: number, body: string }>((resolve, reject) => {
    const req = httpRequest({
      host: '127.0.0.1',
      port: mock.port,
      method: 'GET',
      path: `http://127.0.0.1:${mock.port}/conversations?page=2&per_page=1`,
      headers: { authorization: 'Bearer abs', accept: 'application/vnd.intercom.3+json' }
    }, (res) => {
      let body = ''
      res.on('data', (chunk) => { body += String(chunk) })
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    req.end()
  })
  t.equal(status.status, 200)
  t.match(JSON.parse(status.body), { type: 'conversation.list', pages: { page: 2, per_page: 1 } })
})
