import t from 'tap'
import { assertError, build, FIXTURE, T0, type TestApp } from '../../helper.js'

const call = (api: TestApp, method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>, version = '2.14') =>
  api.request({ method, url, version, ...(payload === undefined ? {} : { payload }) })

for (const version of ['1.4', '2.14']) {
  t.test(`${version}: POST /events by user_id, email or id answers 202; GET /events lists them newest first`, async t => {
    const api = await build(t)
    const created = await call(api, 'POST', '/events', { event_name: 'signed-up', created_at: T0 - 100, user_id: FIXTURE.mal.userId }, version)
    t.equal(created.statusCode, 202)
    t.equal(created.body, '')
    await call(api, 'POST', '/events', { event_name: 'upgraded', created_at: T0 - 50, email: FIXTURE.mal.email, metadata: {
      plan: 'captain', seats: 9, paid: true, invoice_date: 1392036272, receipt: 'https://example.org/r/1',
      order_number: { value: '3434-3434', url: 'https://example.org/orders/3434-3434' }, price: { amount: 2999, currency: 'usd' }
    } }, version)
    await call(api, 'POST', '/events', { event_name: 'upgraded', created_at: T0, id: FIXTURE.mal.id }, version)
    const list = (await call(api, 'GET', `/events?type=user&user_id=${FIXTURE.mal.userId}`, undefined, version)).json()
    t.equal(list.type, 'event.list')
    t.same(list.events.map((e: { event_name: string, created_at: number }) => [e.event_name, e.created_at]), [['upgraded', T0], ['upgraded', T0 - 50], ['signed-up', T0 - 100]])
    t.strictSame(list.events[1], {
      type: 'event', id: list.events[1].id, event_name: 'upgraded', created_at: T0 - 50, intercom_user_id: FIXTURE.mal.id, user_id: FIXTURE.mal.userId, email: FIXTURE.mal.email,
      metadata: { plan: 'captain', seats: 9, paid: true, invoice_date: 1392036272, receipt: 'https://example.org/r/1', order_number: { value: '3434-3434', url: 'https://example.org/orders/3434-3434' }, price: { amount: 2999, currency: 'usd' } }
    })
    t.same(list.pages, {}, 'one page: no next')
    const paged = (await call(api, 'GET', `/events?type=user&intercom_user_id=${FIXTURE.mal.id}&per_page=2`, undefined, version)).json()
    t.equal(paged.events.length, 2)
    t.match(paged.pages.next, /\/events\?type=user&intercom_user_id=.*&per_page=2&page=2$/)
    const summary = (await call(api, 'GET', `/events?type=user&email=${FIXTURE.mal.email}&summary=true`, undefined, version)).json()
    t.strictSame(summary, {
      type: 'event.summary', intercom_user_id: FIXTURE.mal.id, user_id: FIXTURE.mal.userId, email: FIXTURE.mal.email,
      events: [
        { name: 'signed-up', first: new Date((T0 - 100) * 1000).toISOString(), last: new Date((T0 - 100) * 1000).toISOString(), count: 1 },
        { name: 'upgraded', first: new Date((T0 - 50) * 1000).toISOString(), last: new Date(T0 * 1000).toISOString(), count: 2 }
      ]
    }, 'events are counted on the contact')
  })

  t.test(`${version}: event errors users hit`, async t => {
    const api = await build(t)
    const post = (payload: Record<string, unknown>) => call(api, 'POST', '/events', payload, version)
    assertError(t, await post({ event_name: 'x', created_at: T0, email: 'nobody@example.com' }), 404, { code: 'not_found', message: 'User Not Found' })
    assertError(t, await post({ event_name: 'x', created_at: T0 }), 400, { code: 'parameter_invalid', message: 'The event needs the user it happened to: one of id, user_id or email', field: 'user_id' })
    assertError(t, await post({ created_at: T0, user_id: FIXTURE.mal.userId }), 400, { code: 'parameter_invalid', message: 'event_name is required: the name of the event, e.g. "placed-order"', field: 'event_name' })
    assertError(t, await post({ event_name: 'x', user_id: FIXTURE.mal.userId }), 400, { code: 'parameter_invalid', message: 'created_at is required: when the event happened, in unix seconds', field: 'created_at' })
    const eleven = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, i]))
    assertError(t, await post({ event_name: 'x', created_at: T0, user_id: FIXTURE.mal.userId, metadata: eleven }), 400, { code: 'parameter_invalid', message: 'An event can have at most 10 metadata keys, not 11', field: 'metadata' })
    assertError(t, await post({ event_name: 'x', created_at: T0, user_id: FIXTURE.mal.userId, metadata: { nested: { a: { b: 1 } } } }), 400, {
      code: 'parameter_invalid', message: 'metadata.nested must be a string, a number, a boolean, a rich link {"url", "value"} or an amount {"amount", "currency"}: nested JSON is not supported', field: 'metadata.nested'
    })
    assertError(t, await call(api, 'GET', `/events?type=admin&user_id=${FIXTURE.mal.userId}`, undefined, version), 400, { code: 'parameter_invalid', message: 'type must be user, not admin', field: 'type' })
    assertError(t, await call(api, 'GET', '/events?type=user&user_id=nobody', undefined, version), 404, { code: 'not_found', message: 'User Not Found' })
    t.same((await call(api, 'GET', `/events?type=user&user_id=${FIXTURE.mal.userId}`, undefined, version)).json().events, [], 'nothing was recorded')
  })
}

t.test('POST /events/summaries counts events that happened elsewhere (2.x)', async t => {
  const api = await build(t)
  const res = await call(api, 'POST', '/events/summaries', { user_id: FIXTURE.mal.userId, event_summaries: { event_name: 'invited-friend', count: 3, first: T0 - 1000, last: T0 - 10 } })
  t.equal(res.statusCode, 200)
  await call(api, 'POST', '/events', { event_name: 'invited-friend', created_at: T0, user_id: FIXTURE.mal.userId })
  const summary = (await call(api, 'GET', `/events?type=user&user_id=${FIXTURE.mal.userId}&summary=true`)).json()
  t.same(summary.events, [{ name: 'invited-friend', first: new Date((T0 - 1000) * 1000).toISOString(), last: new Date(T0 * 1000).toISOString(), count: 4 }])
  assertError(t, await call(api, 'POST', '/events/summaries', { event_summaries: { event_name: 'x', count: 1 } }), 400, { code: 'parameter_invalid', message: 'user_id is required: the user the events happened to', field: 'user_id' })
  assertError(t, await call(api, 'POST', '/events/summaries', { user_id: 'nobody', event_summaries: { event_name: 'x', count: 1 } }), 404, { code: 'not_found', message: 'User Not Found' })
})
