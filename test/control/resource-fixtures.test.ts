import t from 'tap'
import { validateFixtures } from '../../src/control/fixtures.js'
import { resourceFixtureRows } from '../../src/domain/fixture-rows.js'
import { build, fixtures, FIXTURE } from '../helper.js'

t.test('a workspace\'s resources, listed in the fixture shape, are valid fixtures that seed the same resources', async t => {
  const api = await build(t)
  await api.request({ method: 'POST', url: '/companies', version: '2.14', payload: { company_id: 'blue-sun', name: 'Blue Sun', plan: 'Enterprise' } })
  await api.request({ method: 'POST', url: '/tags', version: '2.14', payload: { name: 'Trial', companies: [{ company_id: 'blue-sun' }] } })
  await api.request({ method: 'POST', url: '/data_attributes', version: '2.14', payload: { name: 'tier', model: 'contact', data_type: 'options', options: [{ value: 'a' }, { value: 'b' }] } })
  const rows = resourceFixtureRows(api.ctxFor())
  t.same(rows.tags.map(tag => tag.name), ['Browncoat', 'VIP', 'Trial'])
  t.match(rows.companies.find(c => c.company_id === 'blue-sun'), { name: 'Blue Sun', plan: 'Enterprise', tags: ['Trial'] })
  t.match(rows.data_attributes.find(a => a.name === 'tier'), { model: 'contact', data_type: 'options', options: ['a', 'b'] })
  t.same(rows.personLinks(api.ctxFor().store.contacts.findById(FIXTURE.inara.id)!), { tags: [], companies: ['companions-guild'] })
  const { personLinks, ...resources } = rows
  const reseeded = validateFixtures('dump.json', { ...fixtures(), ...resources })
  const again = await build(t, {}, { fixtures: reseeded })
  const { personLinks: _, ...seededAgain } = resourceFixtureRows(again.ctxFor())
  t.same(seededAgain, resources)
})

t.test('fixture errors name the place: unknown tag, unknown company, a segment filter that is no query, a data attribute twice', async t => {
  const base = fixtures()
  const bad = (change: Record<string, unknown>, message: RegExp) => t.throws(() => validateFixtures('f.json', { ...base, ...change }), { name: 'FixtureError', message })
  bad({ users: [{ id: '536e564f316c83104c000099', tags: ['Nope'] }] }, /\/users\/0\/tags\/0: no tag is named Nope/)
  bad({ users: [{ id: '536e564f316c83104c000099', companies: ['nope'] }] }, /\/users\/0\/companies\/0: no company has company_id nope/)
  bad({ segments: [{ id: '5b8e0a1c2d3e4f5a6b7c8d90', name: 'S', filter: { field: 'nope', operator: '=', value: 1 } }] }, /\/segments\/0\/filter: /)
  bad({ data_attributes: [{ name: 'a', model: 'contact', data_type: 'string' }, { name: 'a', model: 'company', data_type: 'string' }] }, /\/data_attributes\/1\/name: data attribute a is declared twice/)
})
