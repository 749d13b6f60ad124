import t from 'tap'
import { assertError, build, FIXTURE, T0, type TestApp } from '../../helper.js'

const V = '2.14'
const v2 = (api: TestApp, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: Record<string, unknown>, version = V) =>
  api.request({ method, url, version, ...(payload === undefined ? {} : { payload }) })
const BROWNCOAT = { type: 'tag', id: '7000001', name: 'Browncoat' }
const VIP = { type: 'tag', id: '7000002', name: 'VIP' }

t.test('GET /tags lists the fixtures\' tags; POST /tags creates, finds by name, and renames', async t => {
  const api = await build(t)
  t.strictSame((await v2(api, 'GET', '/tags')).json(), { type: 'list', data: [BROWNCOAT, VIP] })
  const created = await v2(api, 'POST', '/tags', { name: 'Independent' })
  t.equal(created.statusCode, 200)
  t.strictSame(created.json(), { type: 'tag', id: '7000003', name: 'Independent' }, 'the next id of the workspace\'s sequence')
  t.strictSame((await v2(api, 'POST', '/tags', { name: 'Independent' })).json(), created.json(), 'the same name is the same tag')
  t.strictSame((await v2(api, 'POST', '/tags', { id: '7000003', name: 'Independents' })).json(), { type: 'tag', id: '7000003', name: 'Independents' })
  t.strictSame((await v2(api, 'GET', '/tags/7000003')).json(), { type: 'tag', id: '7000003', name: 'Independents' })
  assertError(t, await v2(api, 'POST', '/tags', { test: 'invalid' }), 400, { code: 'parameter_invalid', message: 'invalid tag parameters' })
  assertError(t, await v2(api, 'POST', '/tags', { id: '7000003', name: 'VIP' }), 400, { code: 'parameter_invalid', message: 'A tag named VIP already exists with id=7000002', field: 'name' })
  assertError(t, await v2(api, 'POST', '/tags', { id: '999', name: 'Nobody' }), 404, { code: 'not_found', message: 'Resource Not Found' })
  assertError(t, await v2(api, 'GET', '/tags/999'), 404, { code: 'not_found', message: 'Resource Not Found' })
  assertError(t, await v2(api, 'GET', '/tags/abc'), 404, { code: 'not_found', message: 'Resource Not Found' })
})

t.test('tagging a contact: POST, GET and DELETE /contacts/{id}/tags; the contact lists its tags', async t => {
  const api = await build(t)
  api.clock.advance(30)
  const applied = await v2(api, 'POST', `/contacts/${FIXTURE.inara.id}/tags`, { id: 7000002 })
  t.equal(applied.statusCode, 200)
  t.strictSame(applied.json(), { ...VIP, applied_at: T0 + 30, applied_by: { type: 'admin', id: FIXTURE.wash.id } }, 'by the admin who owns the token')
  const list = (await v2(api, 'GET', `/contacts/${FIXTURE.inara.id}/tags`)).json()
  t.strictSame(list, { type: 'list', data: [{ ...VIP, applied_at: T0 + 30, applied_by: { type: 'admin', id: FIXTURE.wash.id } }] })
  const contact = (await v2(api, 'GET', `/contacts/${FIXTURE.inara.id}`)).json()
  t.strictSame(contact.tags, { type: 'list', data: [{ type: 'tag', id: '7000002', url: '/tags/7000002' }], url: `/contacts/${FIXTURE.inara.id}/tags`, total_count: 1, has_more: false })
  const fixtureTag = (await v2(api, 'GET', `/contacts/${FIXTURE.mal.id}/tags`)).json()
  t.strictSame(fixtureTag.data, [{ ...BROWNCOAT, applied_at: 1399739983, applied_by: null }], 'a fixture tag is applied when its person was created, by nobody')

  const removed = await v2(api, 'DELETE', `/contacts/${FIXTURE.inara.id}/tags/7000002`)
  t.strictSame(removed.json(), { ...VIP, applied_at: T0 + 30, applied_by: { type: 'admin', id: FIXTURE.wash.id } })
  t.strictSame((await v2(api, 'GET', `/contacts/${FIXTURE.inara.id}/tags`)).json(), { type: 'list', data: [] })

  assertError(t, await v2(api, 'POST', '/contacts/000000000000000000000000/tags', { id: '7000002' }), 404, { code: 'not_found', message: 'User Not Found' })
  assertError(t, await v2(api, 'POST', `/contacts/${FIXTURE.inara.id}/tags`, { id: '123' }), 404, { code: 'not_found', message: 'Resource Not Found' })
  assertError(t, await v2(api, 'POST', `/contacts/${FIXTURE.inara.id}/tags`, {}), 400, { code: 'parameter_invalid', message: 'id is required: the id of the tag', field: 'id' })
  assertError(t, await v2(api, 'GET', `/contacts/${FIXTURE.visitor.id}/tags`), 404, { code: 'not_found', message: 'User Not Found' })
  assertError(t, await v2(api, 'DELETE', `/contacts/${FIXTURE.inara.id}/tags/123`), 404, { code: 'not_found', message: 'Resource Not Found' })
  assertError(t, await api.request({ url: `/contacts/${FIXTURE.inara.id}/tags`, version: '1.4' }), 400, {
    code: 'intercom_version_invalid', message: 'Requested resource is not available in current API version.'
  })
})

t.test('tagging a conversation records the admin; it shows in the conversation and in search', async t => {
  const api = await build(t)
  const message = (await v2(api, 'POST', '/conversations', { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Tag me' })).json()
  const id = message.conversation_id as string
  await v2(api, 'POST', '/conversations', { from: { type: 'user', id: FIXTURE.inara.id }, body: 'Not me' })
  api.clock.advance(5)
  const applied = await v2(api, 'POST', `/conversations/${id}/tags`, { id: '7000002', admin_id: Number(FIXTURE.zoe.id) })
  t.strictSame(applied.json(), { ...VIP, applied_at: T0 + 5, applied_by: { type: 'admin', id: FIXTURE.zoe.id } })
  const conversation = (await v2(api, 'GET', `/conversations/${id}`)).json()
  t.strictSame(conversation.tags, { type: 'tag.list', tags: [{ ...VIP, applied_at: T0 + 5, applied_by: { type: 'admin', id: FIXTURE.zoe.id } }] })
  const v1 = (await api.request({ url: `/conversations/${id}`, version: '1.4' })).json()
  t.strictSame(v1.tags, { type: 'tag.list', tags: [VIP] })

  const search = async (operator: string, value: unknown) =>
    (await v2(api, 'POST', '/conversations/search', { query: { field: 'tag_ids', operator, value } })).json().conversations.map((c: { id: string }) => c.id)
  t.same(await search('=', '7000002'), [id])
  t.same(await search('IN', ['7000001', '7000002']), [id])
  t.equal((await search('!=', '7000002')).length, 1)
  t.same(await search('=', '7000001'), [])

  assertError(t, await v2(api, 'POST', `/conversations/${id}/tags`, { id: '7000002' }), 400, { code: 'parameter_invalid', message: 'admin_id is required', field: 'admin_id' })
  assertError(t, await v2(api, 'POST', '/conversations/999/tags', { id: '7000002', admin_id: FIXTURE.wash.id }), 404, { code: 'not_found', message: 'Conversation not found' })
  assertError(t, await v2(api, 'POST', `/conversations/${id}/tags`, { id: '1', admin_id: FIXTURE.wash.id }), 404, { code: 'tag_not_found', message: 'Tag not found' })
  assertError(t, await v2(api, 'DELETE', `/conversations/${id}/tags/1`, { admin_id: FIXTURE.wash.id }), 404, { code: 'tag_not_found', message: 'Tag not found' })

  const removed = await v2(api, 'DELETE', `/conversations/${id}/tags/7000002`, { admin_id: FIXTURE.wash.id })
  t.match(removed.json(), { ...VIP, applied_at: T0 + 5 })
  t.same((await v2(api, 'GET', `/conversations/${id}`)).json().tags, { type: 'tag.list', tags: [] })
})

t.test('contact search by tag_id matches tagged contacts', async t => {
  const api = await build(t)
  await v2(api, 'POST', `/contacts/${FIXTURE.simon.id}/tags`, { id: '7000001' })
  const search = async (operator: string) =>
    (await v2(api, 'POST', '/contacts/search', { query: { field: 'tag_id', operator, value: '7000001' } })).json().data.map((c: { id: string }) => c.id)
  t.same((await search('=')).sort(), [FIXTURE.mal.id, FIXTURE.simon.id].sort())
  t.notOk((await search('!=')).includes(FIXTURE.mal.id))
})

t.test('DELETE /tags/{id}: a tag a segment uses is refused; another comes off everything it was on', async t => {
  const api = await build(t)
  assertError(t, await v2(api, 'DELETE', '/tags/7000001'), 400, { code: 'tag_has_dependent_objects', message: 'Unable to delete Tag with dependent objects. Segments: Browncoats.' })
  await v2(api, 'POST', `/contacts/${FIXTURE.mal.id}/tags`, { id: '7000002' })
  const deleted = await v2(api, 'DELETE', '/tags/7000002')
  t.equal(deleted.statusCode, 200)
  t.equal(deleted.body, '')
  t.same((await v2(api, 'GET', `/contacts/${FIXTURE.mal.id}/tags`)).json().data.map((tag: { id: string }) => tag.id), ['7000001'])
  assertError(t, await v2(api, 'DELETE', '/tags/7000002'), 404, { code: 'not_found', message: 'Resource Not Found' })
})
