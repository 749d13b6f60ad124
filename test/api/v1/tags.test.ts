import t from 'tap'
import { assertError, build, FIXTURE } from '../../helper.js'

const v1 = { version: '1.4' }

t.test('1.x POST /tags tags and untags users named by id, user_id or email; the user lists the tag', async t => {
  const api = await build(t)
  const tagged = await api.request({ ...v1, method: 'POST', url: '/tags', payload: { name: 'Shiny', users: [{ id: FIXTURE.inara.id }, { user_id: FIXTURE.jayne.userId }, { email: FIXTURE.simon.email }] } })
  t.equal(tagged.statusCode, 200)
  t.strictSame(tagged.json(), { type: 'tag', id: '7000003', name: 'Shiny' })
  t.strictSame((await api.request({ ...v1, url: `/users/${FIXTURE.inara.id}` })).json().tags, { type: 'tag.list', tags: [{ type: 'tag', id: '7000003', name: 'Shiny' }] })
  t.strictSame((await api.request({ ...v1, url: `/contacts/${FIXTURE.simon.id}` })).json().tags.tags.map((tag: { name: string }) => tag.name), ['Shiny'], 'a lead too')

  await api.request({ ...v1, method: 'POST', url: '/tags', payload: { name: 'Shiny', users: [{ id: FIXTURE.inara.id, untag: true }] } })
  t.strictSame((await api.request({ ...v1, url: `/users/${FIXTURE.inara.id}` })).json().tags, { type: 'tag.list', tags: [] })
  t.equal((await api.request({ ...v1, url: `/users/${FIXTURE.jayne.id}` })).json().tags.tags.length, 1, 'the others keep it')

  t.strictSame((await api.request({ ...v1, url: '/tags' })).json(), {
    type: 'tag.list',
    tags: [{ type: 'tag', id: '7000001', name: 'Browncoat' }, { type: 'tag', id: '7000002', name: 'VIP' }, { type: 'tag', id: '7000003', name: 'Shiny' }]
  })
})

t.test('1.x POST /tags errors: an unknown user writes nothing; an unknown company; no name', async t => {
  const api = await build(t)
  assertError(t, await api.request({ ...v1, method: 'POST', url: '/tags', payload: { name: 'Ghost', users: [{ id: FIXTURE.inara.id }, { user_id: 'nobody' }] } }), 404, { code: 'not_found', message: 'User Not Found' })
  t.equal((await api.request({ ...v1, url: '/tags' })).json().tags.length, 2, 'no tag was created')
  t.strictSame((await api.request({ ...v1, url: `/users/${FIXTURE.inara.id}` })).json().tags.tags, [])
  assertError(t, await api.request({ ...v1, method: 'POST', url: '/tags', payload: { name: 'Ghost', companies: [{ company_id: 'nobody' }] } }), 404, { code: 'company_not_found', message: 'Company Not Found' })
  assertError(t, await api.request({ ...v1, method: 'POST', url: '/tags', payload: { users: [{ id: FIXTURE.inara.id }] } }), 400, { code: 'parameter_invalid', message: 'invalid tag parameters' })
})

t.test('1.x DELETE /tags/{id} answers 200 with no body; GET /tags/{id} is 2.x only', async t => {
  const api = await build(t)
  const deleted = await api.request({ ...v1, method: 'DELETE', url: '/tags/7000002' })
  t.equal(deleted.statusCode, 200)
  t.equal(deleted.body, '')
  assertError(t, await api.request({ ...v1, url: '/tags/7000001' }), 400, { code: 'intercom_version_invalid', message: 'Requested resource is not available in current API version.' })
})

t.test('1.x people list their segments, evaluated live', async t => {
  const api = await build(t)
  t.strictSame((await api.request({ ...v1, url: `/users/${FIXTURE.mal.id}` })).json().segments, {
    type: 'segment.list', segments: [{ type: 'segment', id: '5b8e0a1c2d3e4f5a6b7c8d90' }, { type: 'segment', id: '5b8e0a1c2d3e4f5a6b7c8d91' }]
  })
  t.strictSame((await api.request({ ...v1, url: `/users/${FIXTURE.inara.id}` })).json().segments.segments, [{ type: 'segment', id: '5b8e0a1c2d3e4f5a6b7c8d90' }])
  await api.request({ ...v1, method: 'POST', url: '/tags', payload: { name: 'Browncoat', users: [{ id: FIXTURE.inara.id }] } })
  t.equal((await api.request({ ...v1, url: `/users/${FIXTURE.inara.id}` })).json().segments.segments.length, 2, 'tagged, she is a Browncoat')
})
