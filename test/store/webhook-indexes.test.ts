import t from 'tap'
import { openDatabase } from '../../src/store/db.js'
import { prepareWebhookStatements } from '../../src/store/webhooks.js'

/** Every read of the webhook tables goes through an index; the dispatcher's scan reads only the index of pending rows. */
t.test('webhook statements read through indexes, in order', async t => {
  const db = openDatabase(':memory:')
  t.teardown(() => db.close())
  const statements = prepareWebhookStatements(db)
  let checked = 0
  for (const [name, statement] of Object.entries(statements)) {
    if (!statement.reader) continue
    const sql = statement.source
    const params = sql.includes('@')
      ? [{ workspace_id: 1, subscription_id: 's', status: 'sent', topic: 't', limit: 1 }]
      : Array<number | string>((sql.match(/\?/g) ?? []).length).fill(1).map((v, i) => name === 'attemptsOf' && i === 0 ? '[1]' : v)
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map(row => row.detail)
    const described = `${name}: ${plan.join(' | ')}`
    const scans = plan.filter(step => /^SCAN webhook_/.test(step) && step !== 'SCAN webhook_notifications USING COVERING INDEX ix_webhook_notifications_pending')
    t.same(scans, [], described)
    t.notOk(plan.some(step => step.startsWith('USE TEMP B-TREE') && !name.startsWith('attempts')), `${described}: no sort`)
    checked++
  }
  t.ok(checked >= 10)
})
