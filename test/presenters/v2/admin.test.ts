import t from 'tap'
import { presentMe } from '../../../src/presenters/me.js'
import { presentAdminListV2, presentAdminV2 } from '../../../src/presenters/v2/admin.js'
import { presentMeV2 } from '../../../src/presenters/v2/me.js'
import { app, atLeast, V2_LABELS, version, wash, zoe } from './fixtures/objects.js'
import { assertSpec } from './fixtures/assert-spec.js'

function expectedWash (label: string): object {
  return {
    type: 'admin',
    id: '394051',
    name: 'Wash',
    email: 'wash@serenity.io',
    job_title: 'Pilot',
    away_mode_enabled: false,
    away_mode_reassign: false,
    has_inbox_seat: true,
    ...(atLeast(label, 14) ? { away_status_reason_id: null } : {}),
    team_ids: [814860, 814861]
  }
}

function expectedZoe (label: string): object {
  return {
    type: 'admin',
    id: '394052',
    name: 'Zoe',
    email: 'zoe@serenity.io',
    // only 2.11 requires job_title; elsewhere an admin without one has none, as in the spec's examples
    ...(label === '2.11' ? { job_title: '' } : {}),
    away_mode_enabled: true,
    away_mode_reassign: true,
    has_inbox_seat: false,
    ...(atLeast(label, 14) ? { away_status_reason_id: null } : {}),
    team_ids: []
  }
}

t.test('an admin has integer team ids, and its avatar as an object', async t => {
  for (const label of V2_LABELS) {
    t.strictSame(presentAdminV2(wash, version(label)),
      { ...expectedWash(label), avatar: { image_url: 'https://static.intercomassets.com/avatars/394051/square_128/wash.png' } }, `${label} Wash`)
    t.strictSame(presentAdminV2(zoe, version(label)), { ...expectedZoe(label), avatar: null }, `${label} Zoe`)
  }
})

t.test('the admin list holds admins only, without avatars (GET /admins sends them only when asked)', async t => {
  for (const label of V2_LABELS) {
    const teams = [{ id: '814860', name: 'Crew', adminIds: ['394051'] }]
    t.strictSame(presentAdminListV2({ admins: [wash, zoe], teams }, version(label)),
      { type: 'admin.list', admins: [expectedWash(label), expectedZoe(label)] }, label)
  }
})

t.test('GET /me is presentMe, plus what 2.11 alone requires', async t => {
  for (const label of V2_LABELS) {
    const extra = label === '2.11' ? { job_title: 'Pilot', away_mode_enabled: false, away_mode_reassign: false, team_ids: [814860, 814861] } : {}
    t.strictSame(presentMeV2({ admin: wash, app }, version(label)), { ...presentMe({ admin: wash, app }), ...extra }, label)
  }
  t.strictSame(presentMeV2({ admin: zoe, app }, version('2.11')),
    { ...presentMe({ admin: zoe, app }), job_title: '', away_mode_enabled: true, away_mode_reassign: true, team_ids: [] })
})

t.test('presentMe alone does not match 2.11\'s GET /me', async t => {
  assertSpec(t, '2.11', 'GET', '/me', presentMe({ admin: wash, app }),
    ['job_title', 'away_mode_enabled', 'away_mode_reassign', 'team_ids'].map(p => `GET /me 200: / must have required property '${p}'`))
})

t.test('admins match GET /admins/{id}, GET /admins and GET /me in every version', async t => {
  for (const label of V2_LABELS) {
    const v = version(label)
    for (const admin of [wash, zoe]) {
      assertSpec(t, label, 'GET', `/admins/${admin.id}`, presentAdminV2(admin, v))
      assertSpec(t, label, 'GET', '/me', presentMeV2({ admin, app }, v))
    }
    assertSpec(t, label, 'GET', '/admins', presentAdminListV2({ admins: [wash, zoe], teams: [] }, v))
  }
})
