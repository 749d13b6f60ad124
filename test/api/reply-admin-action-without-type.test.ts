import t from 'tap'
import { assertError, build, FIXTURE, T0, type TestApp } from '../helper.js'

/**
 * Regression: Intercom documents snoozing and unsnoozing (`open`) through POST /conversations/{id}/reply
 * with no `type` (DOC-2.x 2.5 snooze-a-conversation: `{"message_type":"snoozed","admin_id":"724860",
 * "snoozed_until":"1501512795"}`; DOC-1.x 1.2 unsnoozing-a-conversation), and intercom-client 5.x
 * `conversations.snooze` sends exactly that. The mock answered 400 "type is required".
 */
const reply = (api: TestApp, version: string, payload: Record<string, unknown>) =>
  api.request({ method: 'POST', url: '/conversations/1000000001/reply', version, payload })

for (const version of ['1.4', '2.6']) {
  t.test(`${version}: an admin snoozes and unsnoozes through /reply without a type`, async t => {
    const api = await build(t)
    const message = await api.request({ method: 'POST', url: '/messages', version: '1.4', payload: { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Hey' } })
    t.equal(message.statusCode, 200)

    const snoozed = await reply(api, version, { message_type: 'snoozed', admin_id: FIXTURE.wash.id, snoozed_until: String(T0 + 3600) })
    t.equal(snoozed.statusCode, 200)
    t.match(snoozed.json(), { state: 'snoozed', snoozed_until: T0 + 3600 })
    t.match(snoozed.json().conversation_parts.conversation_parts, [{ part_type: 'snoozed', author: { type: 'admin', id: FIXTURE.wash.id } }])

    const opened = await reply(api, version, { message_type: 'open', admin_id: FIXTURE.wash.id })
    t.equal(opened.statusCode, 200)
    t.match(opened.json(), { state: 'open', snoozed_until: null })
    t.equal(opened.json().conversation_parts.conversation_parts[1].part_type, 'open')
  })
}

t.test('any other reply without a type is still 400 "type is required", and nothing is written', async t => {
  const api = await build(t)
  await api.request({ method: 'POST', url: '/messages', version: '1.4', payload: { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Hey' } })
  assertError(t, await reply(api, '2.6', { message_type: 'comment', admin_id: FIXTURE.wash.id, body: 'x' }), 400, {
    code: 'parameter_invalid', message: 'type is required', field: 'type'
  })
  assertError(t, await reply(api, '1.4', { message_type: 'comment', intercom_user_id: FIXTURE.mal.id, body: 'x' }), 400, {
    code: 'parameter_invalid', message: 'type is required', field: 'type'
  })
  assertError(t, await reply(api, '1.4', { message_type: 'close', admin_id: FIXTURE.wash.id }), 400, {
    code: 'parameter_invalid', message: 'type is required', field: 'type'
  })
  t.equal((await api.request({ url: '/conversations/1000000001', version: '2.6' })).json().conversation_parts.total_count, 0)
})
