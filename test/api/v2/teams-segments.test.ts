import t from 'tap'
import { assertError, build, FIXTURE, type TestApp } from '../../helper.js'

const v2 = (api: TestApp, method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>, version = '2.14') =>
  api.request({ method, url, version, ...(payload === undefined ? {} : { payload }) })
const CREW = { type: 'team', id: '814860', name: 'Serenity crew', admin_ids: [394051, 394052] }
const SERENITY = { type: 'segment', id: '5b8e0a1c2d3e4f5a6b7c8d90', name: 'Serenity crew', created_at: 1399739983, updated_at: 1399739983, person_type: 'user' }
const BROWNCOATS = { ...SERENITY, id: '5b8e0a1c2d3e4f5a6b7c8d91', name: 'Browncoats' }

t.test('GET /teams and /teams/{id} answer the fixtures\' teams, consistent with assignment', async t => {
  const api = await build(t)
  for (const version of ['2.7', '2.11', '2.14', 'Preview']) {
    t.strictSame((await v2(api, 'GET', '/teams', undefined, version)).json(), {
      type: 'team.list', teams: [CREW, { type: 'team', id: '814861', name: 'Engine room', admin_ids: [394053] }]
    }, version)
  }
  t.strictSame((await v2(api, 'GET', '/teams/814860')).json(), CREW)
  assertError(t, await v2(api, 'GET', '/teams/1'), 404, { code: 'team_not_found', message: 'Team not found' })
  assertError(t, await api.request({ url: '/teams', version: '1.4' }), 400, { code: 'intercom_version_invalid', message: 'Requested resource is not available in current API version.' })

  const id = (await v2(api, 'POST', '/conversations', { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Help' })).json().conversation_id
  const team = (await v2(api, 'GET', '/teams')).json().teams[1]
  const assigned = (await v2(api, 'POST', `/conversations/${id}/parts`, { message_type: 'assignment', type: 'team', admin_id: FIXTURE.wash.id, assignee_id: team.id })).json()
  t.equal(assigned.team_assignee_id, Number(team.id))
})

t.test('segments: list (with counts), get, a contact\'s segments, all evaluated live', async t => {
  const api = await build(t)
  t.strictSame((await v2(api, 'GET', '/segments')).json(), { type: 'segment.list', segments: [SERENITY, BROWNCOATS] })
  t.strictSame((await v2(api, 'GET', '/segments?include_count=true')).json().segments.map((s: { count: number }) => s.count), [5, 1])
  t.strictSame((await v2(api, 'GET', `/segments/${BROWNCOATS.id}?include_count=true`)).json(), { ...BROWNCOATS, count: 1 })
  t.strictSame((await v2(api, 'GET', `/contacts/${FIXTURE.mal.id}/segments`)).json(), { type: 'list', data: [SERENITY, BROWNCOATS] })
  t.strictSame((await v2(api, 'GET', `/contacts/${FIXTURE.inara.id}/segments`)).json(), { type: 'list', data: [SERENITY] })

  await v2(api, 'POST', `/contacts/${FIXTURE.inara.id}/tags`, { id: '7000001' })
  t.strictSame((await v2(api, 'GET', `/contacts/${FIXTURE.inara.id}/segments`)).json().data.map((s: { id: string }) => s.id), [SERENITY.id, BROWNCOATS.id])
  await api.request({ method: 'PUT', url: `/contacts/${FIXTURE.inara.id}`, version: '2.14', payload: { email: 'inara@companions.org' } })
  t.strictSame((await v2(api, 'GET', `/contacts/${FIXTURE.inara.id}/segments`)).json().data.map((s: { id: string }) => s.id), [BROWNCOATS.id], 'she left the crew\'s email domain')
  t.equal((await v2(api, 'GET', `/segments/${SERENITY.id}?include_count=true`)).json().count, 4)

  const search = async (operator: string, value: unknown) => (await v2(api, 'POST', '/contacts/search', { query: { field: 'segment_id', operator, value } })).json().data.map((c: { id: string }) => c.id).sort()
  t.same(await search('=', BROWNCOATS.id), [FIXTURE.inara.id, FIXTURE.mal.id].sort(), 'contact search by segment_id')
  t.same(await search('IN', [BROWNCOATS.id, '000000000000000000000000']), [FIXTURE.inara.id, FIXTURE.mal.id].sort())
  t.notOk((await search('!=', SERENITY.id)).includes(FIXTURE.mal.id))
  t.ok((await search('!=', SERENITY.id)).includes(FIXTURE.inara.id))
  t.same(await search('=', '000000000000000000000000'), [])
  assertError(t, await v2(api, 'GET', '/segments/000000000000000000000000'), 404, { code: 'not_found', message: 'Resource Not Found' })
  assertError(t, await v2(api, 'GET', '/contacts/000000000000000000000000/segments'), 404, { code: 'not_found', message: 'User Not Found' })
  t.strictSame((await api.request({ url: '/segments', version: '1.4' })).json(), { type: 'segment.list', segments: [SERENITY, BROWNCOATS] }, '1.x the same')
})
