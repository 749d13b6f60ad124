import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import t from 'tap'
import { IntercomClient } from 'intercom-client-v7'
import { startIntercomMock } from '../../src/server.js'
import { workspaceKey } from '../../src/ui/key.js'
import { FIXTURE, fixtures, listen } from '../helper.js'
import { browserMissing, openPage } from './browser.js'

/**
 * The web inbox in a real browser (headless Chromium) against a mock on a real socket: what the API
 * does shows live, what the UI does goes through the API.
 */
type Mock = Awaited<ReturnType<typeof listen>>

const skip = browserMissing()

async function api (mock: { url: string }, token: string, method: string, path: string, body?: unknown): Promise<{ status: number, body: Record<string, unknown> }> {
  const response = await fetch(`${mock.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'intercom-version': '2.11', 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) })
  })
  return { status: response.status, body: await response.json() as Record<string, unknown> }
}

async function startConversation (mock: { url: string }, token: string, body: string): Promise<string> {
  const started = await api(mock, token, 'POST', '/conversations', { from: { type: 'user', id: FIXTURE.mal.id }, body })
  return String(started.body.conversation_id)
}

t.test('a message sent over the API appears in the open inbox without a reload', { skip }, async t => {
  const mock = await listen(t)
  await api(mock, 'live', 'GET', '/me')
  const page = await openPage(t)
  await page.goto(`${mock.url}/__mock/ui#/w/${workspaceKey('live')}/inbox`)
  await page.getByText('No conversations yet').waitFor()
  await page.locator('#live-state.on').waitFor()
  const client = new IntercomClient({ token: 'live', baseUrl: mock.url })
  await client.conversations.create({ from: { type: 'user', id: FIXTURE.mal.id }, body: 'Is the cargo bay pressurised?' })
  const row = page.locator('.conversation-row', { hasText: 'Is the cargo bay pressurised?' })
  await row.waitFor()
  t.match(await row.textContent(), /Malcolm Reynolds/)
  t.equal(await page.locator('.conversation-row.unread').count(), 1, 'unread, as a new customer message is')
})

t.test('an admin reply typed in the thread reaches an SDK client and the journal', { skip }, async t => {
  const mock = await listen(t)
  const id = await startConversation(mock, 'reply', 'My order never arrived')
  const page = await openPage(t)
  await page.goto(`${mock.url}/__mock/ui#/w/${workspaceKey('reply')}/inbox/${id}`)
  await page.getByText('My order never arrived').first().waitFor()
  await page.getByLabel('Acting admin').selectOption(FIXTURE.kaylee.id)
  await page.getByLabel('Write as').selectOption('admin:')
  await page.getByLabel('Message', { exact: true }).fill('It ships tomorrow, sorry for the wait.')
  await page.getByRole('button', { name: 'Send' }).click()
  await page.locator('.thread .message.from-admin', { hasText: 'It ships tomorrow' }).waitFor()

  const client = new IntercomClient({ token: 'reply', baseUrl: mock.url })
  const conversation = await client.conversations.find({ conversation_id: id })
  const reply = conversation.conversation_parts?.conversation_parts?.at(-1)
  t.equal(reply?.part_type, 'comment')
  t.equal(reply?.body, '<p>It ships tomorrow, sorry for the wait.</p>')
  t.same([reply?.author?.type, reply?.author?.id], ['admin', FIXTURE.kaylee.id])

  const [entry] = await mock.workspace('reply').requests({ method: 'POST', path: `/conversations/${id}/reply` })
  t.equal(entry?.response.status, 200)
  t.equal(entry?.request.headers['user-agent'], 'intercom-mock-ui')
  t.same(entry?.request.body, { message_type: 'comment', type: 'admin', admin_id: FIXTURE.kaylee.id, body: 'It ships tomorrow, sorry for the wait.' })
  await page.getByRole('link', { name: 'Journal' }).click()
  await page.locator('.requests tr', { hasText: `/conversations/${id}/reply` }).waitFor()
})

t.test('the journal row of a 400 opens on Intercom\'s error body', { skip }, async t => {
  const mock = await listen(t)
  const id = await startConversation(mock, 'bad', 'Hello')
  const bad = await api(mock, 'bad', 'POST', `/conversations/${id}/reply`, { message_type: 'comment', type: 'admin', body: 'no admin' })
  t.equal(bad.status, 400)
  const page = await openPage(t)
  await page.goto(`${mock.url}/__mock/ui#/w/${workspaceKey('bad')}/journal`)
  const row = page.locator('.requests tr.failed')
  await row.waitFor()
  t.equal(await row.count(), 1, 'only the 400 is marked failed')
  await row.press('Enter') // keyboard: a focused row opens with Enter
  const body = page.locator('.response-body')
  await body.waitFor()
  t.same(JSON.parse(await body.textContent() ?? ''), bad.body, 'the error.list as the client got it')
  t.match(await page.locator('.curl').textContent(), /curl -X POST '.*\/conversations\/\d+\/reply'/)
})

t.test('reset, confirmed, empties the inbox', { skip }, async t => {
  const mock = await listen(t)
  await startConversation(mock, 'reset', 'Please delete me')
  const key = workspaceKey('reset')
  const inbox = await openPage(t)
  await inbox.goto(`${mock.url}/__mock/ui#/w/${key}/inbox`)
  await inbox.getByText('Please delete me').waitFor()
  const page = await openPage(t)
  await page.goto(`${mock.url}/__mock/ui#/w/${key}/controls`)
  await page.getByRole('button', { name: 'Reset workspace…' }).click()
  await page.getByRole('button', { name: 'Yes, reset' }).click()
  await page.getByText('Workspace reset').waitFor()
  await inbox.getByText('No conversations yet').waitFor() // the other tab, live
  t.equal((await mock.workspace('reset').state()).conversations?.length ?? 0, 0)
})

t.test('a workspace\'s views never show another workspace\'s data', { skip }, async t => {
  const mock = await listen(t)
  const mine = await startConversation(mock, 'mine', 'Mine: the blue sun')
  await startConversation(mock, 'theirs', 'Theirs: the red moon')
  await api(mock, 'theirs', 'GET', '/contacts/theirs-only-request')
  const page = await openPage(t)
  const key = workspaceKey('mine')
  for (const view of ['inbox', `inbox/${mine}`, 'people', 'journal', 'webhooks', 'controls']) {
    await page.goto(`${mock.url}/__mock/ui#/w/${key}/${view}`)
    await page.locator('main h2').first().waitFor()
    await page.waitForLoadState('networkidle')
    const text = await page.locator('body').textContent() ?? ''
    t.notMatch(text, /red moon|theirs-only-request/, `${view} shows nothing of the other workspace`)
  }
  await page.goto(`${mock.url}/__mock/ui#/w/${key}/inbox`)
  await page.getByText('Mine: the blue sun').waitFor()
})

t.test('customer reply, note, assign, snooze, close and open from the thread', { skip }, async t => {
  const mock = await listen(t)
  const id = await startConversation(mock, 'acts', 'Help with billing')
  const page = await openPage(t)
  await page.goto(`${mock.url}/__mock/ui#/w/${workspaceKey('acts')}/inbox/${id}`)
  await page.getByText('Help with billing').first().waitFor()
  await page.getByLabel('Write as').selectOption('note:')
  await page.getByLabel('Message', { exact: true }).fill('Check the invoice first')
  await page.getByRole('button', { name: 'Send' }).click()
  await page.locator('.message.note', { hasText: 'Check the invoice first' }).waitFor()
  await page.getByLabel('Write as').selectOption(`customer:${FIXTURE.mal.id}`)
  await page.getByLabel('Message', { exact: true }).fill('Any news?')
  await page.getByRole('button', { name: 'Send' }).click()
  await page.locator('.message.from-customer', { hasText: 'Any news?' }).waitFor()
  await page.getByLabel('Assign to').selectOption(`team:${FIXTURE.crew.id}`)
  await page.getByRole('button', { name: 'Assign', exact: true }).click()
  await page.locator('.event', { hasText: 'to team Serenity crew' }).waitFor()
  await page.getByRole('button', { name: 'Snooze' }).click()
  await page.locator('.thread-header .badge.snoozed').waitFor()
  await page.getByRole('button', { name: 'Open', exact: true }).click()
  await page.locator('.thread-header .badge.open').waitFor()
  await page.getByRole('button', { name: 'Close', exact: true }).click()
  await page.locator('.thread-header .badge.closed').waitFor()
  const parts = (await mock.workspace('acts').requests({ path: `/conversations/${id}/**` })).map(e => `${e.method} ${e.path.split('/').at(-1) ?? ''} ${e.response.status}`)
  t.same(parts.reverse(), ['POST reply 200', 'POST reply 200', 'POST parts 200', 'POST parts 200', 'POST parts 200', 'POST parts 200'])
})

t.test('with INTERCOM_MOCK_ADMIN_TOKEN the page asks for it once per tab, then works live', { skip }, async t => {
  const mock = await listen(t, { adminToken: 'sesame' })
  const page = await openPage(t)
  await page.goto(`${mock.url}/__mock/ui`)
  await page.getByLabel('Admin token').fill('wrong')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByText('That admin token was refused.').waitFor()
  await page.getByLabel('Admin token').fill('sesame')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByRole('heading', { name: 'Workspaces' }).waitFor()
  await page.getByLabel('Open a workspace by access token').fill('guarded')
  await page.getByRole('button', { name: 'Open' }).click()
  await page.locator('#live-state.on').waitFor()
  await startConversation(mock, 'guarded', 'Behind the guard')
  await page.getByText('Behind the guard').waitFor()
  t.equal(await page.evaluate('sessionStorage.getItem("intercom-mock-admin-token")'), 'sesame')
})

t.test('at a phone\'s width a thread takes the screen, with a way back to the list', { skip }, async t => {
  const mock = await listen(t)
  const id = await startConversation(mock, 'phone', 'Sent from my phone')
  const page = await openPage(t, { width: 390, height: 800, colorScheme: 'dark' })
  await page.goto(`${mock.url}/__mock/ui#/w/${workspaceKey('phone')}/inbox/${id}`)
  await page.locator('.thread .message').first().waitFor()
  t.notOk(await page.locator('.list-pane').isVisible(), 'the list hides behind the thread')
  await page.getByRole('link', { name: '← All conversations' }).click()
  await page.locator('.conversation-row').waitFor()
  t.ok(await page.locator('.list-pane').isVisible())
  const width = await page.evaluate<number>('document.documentElement.scrollWidth')
  t.ok(width <= 390, `no sideways scrolling (${width}px)`)
  t.equal(await page.evaluate<string>('getComputedStyle(document.body).backgroundColor'), 'rgb(17, 20, 24)', 'dark, as the system asks')
})

t.test('after the mock restarts, the open page reconnects by itself and goes on live', { skip }, async t => {
  const dbPath = `${t.testdir()}/mock.sqlite`
  const first = await startIntercomMock({ dbPath, fixtures: fixtures(), logLevel: 'silent' })
  const { port } = first
  await startConversation(first, 'restart', 'Before the restart')
  const page = await openPage(t)
  await page.goto(`${first.url}/__mock/ui#/w/${workspaceKey('restart')}/inbox`)
  await page.getByText('Before the restart').waitFor()
  await page.locator('#live-state.on').waitFor()
  await first.close()
  await page.locator('#live-state.off').waitFor()
  const second = await startIntercomMock({ dbPath, port, fixtures: fixtures(), logLevel: 'silent' })
  t.teardown(() => second.close())
  await page.locator('#live-state.on').waitFor()
  await startConversation(second, 'restart', 'After the restart')
  await page.getByText('After the restart').waitFor()
  t.pass('the message sent after the restart showed without a reload')
})

t.test('people: search by email, name or external id; a person opens on attributes and conversations', { skip }, async t => {
  const mock = await listen(t)
  const id = await startConversation(mock, 'people', 'About my account')
  const page = await openPage(t)
  await page.goto(`${mock.url}/__mock/ui#/w/${workspaceKey('people')}/people`)
  await page.getByText('7 of 7 people').waitFor()
  for (const [query, expected] of [['inara@', 'Inara Serra'], ['jayne', 'Jayne Cobb'], ['25', 'Malcolm Reynolds']] as const) {
    await page.getByLabel('Search').fill(query)
    await page.locator('.person-row', { hasText: expected }).waitFor()
    t.equal(await page.locator('.person-row').count(), 1, `${query} finds ${expected} alone`)
  }
  await page.locator('.person-row').click()
  await page.getByRole('heading', { name: 'Malcolm Reynolds' }).waitFor()
  t.match(await page.locator('.attributes').first().textContent(), /email\s*mal@serenity\.io/)
  await page.getByRole('link', { name: /About my account/ }).click()
  await page.waitForURL(`**/inbox/${id}`)
  await page.locator('.thread .message', { hasText: 'About my account' }).waitFor()
})

t.test('journal filters by method, path and status; webhooks show each delivery attempt live', { skip }, async t => {
  const received: string[] = []
  const receiver = createServer((req, res) => { req.resume(); req.on('end', () => { received.push(req.url ?? ''); res.end('ok') }) })
  await new Promise<void>(resolve => receiver.listen(0, '127.0.0.1', resolve))
  t.teardown(() => { receiver.close() })
  const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`
  const mock = await listen(t)
  const subscribed = await fetch(`${mock.url}/__mock/webhooks`, { method: 'POST', headers: { authorization: 'Bearer hooks', 'content-type': 'application/json' }, body: JSON.stringify({ url: hook, topics: ['conversation.user.created'] }) })
  t.equal(subscribed.status, 200)
  await api(mock, 'hooks', 'GET', '/contacts/missing')
  const page = await openPage(t)
  await page.goto(`${mock.url}/__mock/ui#/w/${workspaceKey('hooks')}/webhooks`)
  await page.getByText(hook).waitFor()
  await page.locator('.deliveries tr', { hasText: 'ping' }).getByText('HTTP 200').waitFor() // a new subscription's ping
  await startConversation(mock, 'hooks', 'Ping the webhook')
  await page.locator('.deliveries tr', { hasText: 'conversation.user.created' }).getByText('HTTP 200').waitFor()
  t.same(received, ['/hook', '/hook'])

  await page.getByRole('link', { name: 'Journal' }).click()
  await page.getByText('2 requests').waitFor()
  await page.getByLabel('Status').fill('4xx')
  await page.getByLabel('Status').press('Enter')
  await page.getByText('1 request').waitFor()
  t.match(await page.locator('.requests tbody').textContent(), '/contacts/missing')
  await page.getByLabel('Status').fill('')
  await page.getByLabel('Method').selectOption('POST')
  // The count reads "1 request" before and after this filter: wait for the listed request to change.
  await page.locator('.requests tbody tr', { hasText: '/contacts/missing' }).waitFor({ state: 'detached' })
  await page.getByText('1 request').waitFor()
  t.match(await page.locator('.requests tbody').textContent(), /POST\s*\/conversations/)
  await page.getByLabel('Method').selectOption('')
  await page.getByLabel('Path').fill('/contacts/*')
  await page.getByLabel('Path').press('Enter')
  await page.locator('.requests tbody tr', { hasText: '/conversations' }).waitFor({ state: 'detached' })
  await page.getByText('1 request').waitFor()
  t.match(await page.locator('.requests tbody').textContent(), '/contacts/missing')
})
