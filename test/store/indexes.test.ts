import t from 'tap'
import { openDatabase } from '../../src/store/db.js'
import { listingParams, listingSql } from '../../src/store/conversations.js'
import type { ConversationQuery } from '../../src/store/records.js'

/**
 * Every filter of GET /conversations is served by an index: no listing reads the conversations table
 * (or the customer links) from end to end.
 */
t.test('each conversation listing reads through an index', async t => {
  const db = openDatabase(':memory:')
  t.teardown(() => db.close())
  const filters: Array<Partial<ConversationQuery>> = [
    {},
    { contactId: 'c' },
    { contactId: 'c', unreadOnly: true },
    { contactId: 'c', open: true },
    { adminAssigneeId: 'a' },
    { adminAssigneeId: 'a', open: false },
    { adminAssigneeId: null },
    { open: true },
    { open: false },
    { unreadOnly: true },
    { updatedBefore: 1 },
    { waitingOnly: true }
  ]
  let checked = 0
  for (const filter of filters) {
    for (const sort of ['created_at', 'updated_at', 'waiting_since'] as const) {
      const query: ConversationQuery = { sort, direction: 'desc', ...filter }
      const sql = listingSql(query)
      for (const statement of [sql.page, sql.count]) {
        const params = { ...listingParams(1, query), ...(statement === sql.page ? { limit: 20, offset: 0 } : {}) }
        const plan = (db.prepare(`EXPLAIN QUERY PLAN ${statement}`).all(params) as Array<{ detail: string }>).map(row => row.detail)
        const described = `${JSON.stringify(query)}: ${plan.join(' | ')}`
        t.same(plan.filter(step => /^SCAN (c|cc)$/.test(step)), [], described)
        if (query.contactId !== undefined) t.match(plan[0], /^SEARCH cc USING (COVERING )?INDEX ix_conversation_contacts_contact /, described)
        if (query.adminAssigneeId !== undefined) t.match(plan[0], /^SEARCH c USING (COVERING )?INDEX ix_conversations_admin /, described)
        checked++
      }
    }
  }
  t.equal(checked, filters.length * 3 * 2)
})
