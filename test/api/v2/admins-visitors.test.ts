import t from 'tap'
import { assertError, build, FIXTURE } from '../../helper.js'

t.test('GET /admins and /admins/{id} in 2.x shapes', async t => {
  const api = await build(t)
  const list = (await api.request({ url: '/admins', version: '2.14' })).json()
  t.same(list.admins.map((a: { id: string }) => a.id), [FIXTURE.wash.id, FIXTURE.zoe.id, FIXTURE.kaylee.id])
  t.match(list.admins[0], { type: 'admin', id: FIXTURE.wash.id, name: 'Wash', email: 'wash@serenity.io', away_mode_enabled: false, has_inbox_seat: true })
  const kaylee = (await api.request({ url: `/admins/${FIXTURE.kaylee.id}`, version: '2.11' })).json()
  t.match(kaylee, { type: 'admin', id: FIXTURE.kaylee.id, away_mode_enabled: true })
  assertError(t, await api.request({ url: '/admins/1', version: '2.11' }), 404, { code: 'admin_not_found', message: 'Admin not found' })
})

t.test('GET /me in 2.x', async t => {
  const api = await build(t)
  t.match((await api.request({ url: '/me', version: '2.16' })).json(), { type: 'admin', id: FIXTURE.wash.id, app: { type: 'app' } })
})

t.test('GET /visitors?user_id= and POST /visitors/convert in 2.x answer a visitor and a contact', async t => {
  const api = await build(t)
  const visitor = (await api.request({ url: `/visitors?user_id=${FIXTURE.visitor.userId}`, version: '2.11' })).json()
  t.match(visitor, { type: 'visitor', id: FIXTURE.visitor.id, user_id: FIXTURE.visitor.userId })
  assertError(t, await api.request({ url: '/visitors?user_id=nobody', version: '2.11' }), 404, { code: 'not_found', message: 'Visitor Not Found' })
  const lead = (await api.request({ method: 'POST', url: '/visitors/convert', version: '2.11', payload: { visitor: { user_id: FIXTURE.book.userId }, type: 'lead' } })).json()
  t.match(lead, { type: 'contact', id: FIXTURE.book.id, role: 'lead' })
  const user = (await api.request({
    method: 'POST', url: '/visitors/convert', version: '2.14', payload: { type: 'user', user: { id: FIXTURE.mal.id }, visitor: { user_id: FIXTURE.visitor.userId } }
  })).json()
  t.match(user, { type: 'contact', id: FIXTURE.mal.id, role: 'user', external_id: FIXTURE.mal.userId })
})

t.test('PUT /visitors updates a visitor in 2.x', async t => {
  const api = await build(t)
  const res = await api.request({ method: 'PUT', url: '/visitors', version: '2.11', payload: { user_id: FIXTURE.visitor.userId, name: 'Curious George' } })
  t.match(res.json(), { type: 'visitor', name: 'Curious George' })
})
