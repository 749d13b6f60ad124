import t from 'tap'
import { assertError, build, FIXTURE, T0, type TestApp } from '../../helper.js'

const call = (api: TestApp, method: 'GET' | 'POST', url: string, payload?: unknown, version = '2.11') =>
  api.request({ method, url, version, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) })

async function conversationWithReply (api: TestApp) {
  const started = (await call(api, 'POST', '/conversations', { from: { type: 'user', id: FIXTURE.mal.id }, body: 'My card is 4242 secretive' })).json()
  const replied = (await call(api, 'POST', `/conversations/${started.conversation_id}/reply`, { type: 'user', message_type: 'comment', intercom_user_id: FIXTURE.mal.id, body: 'And my pin is 1234' })).json()
  return { id: started.conversation_id as string, sourceId: started.id as string, partId: replied.conversation_parts.conversation_parts[0].id as string }
}

t.test('POST /conversations/redact replaces a part\'s body with Intercom\'s notice and marks it redacted', async t => {
  const api = await build(t)
  const c = await conversationWithReply(api)
  api.clock.advance(30)
  const res = await call(api, 'POST', '/conversations/redact', { type: 'conversation_part', conversation_id: c.id, conversation_part_id: c.partId })
  t.equal(res.statusCode, 200)
  const part = res.json().conversation_parts.conversation_parts[0]
  t.match(part, { id: c.partId, body: '<p><i>This message was deleted</i></p>', redacted: true, updated_at: T0 + 30, created_at: T0 })
  t.equal(res.json().updated_at, T0 + 30)
  t.equal(res.json().source.redacted, false)
  const plain = (await call(api, 'GET', `/conversations/${c.id}?display_as=plaintext`)).json()
  t.equal(plain.conversation_parts.conversation_parts[0].body, 'This message was deleted')

  assertError(t, await call(api, 'POST', '/conversations/redact', { type: 'conversation_part', conversation_id: c.id, conversation_part_id: c.partId }), 400, {
    code: 'conversation_part_not_redactable', message: 'The conversation part has already been redacted'
  })
})

t.test('redacting the source removes its text from search; 1.x has no redaction', async t => {
  const api = await build(t)
  const c = await conversationWithReply(api)
  const search = async () => (await call(api, 'POST', '/conversations/search', { query: { field: 'source.body', operator: '~', value: 'secretive' } })).json().total_count
  t.equal(await search(), 1)
  const res = await call(api, 'POST', '/conversations/redact', { type: 'source', conversation_id: Number(c.id), source_id: Number(c.sourceId) })
  t.equal(res.statusCode, 200)
  t.match(res.json().source, { id: c.sourceId, body: '<p><i>This message was deleted</i></p>', redacted: true })
  t.equal(await search(), 0, 'the redacted words are no longer found')
  assertError(t, await call(api, 'POST', '/conversations/redact', { type: 'source', conversation_id: c.id, source_id: c.sourceId }), 400, {
    code: 'conversation_part_not_redactable', message: 'The source message has already been redacted'
  })
  assertError(t, await call(api, 'POST', '/conversations/redact', { type: 'source', conversation_id: c.id, source_id: c.sourceId }, '1.4'), 400, {
    code: 'intercom_version_invalid', message: 'Requested resource is not available in current API version.'
  })
})

t.test('POST /conversations/redact errors', async t => {
  const api = await build(t)
  const c = await conversationWithReply(api)
  const redact = (payload: unknown) => call(api, 'POST', '/conversations/redact', payload)
  const notFound = { code: 'conversation_part_or_message_not_found', message: 'Conversation part or message not found' }
  assertError(t, await redact({ type: 'conversation_part', conversation_id: 'really_123_doesnt_exist', conversation_part_id: 'really_123_doesnt_exist' }), 404, notFound)
  assertError(t, await redact({ type: 'conversation_part', conversation_id: c.id, conversation_part_id: '1' }), 404, notFound)
  assertError(t, await redact({ type: 'source', conversation_id: c.id, source_id: c.partId }), 404, notFound)
  assertError(t, await redact({ type: 'message', conversation_id: c.id, source_id: c.sourceId }), 400, { code: 'parameter_invalid', message: 'type must be conversation_part or source, not message', field: 'type' })
  assertError(t, await redact({ type: 'source', conversation_id: c.id }), 400, { code: 'parameter_invalid', message: 'source_id is required', field: 'source_id' })
  assertError(t, await redact({ type: 'conversation_part', conversation_part_id: c.partId }), 400, { code: 'parameter_invalid', message: 'conversation_id is required', field: 'conversation_id' })

  // A part without a body (a close) and an admin's source cannot be redacted.
  const closed = (await call(api, 'POST', `/conversations/${c.id}/parts`, { message_type: 'close', type: 'admin', admin_id: FIXTURE.wash.id })).json()
  const closePart = closed.conversation_parts.conversation_parts.at(-1).id
  assertError(t, await redact({ type: 'conversation_part', conversation_id: c.id, conversation_part_id: closePart }), 400, {
    code: 'conversation_part_not_redactable', message: 'Only a conversation part with a body can be redacted'
  })
  const outbound = (await call(api, 'POST', '/messages', { from: { type: 'admin', id: FIXTURE.wash.id }, to: { type: 'user', id: FIXTURE.mal.id }, message_type: 'inapp', body: 'Hi', create_conversation_without_contact_reply: true })).json()
  assertError(t, await redact({ type: 'source', conversation_id: outbound.conversation_id, source_id: outbound.id }), 400, {
    code: 'conversation_part_not_redactable', message: 'Only a source message written by a contact can be redacted'
  })
})
