import t from 'tap'
import { Workspaces } from '../../src/control/workspaces.js'
import { fixedClock } from '../../src/domain/clock.js'
import { createEvent } from '../../src/domain/data-events.js'
import { setAdminAway } from '../../src/domain/admins.js'
import { saveAttachmentFiles } from '../../src/domain/attachments.js'
import { createMessage } from '../../src/domain/messages.js'
import { convertConversationToTicket } from '../../src/domain/tickets/tickets.js'
import { createNote } from '../../src/domain/notes.js'
import { openDatabase } from '../../src/store/db.js'
import { createStore } from '../../src/store/index.js'
import { PURGE_BATCH } from '../../src/store/purge.js'
import { fixtures, FIXTURE, T0 } from '../helper.js'

t.test('a dropped workspace is purged in bounded steps, every row of it and nothing of another', async t => {
  const db = openDatabase(':memory:')
  const store = createStore(db)
  t.teardown(() => store.close())
  const workspaces = new Workspaces(store, fixtures(), fixedClock(T0))
  workspaces.close() // step the purge by hand
  for (const token of ['dropped', 'kept']) {
    const ctx = workspaces.contextFor(workspaces.forToken(token))
    store.transaction(() => {
      for (let i = 0; i < PURGE_BATCH * 3 + 7; i++) createMessage(ctx, { from: { type: 'user', id: FIXTURE.mal.id }, body: `m${i}` })
      for (let i = 0; i < PURGE_BATCH + 3; i++) {
        createNote(ctx, { by: 'id', value: FIXTURE.mal.id }, { body: `n${i}` })
        createEvent(ctx, { id: FIXTURE.mal.id, eventName: `e${i % 7}`, createdAt: T0 - i })
      }
      ctx.store.tags.apply('conversation', '1000000001', '7000001', T0, null)
      convertConversationToTicket(ctx, '1000000001', { ticketTypeId: '1001', attributes: { Severity: 'Low' } })
      saveAttachmentFiles(ctx, { conversationId: '1000000001', type: 'message', id: '2001' }, [{ name: 'a.png', contentType: 'image/png', data: Buffer.from('png') }], 'http://127.0.0.1')
      setAdminAway(ctx, FIXTURE.wash.id, { awayModeEnabled: true, awayModeReassign: false })
    })
  }
  const droppedId = workspaces.find('dropped')?.id
  const keptId = workspaces.find('kept')?.id
  const tables = db.prepare("SELECT name FROM sqlite_master m WHERE type = 'table' AND name <> 'workspaces' AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) WHERE name = 'workspace_id')").pluck().all() as string[]
  const rowsOf = (id: number | undefined) => tables.reduce((n, table) => n + (db.prepare(`SELECT count(*) FROM ${table} WHERE workspace_id = ?`).pluck().get(id) as number), 0)
  const keptBefore = rowsOf(keptId)
  for (const table of ['tags', 'contact_tags', 'conversation_tags', 'companies', 'company_contacts', 'segments', 'data_attributes', 'subscription_types', 'notes', 'events', 'event_summaries',
    'tickets', 'ticket_types', 'ticket_states', 'attachment_files', 'admin_activity_logs']) {
    t.ok(db.prepare(`SELECT count(*) FROM ${table} WHERE workspace_id = ?`).pluck().get(droppedId) as number > 0, `the dropped workspace has ${table}`)
  }
  t.ok(rowsOf(droppedId) > PURGE_BATCH * 6)

  workspaces.drop('dropped')
  t.equal(workspaces.find('dropped'), null, 'the token names no workspace at once')
  let steps = 0
  while (store.purgeStep()) steps++
  t.ok(steps > 8, `${steps} steps`)
  t.equal(rowsOf(droppedId), 0)
  t.equal(db.prepare('SELECT count(*) FROM workspaces WHERE id = ?').pluck().get(droppedId), 0)
  t.equal(rowsOf(keptId), keptBefore, 'the other workspace is whole')
  t.equal(store.purgeStep(), false)
})

t.test('purge and snooze statements read through indexes', async t => {
  const db = openDatabase(':memory:')
  t.teardown(() => db.close())
  for (const table of ['attachment_files', 'conversation_parts', 'events', 'notes', 'messages', 'conversations', 'contacts', 'companies', 'tags', 'data_attributes', 'admin_activity_logs']) {
    const plan = (db.prepare(`EXPLAIN QUERY PLAN DELETE FROM ${table} WHERE rowid IN (SELECT rowid FROM ${table} WHERE workspace_id = ? LIMIT ?)`).all(1, 100) as Array<{ detail: string }>).map(r => r.detail)
    t.same(plan.filter(step => /^SCAN /.test(step)), [], `${table}: ${plan.join(' | ')}`)
  }
  const snoozes = (db.prepare(`EXPLAIN QUERY PLAN SELECT id FROM conversations c INDEXED BY ix_conversations_snoozed
    WHERE c.workspace_id = ? AND c.state = 'snoozed' AND c.snoozed_until <= ?`).all(1, 1) as Array<{ detail: string }>).map(r => r.detail)
  t.match(snoozes[0], /USING INDEX ix_conversations_snoozed/)
})
