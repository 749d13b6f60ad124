import t from 'tap'
import { assertError, build, FIXTURE, T0, type TestApp } from '../../helper.js'

const v2 = (api: TestApp, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: Record<string, unknown>, version = '2.14') =>
  api.request({ method, url, version, ...(payload === undefined ? {} : { payload }) })
const NEWSLETTERS = {
  type: 'subscription', id: '37846', state: 'live', consent_type: 'opt_out',
  default_translation: { name: 'Newsletters', description: 'News from the Serenity', locale: 'en' },
  translations: [{ name: 'Newsletters', description: 'News from the Serenity', locale: 'en' }],
  content_types: ['email']
}

t.test('subscription types from the fixtures; a contact opts in and out; the contact lists its choices', async t => {
  const api = await build(t)
  const types = (await v2(api, 'GET', '/subscription_types')).json()
  t.strictSame(types.data[0], NEWSLETTERS)
  t.equal(types.data.length, 2)
  const optedOut = await v2(api, 'POST', `/contacts/${FIXTURE.inara.id}/subscriptions`, { id: 37846, consent_type: 'opt_out' })
  t.strictSame(optedOut.json(), NEWSLETTERS)
  await v2(api, 'POST', `/contacts/${FIXTURE.inara.id}/subscriptions`, { id: '37847', consent_type: 'opt_in' })
  t.same((await v2(api, 'GET', `/contacts/${FIXTURE.inara.id}/subscriptions`)).json().data.map((s: { id: string, consent_type: string }) => [s.id, s.consent_type]), [['37846', 'opt_out'], ['37847', 'opt_in']])
  const contact = (await v2(api, 'GET', `/contacts/${FIXTURE.inara.id}`)).json()
  t.same(contact.opted_out_subscription_types.data, [{ type: 'subscription', id: '37846' }])
  t.same(contact.opted_in_subscription_types.data, [{ type: 'subscription', id: '37847' }])

  const email = { message_type: 'email', subject: 'News', body: 'Hello', from: { type: 'admin', id: FIXTURE.wash.id }, to: { type: 'user', id: FIXTURE.inara.id } }
  assertError(t, await v2(api, 'POST', '/messages', email), 403, { code: 'action_forbidden', message: 'This user is unsubscribed from emails' })
  t.equal((await v2(api, 'POST', '/messages', { ...email, message_type: 'inapp' })).statusCode, 200, 'in-app messages still reach her')
  t.strictSame((await v2(api, 'DELETE', `/contacts/${FIXTURE.inara.id}/subscriptions/37846`)).json(), NEWSLETTERS)
  t.equal((await v2(api, 'POST', '/messages', email)).statusCode, 200, 'opted back in, the email is sent')

  assertError(t, await v2(api, 'POST', `/contacts/${FIXTURE.inara.id}/subscriptions`, { id: 'invalid_id', consent_type: 'opt_in' }), 404, { code: 'not_found', message: 'Resource Not Found' })
  assertError(t, await v2(api, 'POST', '/contacts/000000000000000000000000/subscriptions', { id: '37846', consent_type: 'opt_in' }), 404, { code: 'not_found', message: 'User Not Found' })
  assertError(t, await v2(api, 'POST', `/contacts/${FIXTURE.inara.id}/subscriptions`, { id: '37846', consent_type: 'maybe' }), 400, { code: 'parameter_invalid', message: 'consent_type must be opt_in or opt_out, not maybe', field: 'consent_type' })
  assertError(t, await v2(api, 'GET', '/contacts/000000000000000000000000/subscriptions'), 404, { code: 'not_found', message: 'User Not Found' })
  assertError(t, await v2(api, 'DELETE', `/contacts/${FIXTURE.inara.id}/subscriptions/1`), 404, { code: 'not_found', message: 'Resource Not Found' })
})

t.test('archived contacts leave lists, search and segments, and come back when unarchived; block from 2.13', async t => {
  const api = await build(t)
  api.clock.advance(7)
  t.strictSame((await v2(api, 'POST', `/contacts/${FIXTURE.mal.id}/archive`)).json(), { type: 'contact', id: FIXTURE.mal.id, external_id: FIXTURE.mal.userId, archived: true })
  const ids = async () => (await v2(api, 'GET', '/contacts?per_page=50')).json().data.map((c: { id: string }) => c.id)
  t.notOk((await ids()).includes(FIXTURE.mal.id))
  t.equal((await v2(api, 'POST', '/contacts/search', { query: { field: 'email', operator: '=', value: FIXTURE.mal.email } })).json().total_count, 0)
  t.equal((await v2(api, 'GET', '/segments/5b8e0a1c2d3e4f5a6b7c8d91?include_count=true')).json().count, 0)
  t.match((await v2(api, 'GET', `/contacts/${FIXTURE.mal.id}`)).json(), { id: FIXTURE.mal.id, updated_at: T0 + 7 }, 'still found by id')
  t.notOk((await api.request({ url: '/users', version: '1.4' })).json().users.some((u: { id: string }) => u.id === FIXTURE.mal.id), 'nor in 1.x lists')
  t.strictSame((await v2(api, 'POST', `/contacts/${FIXTURE.mal.id}/unarchive`)).json(), { type: 'contact', id: FIXTURE.mal.id, external_id: FIXTURE.mal.userId, archived: false })
  t.ok((await ids()).includes(FIXTURE.mal.id))

  t.strictSame((await v2(api, 'POST', `/contacts/${FIXTURE.simon.id}/block`)).json(), { type: 'contact', id: FIXTURE.simon.id, external_id: null, blocked: true })
  assertError(t, await v2(api, 'POST', `/contacts/${FIXTURE.simon.id}/block`, undefined, '2.12'), 400, { code: 'intercom_version_invalid', message: 'Requested resource is not available in current API version.' })
  for (const action of ['archive', 'unarchive', 'block']) {
    assertError(t, await v2(api, 'POST', `/contacts/000000000000000000000000/${action}`), 404, { code: 'not_found', message: 'User Not Found' })
  }
})
