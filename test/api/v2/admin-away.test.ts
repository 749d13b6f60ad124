import t from 'tap'
import { assertError, build, FIXTURE, T0, type TestApp } from '../../helper.js'

const call = (api: TestApp, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, version = '2.11') =>
  api.request({ method, url, version, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) })

t.test('PUT /admins/{id}/away sets away mode, reflected in admin answers', async t => {
  const api = await build(t)
  const res = await call(api, 'PUT', `/admins/${FIXTURE.zoe.id}/away`, { away_mode_enabled: true, away_mode_reassign: true })
  t.equal(res.statusCode, 200)
  t.match(res.json(), { type: 'admin', id: FIXTURE.zoe.id, away_mode_enabled: true, away_mode_reassign: true })
  t.notOk('away_status_reason_id' in res.json(), 'no reason before 2.14')
  t.match((await call(api, 'GET', `/admins/${FIXTURE.zoe.id}`)).json(), { away_mode_enabled: true, away_mode_reassign: true })
  t.match((await call(api, 'GET', '/admins')).json().admins[1], { id: FIXTURE.zoe.id, away_mode_enabled: true })
  t.match((await call(api, 'GET', `/admins/${FIXTURE.zoe.id}`, undefined, '1.4')).json(), { away_mode_enabled: true, away_mode_reassign: true })

  const withReason = (await call(api, 'PUT', `/admins/${FIXTURE.zoe.id}/away`, { away_mode_enabled: true, away_mode_reassign: false, away_status_reason_id: 12345 }, '2.14')).json()
  t.match(withReason, { away_mode_enabled: true, away_mode_reassign: false, away_status_reason_id: 12345 })
  t.equal((await call(api, 'GET', `/admins/${FIXTURE.zoe.id}`, undefined, '2.16')).json().away_status_reason_id, 12345)
  const back = (await call(api, 'PUT', `/admins/${FIXTURE.zoe.id}/away`, { away_mode_enabled: false, away_mode_reassign: false }, '2.14')).json()
  t.match(back, { away_mode_enabled: false, away_status_reason_id: null })
})

t.test('PUT /admins/{id}/away errors', async t => {
  const api = await build(t)
  assertError(t, await call(api, 'PUT', '/admins/999/away', { away_mode_enabled: true, away_mode_reassign: true }), 404, { code: 'admin_not_found', message: 'Admin for admin_id not found' })
  const missing = await call(api, 'PUT', `/admins/${FIXTURE.zoe.id}/away`, { away_mode_enabled: true })
  t.equal(missing.statusCode, 400)
  t.equal(missing.json().errors[0].code, 'parameter_invalid')
  assertError(t, await call(api, 'PUT', `/admins/${FIXTURE.zoe.id}/away`, { away_mode_enabled: true, away_mode_reassign: true }, '1.4'), 400, {
    code: 'intercom_version_invalid', message: 'Requested resource is not available in current API version.'
  })
})

t.test('a new reply to a conversation whose admin is away with reassign goes back to the team inbox', async t => {
  const api = await build(t)
  const id = (await call(api, 'POST', '/conversations', { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Hi' })).json().conversation_id
  await call(api, 'POST', `/conversations/${id}/parts`, { message_type: 'assignment', type: 'team', admin_id: FIXTURE.wash.id, assignee_id: FIXTURE.crew.id })
  await call(api, 'POST', `/conversations/${id}/parts`, { message_type: 'assignment', type: 'admin', admin_id: FIXTURE.wash.id, assignee_id: FIXTURE.zoe.id })
  const reply = () => call(api, 'POST', `/conversations/${id}/reply`, { type: 'user', message_type: 'comment', intercom_user_id: FIXTURE.mal.id, body: 'Anyone?' })

  // Away without reassign: the assignee keeps it.
  await call(api, 'PUT', `/admins/${FIXTURE.zoe.id}/away`, { away_mode_enabled: true, away_mode_reassign: false })
  t.equal((await reply()).json().admin_assignee_id, Number(FIXTURE.zoe.id))

  await call(api, 'PUT', `/admins/${FIXTURE.zoe.id}/away`, { away_mode_enabled: true, away_mode_reassign: true })
  const reassigned = (await reply()).json()
  t.match(reassigned, { admin_assignee_id: null, team_assignee_id: Number(FIXTURE.crew.id) })
  const parts = reassigned.conversation_parts.conversation_parts
  t.match(parts.slice(-2), [{ part_type: 'comment', author: { type: 'user' } }, { part_type: 'away_mode_assignment', author: { type: 'bot' }, assigned_to: { type: 'team', id: FIXTURE.crew.id } }])
  t.equal((await reply()).json().conversation_parts.total_count, parts.length + 1, 'unassigned now: nothing more to reassign')
})

t.test('GET /admins/activity_logs lists away-mode changes in the window, newest first (no longer taken for an admin id)', async t => {
  const api = await build(t)
  t.strictSame((await call(api, 'GET', '/admins/activity_logs?created_at_after=1700000000')).json(), { type: 'activity_log.list', pages: { type: 'pages', page: 1, per_page: 20, total_pages: 0 }, activity_logs: [] })
  await call(api, 'PUT', `/admins/${FIXTURE.zoe.id}/away`, { away_mode_enabled: true, away_mode_reassign: true })
  api.clock.advance(60)
  await call(api, 'PUT', `/admins/${FIXTURE.wash.id}/away`, { away_mode_enabled: false, away_mode_reassign: false })
  const res = await call(api, 'GET', `/admins/activity_logs?created_at_after=${T0 - 1}`)
  t.equal(res.statusCode, 200)
  const logs = res.json().activity_logs
  t.match(logs, [
    { activity_type: 'admin_away_mode_change', created_at: T0 + 60, performed_by: { type: 'admin', id: FIXTURE.wash.id, email: FIXTURE.wash.email }, activity_description: 'Wash changed their away mode to active.', metadata: { away_mode: false } },
    { activity_type: 'admin_away_mode_change', created_at: T0, activity_description: 'Wash changed Zoe Washburne\'s away mode to away.', metadata: { away_mode: true, reassign_conversations: true, update_by_name: 'Wash' } }
  ])
  t.match(logs[0].id, /^[0-9a-f-]{36}$/)
  t.equal((await call(api, 'GET', `/admins/activity_logs?created_at_after=${T0}`)).json().activity_logs.length, 1, 'strictly after')
  t.equal((await call(api, 'GET', `/admins/activity_logs?created_at_after=${T0 - 1}&created_at_before=${T0 + 60}`)).json().activity_logs.length, 1, 'strictly before')
  const missing = await call(api, 'GET', '/admins/activity_logs')
  t.equal(missing.statusCode, 400)
  t.equal(missing.json().errors[0].field, 'created_at_after')
})
