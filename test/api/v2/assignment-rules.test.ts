import t from 'tap'
import { assertError, build, fixtures, FIXTURE, T0, type TestApp } from '../../helper.js'
import { validateFixtures } from '../../../src/control/fixtures.js'

const call = (api: TestApp, method: 'GET' | 'POST', url: string, payload?: unknown, version = '2.11') =>
  api.request({ method, url, version, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) })

async function start (api: TestApp): Promise<string> {
  return (await call(api, 'POST', '/conversations', { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Who can help?' })).json().conversation_id
}

t.test('without rules, run_assignment_rules assigns nothing and answers the conversation as it was', async t => {
  const api = await build(t)
  const id = await start(api)
  api.clock.advance(5)
  const res = await call(api, 'POST', `/conversations/${id}/run_assignment_rules`)
  t.equal(res.statusCode, 200)
  t.match(res.json(), { id, admin_assignee_id: null, team_assignee_id: null, updated_at: T0, conversation_parts: { total_count: 0 } })
  assertError(t, await call(api, 'POST', '/conversations/999/run_assignment_rules'), 404, { code: 'not_found', message: 'Resource Not Found' })
})

t.test('fixtures may declare whom the rules assign to: the Operator bot assigns the conversation once', async t => {
  const api = await build(t, {}, { fixtures: { ...fixtures(), assignment_rules: { assign_to: { type: 'team', id: FIXTURE.crew.id } } } })
  const id = await start(api)
  api.clock.advance(5)
  const res = (await call(api, 'POST', `/conversations/${id}/run_assignment_rules`, undefined, '2.7')).json()
  t.match(res, { team_assignee_id: Number(FIXTURE.crew.id), admin_assignee_id: null, updated_at: T0 + 5 })
  t.match(res.conversation_parts.conversation_parts, [{ part_type: 'assignment', assigned_to: { type: 'team', id: FIXTURE.crew.id }, author: { type: 'bot', name: 'Operator' } }])
  const again = (await call(api, 'POST', `/conversations/${id}/run_assignment_rules`)).json()
  t.equal(again.conversation_parts.total_count, 1, 'already assigned: nothing more happens')

  const admin = await build(t, {}, { fixtures: { ...fixtures(), assignment_rules: { assign_to: { type: 'admin', id: FIXTURE.zoe.id } } } })
  const other = await start(admin)
  t.equal((await call(admin, 'POST', `/conversations/${other}/run_assignment_rules`, undefined, '2.10')).json().admin_assignee_id, Number(FIXTURE.zoe.id))
})

t.test('run_assignment_rules exists in 2.x up to 2.11 only', async t => {
  const api = await build(t)
  const id = await start(api)
  const unavailable = { code: 'intercom_version_invalid', message: 'Requested resource is not available in current API version.' }
  for (const version of ['2.12', '2.16', 'Preview', '1.4']) {
    assertError(t, await call(api, 'POST', `/conversations/${id}/run_assignment_rules`, undefined, version), 400, unavailable)
  }
  t.equal((await call(api, 'POST', `/conversations/${id}/run_assignment_rules`, undefined, '2.1')).statusCode, 200)
})

t.test('a fixture rule must name an admin or team the fixtures have', async t => {
  t.throws(() => validateFixtures('f.json', { ...fixtures(), assignment_rules: { assign_to: { type: 'team', id: '1' } } }), { message: 'f.json: /assignment_rules/assign_to/id: no team has id 1' })
  t.throws(() => validateFixtures('f.json', { ...fixtures(), assignment_rules: { assign_to: { type: 'admin', id: FIXTURE.crew.id } } }), { message: `f.json: /assignment_rules/assign_to/id: no admin has id ${FIXTURE.crew.id}` })
})
