import t from 'tap'
import { connectIntercomMock } from '../../src/control/client/connect.js'
import { validateFixtures } from '../../src/control/fixtures.js'
import { build, fixtures, FIXTURE, listen, T0 } from '../helper.js'
import { productScenario } from './scenario.js'

/** Every read a client could make of the workspace, in both majors. */
async function everyAnswer (request: (r: { url: string, version?: string, method?: 'GET' | 'POST', payload?: object }) => Promise<{ statusCode: number, body: string }>) {
  const urls = ['/me', '/admins', '/users', '/contacts', '/visitors?user_id=8a88a590-e1c3-41e2-a502-e0649dbf721c', '/conversations', '/conversations?type=admin&admin_id=nobody',
    `/conversations?type=user&intercom_user_id=${FIXTURE.mal.id}`, '/conversations?sort=waiting_since']
  for (let id = 1000000001; id <= 1000000004; id++) urls.push(`/conversations/${id}`)
  const answers: string[] = []
  for (const url of urls) {
    for (const version of ['1.4', '2.11']) {
      const res = await request({ url, version })
      answers.push(`${version} ${url} ${res.statusCode} ${res.body.replace(/"request_id":"[^"]+"/g, '')}`)
    }
  }
  return answers
}

t.test('GET /__mock/state dumps the workspace in the fixture format; dump, reset to it, dump again: equal, and every answer the same', async t => {
  const api = await build(t)
  await productScenario(request => api.request({ ...request, token: 'original' }))
  await api.request({ method: 'PUT', url: '/__mock/clock', payload: { advance: 60 }, token: 'original' })
  const res = await api.request({ url: '/__mock/state', token: 'original' })
  t.equal(res.statusCode, 200)
  const dump = res.json()
  t.doesNotThrow(() => validateFixtures('dump', dump), 'the dump is a valid fixture document')
  t.equal(dump.conversations.length, 4)
  t.match(dump.conversations[0], { id: '1000000001', customers: [FIXTURE.mal.id], state: 'snoozed', source: { id: '2001', author: { type: 'contact', id: FIXTURE.mal.id }, body: 'Hey' } })
  t.match(dump.clock, { offset: 60 })
  t.ok(dump.users.some((u: { deleted_at?: number }) => u.deleted_at !== undefined), 'a deleted user is kept')

  const reset = await api.request({ method: 'POST', url: '/__mock/reset', payload: dump, token: 'copy' })
  t.equal(reset.statusCode, 200)
  t.strictSame((await api.request({ url: '/__mock/state', token: 'copy' })).json(), dump)
  const reply = async (token: string) => (await api.request({ method: 'POST', url: '/conversations/1000000002/reply', token, payload: { type: 'admin', admin_id: FIXTURE.wash.id, message_type: 'comment', body: 'Same next ids' } })).body
  t.strictSame(await everyAnswer(r => api.request({ ...r, token: 'copy' })), await everyAnswer(r => api.request({ ...r, token: 'original' })))
  const [original, copy] = [await reply('original'), await reply('copy')]
  t.equal(copy, original, 'the next part id and times are the same')
  const lead = async (token: string) => (await api.request({ method: 'POST', url: '/contacts', token, payload: {} })).body
  t.equal(await lead('copy'), await lead('original'), 'the next contact id, UUID and pseudonym are the same')
})

t.test('a fresh workspace\'s state holds its fixtures', async t => {
  const api = await build(t)
  const state = (await api.request({ url: '/__mock/state' })).json()
  t.match(state, { app: { name: 'Serenity', created_at: T0 }, me: '394051', seed: 'intercom-mock', conversations: [], sequences: {} })
  t.notOk('clock' in state, 'a real clock is left out')
  t.strictSame(state.admins.map((a: { id: string }) => a.id), fixtures().admins.map(a => a.id))
  t.strictSame(state.users.map((u: { id: string }) => u.id), fixtures().users?.map(u => u.id))
  t.match(state.leads[0], { id: FIXTURE.simon.id, user_id: FIXTURE.simon.userId, email: FIXTURE.simon.email, pseudonym: /^\w+ \w+ from \w+$/ })
})

t.test('state() through the handles, in process and over HTTP', async t => {
  const mock = await listen(t)
  await fetch(`${mock.url}/messages`, { method: 'POST', headers: { authorization: 'Bearer s', 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ from: { type: 'user', id: FIXTURE.mal.id }, body: 'Hey' }) })
  const inProcess = await mock.workspace('s').state()
  t.strictSame(await connectIntercomMock(mock.url).workspace('s').state(), inProcess)
  t.match(inProcess.conversations, [{ id: '1000000001', source: { body: 'Hey' } }])
})

t.test('a dump of tags, companies, notes, segments, data attributes, subscription types, events, archived contacts, tickets and assignment rules loads back identically', async t => {
  const api = await build(t)
  const withRules = { ...fixtures(), assignment_rules: { assign_to: { type: 'team', id: FIXTURE.crew.id } } }
  t.equal((await api.request({ method: 'POST', url: '/__mock/reset', payload: withRules, token: 'original' })).statusCode, 200)
  const send = async (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object, token = 'original') => {
    const res = await api.request({ method, url, version: '2.14', token, ...(payload === undefined ? {} : { payload }) })
    t.ok(res.statusCode < 300, `${method} ${url}: ${res.statusCode} ${res.body}`)
    return res.body === '' ? null : res.json()
  }
  await send('POST', '/messages', { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Hey' })
  await send('POST', `/contacts/${FIXTURE.mal.id}/tags`, { id: '7000002' })
  await send('POST', '/tags', { name: 'Reaver' })
  await send('POST', '/conversations/1000000001/tags', { id: '7000001', admin_id: FIXTURE.wash.id })
  const company = await send('POST', '/companies', { company_id: 'blue-sun', name: 'Blue Sun', plan: 'Enterprise' })
  await send('POST', `/contacts/${FIXTURE.mal.id}/companies`, { id: company.id })
  await send('POST', `/contacts/${FIXTURE.mal.id}/notes`, { body: 'Captain', admin_id: FIXTURE.wash.id })
  await send('POST', '/events', { event_name: 'signed-up', id: FIXTURE.mal.id, created_at: T0 - 100, metadata: { plan: 'pro' } })
  await send('POST', '/events/summaries', { user_id: FIXTURE.mal.userId, event_summaries: { event_name: 'upgraded', count: 3, first: T0 - 500, last: T0 - 50 } })
  await send('POST', `/contacts/${FIXTURE.mal.id}/subscriptions`, { id: '37847', consent_type: 'opt_in' })
  const attribute = await send('POST', '/data_attributes', { name: 'tier', model: 'contact', data_type: 'string' })
  await send('PUT', `/data_attributes/${String(attribute.id)}`, { archived: true })
  await send('POST', `/contacts/${FIXTURE.simon.id}/archive`)
  const reply = await send('POST', '/conversations/1000000001/reply', { type: 'user', intercom_user_id: FIXTURE.mal.id, message_type: 'comment', body: 'Secret plans' })
  await send('POST', '/conversations/redact', { type: 'conversation_part', conversation_id: '1000000001', conversation_part_id: reply.conversation_parts.conversation_parts.at(-1).id })
  await send('PUT', '/conversations/1000000001', { company_id: 'blue-sun' })
  const ticket = await send('POST', '/tickets', { ticket_type_id: '1001', contacts: [{ id: FIXTURE.inara.id }], ticket_attributes: { _default_title_: 'Engine noise', Severity: 'High' } })
  await send('PUT', `/tickets/${String(ticket.id)}`, { ticket_state_id: '2' })
  await send('POST', '/conversations/1000000001/convert', { ticket_type_id: '1001', attributes: { Severity: 'Low' } })

  const dump = (await api.request({ url: '/__mock/state', token: 'original' })).json()
  t.doesNotThrow(() => validateFixtures('dump', dump), 'the dump is a valid fixture document')
  t.match(dump.users.find((u: { id: string }) => u.id === FIXTURE.mal.id), {
    tags: [{ name: 'Browncoat' }, { name: 'VIP', applied_by_admin_id: FIXTURE.wash.id }], companies: [{ company_id: 'blue-sun' }], subscriptions: [{ id: '37847', consent: 'opt_in' }],
    event_summaries: [{ name: 'signed-up', count: 1 }, { name: 'upgraded', count: 3 }]
  })
  t.match(dump.leads.find((l: { id: string }) => l.id === FIXTURE.simon.id), { archived: true })
  t.match(dump.notes, [{ contact_id: FIXTURE.mal.id, admin_id: FIXTURE.wash.id, body: 'Captain' }])
  t.match(dump.data_events, [{ contact_id: FIXTURE.mal.id, event_name: 'signed-up', metadata: { plan: 'pro' }, counted: false }])
  t.match(dump.conversations[0].tags, [{ name: 'Browncoat', applied_by_admin_id: FIXTURE.wash.id }])
  t.match(dump.data_attributes.find((a: { name: string }) => a.name === 'tier'), { id: attribute.id, archived: true })
  t.ok(dump.tags.some((tag: { name: string }) => tag.name === 'Reaver'))
  t.match(dump.assignment_rules, { assign_to: { type: 'team', id: FIXTURE.crew.id } })
  t.match(dump.ticket_types, [{ id: '1001' }, { id: '1002' }])
  t.match(dump.conversations.find((c: { id: string }) => c.id === String(ticket.id)), { ticket: { ticket_type_id: '1001', ticket_state_id: '2', previous_state_id: '1' } })
  t.match(dump.conversations[0], { company_id: 'blue-sun', ticket: { ticket_type_id: '1001' }, parts: [{ redacted: true, body: '<p><i>This message was deleted</i></p>' }] })

  t.equal((await api.request({ method: 'POST', url: '/__mock/reset', payload: dump, token: 'copy' })).statusCode, 200)
  t.strictSame((await api.request({ url: '/__mock/state', token: 'copy' })).json(), dump)
  const urls = ['/tags', '/companies', '/segments?include_count=true', '/data_attributes?include_archived=true', '/subscription_types', '/contacts',
    `/contacts/${FIXTURE.mal.id}`, `/contacts/${FIXTURE.mal.id}/tags`, `/contacts/${FIXTURE.mal.id}/notes`, `/contacts/${FIXTURE.mal.id}/companies`,
    `/contacts/${FIXTURE.mal.id}/subscriptions`, `/contacts/${FIXTURE.mal.id}/segments`, `/contacts/${FIXTURE.simon.id}`, `/companies/${String(company.id)}`,
    `/events?type=user&intercom_user_id=${FIXTURE.mal.id}`, `/events?type=user&intercom_user_id=${FIXTURE.mal.id}&summary=true`, '/conversations/1000000001',
    `/tickets/${String(ticket.id)}`, '/tickets/1000000001', '/ticket_types', '/ticket_states']
  for (const url of urls) {
    const answer = async (token: string) => (await api.request({ url, version: '2.14', token })).body.replace(/"request_id":"[^"]+"/g, '')
    t.equal(await answer('copy'), await answer('original'), url)
  }
})
