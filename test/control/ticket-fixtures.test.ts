import t from 'tap'
import { Workspaces } from '../../src/control/workspaces.js'
import { dumpAssignmentRuleFixtures, dumpTicketFixtures } from '../../src/control/ticket-fixtures.js'
import { fixedClock } from '../../src/domain/clock.js'
import { openStore } from '../../src/store/index.js'
import { fixtures, T0 } from '../helper.js'

function workspaceFrom (seed: ReturnType<typeof fixtures>, token = 'dump') {
  const store = openStore(':memory:')
  const workspaces = new Workspaces(store, seed, fixedClock(T0))
  return { store, ctx: workspaces.contextFor(workspaces.forToken(token)) }
}

t.test('ticket types, states and the assignment rule dump in fixture shape, and load back the same', async t => {
  const seed = { ...fixtures(), assignment_rules: { assign_to: { type: 'team' as const, id: '814860' } } }
  const first = workspaceFrom(seed)
  t.teardown(() => first.store.close())
  const dumped = { ...dumpTicketFixtures(first.ctx), ...dumpAssignmentRuleFixtures(first.ctx) }
  t.same(dumped.ticket_types?.map(type => [type.id, type.name, type.category]), [['1001', 'Bug report', 'Customer'], ['1002', 'Refund', 'Back-office']])
  t.match(dumped.ticket_types?.[0]?.attributes, [{ name: 'Severity', data_type: 'list', required_to_create: true, input_options: { list_options: [{ label: 'Low' }, { label: 'High' }] } }])
  t.same(dumped.ticket_states?.map(s => s.category), ['submitted', 'in_progress', 'waiting_on_customer', 'resolved'])
  t.same(dumped.assignment_rules, { assign_to: { type: 'team', id: '814860' } })

  const second = workspaceFrom({ ...fixtures(), ...dumped })
  t.teardown(() => second.store.close())
  t.same({ ...dumpTicketFixtures(second.ctx), ...dumpAssignmentRuleFixtures(second.ctx) }, dumped)
  t.same(dumpAssignmentRuleFixtures(workspaceFrom(fixtures(), 'none').ctx), {}, 'no rule, no key')
})
