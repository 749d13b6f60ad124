import t from 'tap'
import { Workspaces } from '../../src/control/workspaces.js'
import { fixedClock } from '../../src/domain/clock.js'
import { createMessage } from '../../src/domain/messages.js'
import { openStore } from '../../src/store/index.js'
import { FIXTURE, fixtures, T0 } from '../helper.js'

t.test('a message whose conversation cannot be written leaves no message and the visitor a visitor', async t => {
  const store = openStore(':memory:')
  t.teardown(() => store.close())
  const workspaces = new Workspaces(store, fixtures(), fixedClock(T0))
  const ctx = workspaces.contextFor(workspaces.forToken('atomic'))
  ctx.store.conversations.insert = () => { throw new Error('disk full') }

  t.throws(() => createMessage(ctx, { from: { type: 'contact', userId: FIXTURE.visitor.userId }, body: 'Hi' }), /disk full/)

  const again = workspaces.contextFor(workspaces.forToken('atomic'))
  t.equal(again.store.contacts.findById(FIXTURE.visitor.id)?.role, 'visitor')
  t.equal(again.store.messages.byIds(['2001']).size, 0)
})
