import t from 'tap'
import { assertError, build, FIXTURE, listen, T0, type TestApp } from '../../helper.js'

const call = (api: TestApp, method: 'GET' | 'POST', url: string, payload?: unknown, version = '2.11', headers: Record<string, string> = {}) =>
  api.request({ method, url, version, headers, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) })

/** A 3×2 PNG, a 5×4 GIF and a 7×6 JPEG header: enough bytes for their sizes to be read. */
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.from('IHDR'), Buffer.from([0, 0, 0, 3, 0, 0, 0, 2, 8, 6, 0, 0, 0])])
const gif = Buffer.concat([Buffer.from('GIF89a'), Buffer.from([5, 0, 4, 0, 0, 0, 0])])
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xc0, 0, 11, 8, 0, 6, 0, 7, 3, 1, 0x22, 0])

async function start (api: TestApp, payload: Record<string, unknown> = {}): Promise<string> {
  const res = await call(api, 'POST', '/conversations', { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Look at this', ...payload })
  if (res.statusCode !== 200) throw new Error(res.body)
  return res.json().conversation_id
}

t.test('POST /conversations keeps attachment_urls and subject; the source renders them', async t => {
  const api = await build(t)
  const id = await start(api, { subject: 'The engine', attachment_urls: ['https://files.serenity.io/engine%20room.png', 'https://files.serenity.io/log'] })
  const source = (await call(api, 'GET', `/conversations/${id}`)).json().source
  t.equal(source.subject, 'The engine')
  t.strictSame(source.attachments, [
    { type: 'upload', name: 'engine room.png', url: 'https://files.serenity.io/engine%20room.png', content_type: 'image/png', filesize: 0 },
    { type: 'upload', name: 'log', url: 'https://files.serenity.io/log', content_type: 'application/octet-stream', filesize: 0 }
  ])
  const v1 = (await call(api, 'GET', `/conversations/${id}`, undefined, '1.4')).json()
  t.strictSame(v1.conversation_message.attachments[0], { type: 'upload', name: 'engine room.png', url: 'https://files.serenity.io/engine%20room.png', content_type: 'image/png', filesize: 0, width: null, height: null })
  assertError(t, await call(api, 'POST', '/conversations', { from: { type: 'user', id: FIXTURE.mal.id }, body: 'x', attachment_urls: Array.from({ length: 11 }, (_, i) => `https://f.io/${i}`) }), 400, {
    code: 'parameter_invalid', message: 'attachment_urls can hold at most 10 URLs', field: 'attachment_urls'
  })
})

t.test('an admin reply\'s attachment_files are stored, rendered with real sizes and served back without a token', async t => {
  const api = await build(t)
  const id = await start(api)
  const res = await call(api, 'POST', `/conversations/${id}/reply`, {
    type: 'admin', message_type: 'comment', admin_id: FIXTURE.wash.id, body: 'Pictures',
    attachment_files: [
      { name: 'a.png', content_type: 'image/png', data: png.toString('base64') },
      { name: 'b.gif', content_type: 'image/gif', data: gif.toString('base64') },
      { name: 'c d.jpg', content_type: 'image/jpeg', data: jpeg.toString('base64') },
      { name: 'notes.txt', content_type: 'text/plain', data: Buffer.from('hello').toString('base64') }
    ],
    attachment_urls: ['https://files.serenity.io/manual.pdf']
  }, '2.11', { host: 'mock.test:8080' })
  t.equal(res.statusCode, 200)
  const attachments = res.json().conversation_parts.conversation_parts[0].attachments
  t.match(attachments, [
    { type: 'upload', name: 'manual.pdf', content_type: 'application/pdf', filesize: 0 },
    { type: 'upload', name: 'a.png', content_type: 'image/png', filesize: png.length, width: 3, height: 2, url: /^http:\/\/mock\.test:8080\/__mock\/attachments\/[0-9a-f]{32}\/a\.png$/ },
    { name: 'b.gif', filesize: gif.length, width: 5, height: 4 },
    { name: 'c d.jpg', filesize: jpeg.length, width: 7, height: 6, url: /\/c%20d\.jpg$/ },
    { name: 'notes.txt', content_type: 'text/plain', filesize: 5 }
  ])
  t.notOk('width' in attachments[4], 'no dimensions for a file that is not an image')

  for (const [index, bytes, type] of [[1, png, 'image/png'], [4, Buffer.from('hello'), 'text/plain']] as const) {
    const path = new URL(attachments[index].url).pathname
    const served = await api.app.inject({ method: 'GET', url: path })
    t.equal(served.statusCode, 200)
    t.equal(served.headers['content-type'], type)
    t.same(served.rawPayload, bytes)
  }
  const missing = await api.app.inject({ method: 'GET', url: '/__mock/attachments/0123456789abcdef0123456789abcdef/a.png' })
  t.equal(missing.statusCode, 404)
  t.equal(missing.json().errors[0].code, 'not_found')

  // The same in 1.x: sizes and dimensions as 1.x renders them.
  const v1 = (await call(api, 'GET', `/conversations/${id}`, undefined, '1.4')).json()
  t.match(v1.conversation_parts.conversation_parts[0].attachments[1], { name: 'a.png', filesize: png.length, width: 3, height: 2 })
})

t.test('a served file is at the URL the answer gave, over a real socket', async t => {
  const mock = await listen(t)
  const headers = { authorization: 'Bearer socket', 'content-type': 'application/json', 'intercom-version': '2.11', accept: 'application/json' }
  const started = await (await fetch(`${mock.url}/conversations`, { method: 'POST', headers, body: JSON.stringify({ from: { type: 'user', id: FIXTURE.mal.id }, body: 'Hi' }) })).json() as { conversation_id: string }
  const replied = await (await fetch(`${mock.url}/conversations/${started.conversation_id}/reply`, {
    method: 'POST', headers, body: JSON.stringify({ type: 'admin', message_type: 'note', admin_id: FIXTURE.wash.id, body: 'Logo', attachment_files: [{ name: 'logo.png', content_type: 'image/png', data: png.toString('base64') }] })
  })).json() as { conversation_parts: { conversation_parts: Array<{ attachments: Array<{ url: string }> }> } }
  const url = replied.conversation_parts.conversation_parts[0]?.attachments[0]?.url as string
  t.ok(url.startsWith(`${mock.url}/__mock/attachments/`))
  const file = await fetch(url)
  t.equal(file.status, 200)
  t.same(Buffer.from(await file.arrayBuffer()), png)
})

t.test('attachment limits and errors', async t => {
  const api = await build(t)
  const id = await start(api)
  const reply = (payload: Record<string, unknown>, version = '2.11') => call(api, 'POST', `/conversations/${id}/reply`, { type: 'admin', message_type: 'comment', admin_id: FIXTURE.wash.id, body: 'x', ...payload }, version)
  const file = { name: 'a.txt', content_type: 'text/plain', data: 'aGk=' }
  assertError(t, await reply({ attachment_files: Array.from({ length: 11 }, () => file) }), 400, { code: 'parameter_invalid', message: 'attachment_files can hold at most 10 files', field: 'attachment_files' })
  assertError(t, await reply({ attachment_files: [{ ...file, data: 'not base64!' }] }), 400, { code: 'parameter_invalid', message: 'attachment_files data of a.txt is not base64', field: 'attachment_files' })
  assertError(t, await reply({ attachment_files: [{ ...file, data: '' }] }), 400, { code: 'parameter_invalid', message: 'attachment_files data of a.txt is empty', field: 'attachment_files' })
  const big = Buffer.alloc(10 * 1024 * 1024 + 1).toString('base64')
  assertError(t, await reply({ attachment_files: [{ ...file, data: big }] }), 400, { code: 'parameter_invalid', message: 'attachment_files a.txt is larger than 10485760 bytes', field: 'attachment_files' })
  assertError(t, await reply({ attachment_files: [file] }, '1.4'), 400, { code: 'parameter_invalid', message: 'attachment_files can hold at most 0 files', field: 'attachment_files' })
  assertError(t, await reply({ attachment_urls: Array.from({ length: 6 }, (_, i) => `https://f.io/${i}`) }, '1.4'), 400, { code: 'parameter_invalid', message: 'attachment_urls can hold at most 5 URLs', field: 'attachment_urls' })
  assertError(t, await call(api, 'POST', `/conversations/${id}/reply`, { type: 'user', message_type: 'comment', intercom_user_id: FIXTURE.mal.id, body: 'x', attachment_files: [file] }), 400, {
    code: 'parameter_invalid', message: 'attachment_files can only be sent with a reply from an admin', field: 'attachment_files'
  })
  // Nothing was written by the refused replies.
  t.equal((await call(api, 'GET', `/conversations/${id}`)).json().conversation_parts.total_count, 0)
})

t.test('a 2.x reply keeps created_at; 1.x ignores it', async t => {
  const api = await build(t)
  const id = await start(api)
  const imported = (await call(api, 'POST', `/conversations/${id}/reply`, { type: 'admin', message_type: 'comment', admin_id: FIXTURE.wash.id, body: 'Old', created_at: T0 - 3600 })).json()
  t.match(imported.conversation_parts.conversation_parts[0], { created_at: T0 - 3600, updated_at: T0 - 3600 })
  const v1 = (await call(api, 'POST', `/conversations/${id}/reply`, { type: 'admin', message_type: 'comment', admin_id: FIXTURE.wash.id, body: 'Now', created_at: T0 - 3600 }, '1.4')).json()
  t.equal(v1.conversation_parts.conversation_parts[1].created_at, T0)
})

t.test('attachment URLs stay public when INTERCOM_MOCK_ADMIN_TOKEN guards the control plane, and are not journaled', async t => {
  const api = await build(t, { adminToken: 'root' })
  const id = await start(api)
  const reply = await call(api, 'POST', `/conversations/${id}/reply`, {
    type: 'admin', message_type: 'note', admin_id: FIXTURE.wash.id, body: 'Logo', attachment_files: [{ name: 'logo.png', content_type: 'image/png', data: png.toString('base64') }]
  })
  const url = new URL(reply.json().conversation_parts.conversation_parts.at(-1).attachments[0].url as string)
  const file = await api.request({ url: url.pathname, token: null })
  t.equal(file.statusCode, 200, 'no token, no X-Intercom-Mock-Admin')
  t.equal(file.headers['content-type'], 'image/png')
  t.same(file.rawPayload, png)
  t.equal((await api.request({ url: '/__mock/requests', token: null })).statusCode, 401, 'the control plane itself is guarded')
  const journal = await api.request({ url: '/__mock/requests', headers: { 'x-intercom-mock-admin': 'root' } })
  const entries = (journal.json().data ?? journal.json()) as Array<{ path: string }>
  t.ok(Array.isArray(entries) && entries.length > 0)
  t.notOk(entries.some(entry => entry.path.startsWith('/__mock/attachments/')), 'the file fetch is not in the journal')
})
