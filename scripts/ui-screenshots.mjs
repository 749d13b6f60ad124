// Writes the README's two screenshots of the web inbox (docs/ui-inbox.png, docs/ui-journal.png) from a
// seeded demo workspace. Needs `npm run build` and Chromium (CHROMIUM, or /usr/bin/chromium).
//   node scripts/ui-screenshots.mjs
import { createHash } from 'node:crypto'
import { mkdir } from 'node:fs/promises'
import { chromium } from 'playwright-core'
import { startIntercomMock } from '../dist/index.js'

const TOKEN = 'demo-token'
const docs = new URL('../docs/', import.meta.url)

const mock = await startIntercomMock({ clock: { now: () => 1767261600 } }) // 2026-01-01 10:00 UTC, for the same pictures every time
try {
  await seedDemo(mock.url)
  await mkdir(docs, { recursive: true })
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium' })
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' })
  const key = createHash('sha256').update(TOKEN).digest('hex').slice(0, 16)
  const conversations = await (await fetch(`${mock.url}/__mock/ui/api/w/${key}/conversations`)).json()
  const first = conversations.data.find(item => item.conversation.source.body.includes('engine'))
  await page.goto(`${mock.url}/__mock/ui#/w/${key}/inbox/${first.conversation.id}`)
  await page.waitForSelector('.thread .message')
  await page.screenshot({ path: new URL('ui-inbox.png', docs).pathname })
  const requests = await mock.workspace(TOKEN).requests({ status: '400' })
  await page.goto(`${mock.url}/__mock/ui#/w/${key}/journal/${requests[0].id}`)
  await page.waitForSelector('.response-body')
  await page.screenshot({ path: new URL('ui-journal.png', docs).pathname })
  await browser.close()
  console.log('wrote docs/ui-inbox.png and docs/ui-journal.png')
} finally {
  await mock.close()
}

async function seedDemo (url) {
  const api = async (method, path, body) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${TOKEN}`, 'intercom-version': '2.11', 'content-type': 'application/json', 'user-agent': 'demo-seed/1.0' },
      body: body === undefined ? undefined : JSON.stringify(body)
    })
    return await response.json()
  }
  const mal = '536e564f316c83104c000020'
  const inara = '5f7f0d217289f8d2f4262080'
  const jayne = '5f7f0d217289f8d2f4262081'
  const engine = await api('POST', '/conversations', { from: { type: 'user', id: mal }, body: 'The engine makes a grinding noise since the last update. Can someone look at it?' })
  const id = engine.conversation_id
  await api('POST', `/conversations/${id}/reply`, { message_type: 'note', type: 'admin', admin_id: '394051', body: '<p>Kaylee knows this engine best.</p>' })
  await api('POST', `/conversations/${id}/parts`, { message_type: 'assignment', type: 'admin', admin_id: '394051', assignee_id: '394053' })
  await api('POST', `/conversations/${id}/reply`, { message_type: 'comment', type: 'admin', admin_id: '394053', body: '<p>On it! Could you send the serial number of the compression coil?</p>' })
  await api('POST', `/conversations/${id}/reply`, { message_type: 'comment', type: 'user', intercom_user_id: mal, body: 'Sure: CC-2517-SER. Thanks!' })
  const billing = await api('POST', '/conversations', { from: { type: 'user', id: inara }, body: 'Could I get an invoice for last month with our new address?' })
  await api('POST', `/conversations/${billing.conversation_id}/parts`, { message_type: 'close', type: 'admin', admin_id: '394052', body: '<p>Sent, see your inbox.</p>' })
  await api('POST', '/conversations', { from: { type: 'user', id: jayne }, body: 'How do I export my contacts to a spreadsheet?' })
  await api('POST', '/messages', { message_type: 'inapp', body: 'Welcome aboard! Reply here if you need anything.', from: { type: 'admin', id: '394052' }, to: { type: 'user', id: inara } })
  await api('GET', '/conversations?per_page=20')
  await api('POST', `/conversations/${id}/reply`, { message_type: 'comment', type: 'admin', body: 'missing admin' }) // a 400 for the journal
  await api('GET', '/contacts/nope')
}
