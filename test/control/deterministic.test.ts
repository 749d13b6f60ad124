import t from 'tap'
import { buildApp } from '../../src/app.js'
import { defaultConfig } from '../../src/config.js'
import { systemClock } from '../../src/domain/clock.js'
import { fixtures, inject } from '../helper.js'
import { productScenario } from './scenario.js'

t.test('the same requests to two fresh workspaces with frozen clocks give byte-identical answers (ids, UUIDs, pseudonyms, request ids)', async t => {
  // The server's real clock: only the workspaces' frozen clocks make time stand still.
  const app = buildApp(defaultConfig({ dbPath: ':memory:', logLevel: 'silent' }), { fixtures: { ...fixtures(), app: { ...fixtures().app, id_code: 'serenity', created_at: 1700000000 } }, clock: systemClock })
  t.teardown(() => app.close())
  const run = async (token: string) => {
    await inject(app, { method: 'PUT', url: '/__mock/clock', payload: { frozen_at: 1800000000 }, token })
    return await productScenario(request => inject(app, { ...request, token }))
  }
  const first = await run('workspace-one')
  await inject(app, { method: 'POST', url: '/messages', token: 'someone-in-between', payload: { from: { type: 'user', id: '536e564f316c83104c000020' }, body: 'noise' } })
  const second = await run('workspace-two')
  t.ok(first.length > 30, `${first.length} answers`)
  t.strictSame(second, first)
  t.match(first.find(a => a.includes('"pseudonym"') || a.includes('from Dublin') || a.includes(' from ')), /./, 'the scenario makes up a pseudonym')
  t.strictSame(first.filter(a => a.startsWith('5')), [], 'no 500s')
})

t.test('another seed gives other made-up values; a new contact\'s id no longer carries the workspace\'s internal number', async t => {
  const app = buildApp(defaultConfig({ dbPath: ':memory:', logLevel: 'silent' }), { fixtures: fixtures(), clock: systemClock })
  t.teardown(() => app.close())
  const lead = async (token: string) => (await inject(app, { method: 'POST', url: '/contacts', payload: {}, token })).json()
  await inject(app, { method: 'PUT', url: '/__mock/clock', payload: { frozen_at: 1800000000 }, token: 'a' })
  await inject(app, { method: 'PUT', url: '/__mock/clock', payload: { frozen_at: 1800000000 }, token: 'b' })
  await inject(app, { method: 'POST', url: '/__mock/reset', payload: { ...fixtures(), seed: 'other', clock: { frozen_at: 1800000000 } }, token: 'c' })
  const [a, b, c] = [await lead('a'), await lead('b'), await lead('c')]
  t.equal(a.id, b.id)
  t.equal(a.user_id, b.user_id)
  t.equal(a.name, b.name)
  t.not(c.id, a.id)
  t.not(c.user_id, a.user_id)
  t.match(a.user_id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
})
