import t from 'tap'
import { assertError, build, FIXTURE } from '../../helper.js'

t.test('GET /admins lists the admins, then the teams (1.x)', async t => {
  const api = await build(t)
  const res = await api.request({ url: '/admins' })
  t.equal(res.statusCode, 200)
  const body = res.json()
  t.equal(body.type, 'admin.list')
  t.same(body.admins.map((a: { type: string, id: string }) => `${a.type}:${a.id}`), ['admin:394051', 'admin:394052', 'admin:394053', 'team:814860', 'team:814861'])
  t.strictSame(body.admins[0], {
    type: 'admin',
    id: '394051',
    name: 'Wash',
    email: 'wash@serenity.io',
    job_title: 'Pilot',
    away_mode_enabled: false,
    away_mode_reassign: false,
    has_inbox_seat: true,
    team_ids: ['814860'],
    avatar: { image_url: null }
  })
  t.strictSame(body.admins[3], { type: 'team', id: '814860', name: 'Serenity crew', admin_ids: ['394051', '394052'] })
})

t.test('GET /admins/{id} shows one admin; an unknown one is 404 admin_not_found', async t => {
  const api = await build(t)
  const res = await api.request({ url: `/admins/${FIXTURE.kaylee.id}` })
  t.match(res.json(), { type: 'admin', id: FIXTURE.kaylee.id, name: 'Kaylee Frye', away_mode_enabled: true })
  assertError(t, await api.request({ url: '/admins/1' }), 404, { code: 'admin_not_found', message: 'Admin not found' })
})

t.test('GET /me is the admin who owns the token, with the app', async t => {
  const api = await build(t)
  const res = await api.request({ url: '/me', token: 'my-token' })
  t.equal(res.statusCode, 200)
  const me = res.json()
  t.match(me, {
    type: 'admin',
    id: '394051',
    name: 'Wash',
    email: 'wash@serenity.io',
    email_verified: true,
    app: { type: 'app', name: 'Serenity', timezone: 'Europe/Dublin', region: 'US', secure: false, identity_verification: false },
    avatar: { type: 'avatar', image_url: null },
    has_inbox_seat: true
  })
  t.match(me.app.id_code, /^[0-9a-f]{8}$/)
  const again = (await api.request({ url: '/me', token: 'my-token' })).json()
  t.equal(again.app.id_code, me.app.id_code, 'stable for a token')
  const other = (await api.request({ url: '/me', token: 'other-token' })).json()
  t.not(other.app.id_code, me.app.id_code, 'each token its own app')
})
