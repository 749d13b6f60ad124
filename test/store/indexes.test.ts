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

/** The lookups this issue added (attachments, tickets, activity logs, customers) search an index or key, never scan. */
t.test('attachment, ticket, activity-log and customer lookups read through an index or key', async t => {
  const db = openDatabase(':memory:')
  t.teardown(() => db.close())
  const statements = [
    ["SELECT * FROM attachment_files WHERE workspace_id = 1 AND owner_type = 'part' AND owner_id IN (SELECT value FROM json_each('[1]')) ORDER BY owner_id, position", /ix_attachment_files_owner/],
    ["SELECT content_type, data FROM attachment_files WHERE key = 'k'", /sqlite_autoindex_attachment_files_1/],
    ["SELECT * FROM tickets WHERE workspace_id = 1 AND conversation_id IN (SELECT value FROM json_each('[1]'))", /PRIMARY KEY|sqlite_autoindex_tickets_1/],
    ["SELECT * FROM tickets INDEXED BY ix_tickets_linked WHERE workspace_id = 1 AND linked_conversation_id IN (SELECT value FROM json_each('[1]'))", /ix_tickets_linked/],
    ['SELECT * FROM admin_activity_logs WHERE workspace_id = 1 AND created_at > 0 AND created_at < 9 ORDER BY created_at DESC LIMIT 20', /ix_admin_activity_logs_created/],
    ['SELECT coalesce(max(position) + 1, 0) FROM conversation_contacts WHERE workspace_id = 1 AND conversation_id = 1', /PRIMARY KEY|sqlite_autoindex/]
  ] as const
  for (const [sql, index] of statements) {
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>).map(row => row.detail)
    t.same(plan.filter(step => /^SCAN (attachment_files|tickets|admin_activity_logs|conversation_contacts)$/.test(step)), [], `${sql}: ${plan.join(' | ')}`)
    t.match(plan.join(' | '), index, sql)
  }
})

/** Issue 12's flat reads: a deep contact-list cursor, one contact's conversations searched, and the counts they answer total_count with. */
t.test('keyset contact pages, a contact\'s conversations searched, and the counts read through an index or key', async t => {
  const db = openDatabase(':memory:')
  t.teardown(() => db.close())
  const { searchSql, segmentMembersSql } = await import('../../src/store/search-sql.js')
  const members = segmentMembersSql({ field: 'created_at', comparison: '>', value: 5 }, 1)
  const byContact = searchSql('conversations', 'page', { where: { field: 'contact_ids', comparison: '=', value: 'c' }, sort: { field: 'created_at', direction: 'desc' } }, 1)
  const statements: Array<[string, unknown[], RegExp]> = [
    [`SELECT id FROM contacts WHERE workspace_id = ? AND deleted_at IS NULL AND role <> 'visitor' AND archived = 0 AND (created_at, id) < (?, ?)
      ORDER BY created_at DESC, id DESC LIMIT ?`, [1, 5, 'x', 50], /^SEARCH contacts USING INDEX ix_contacts_list_order \(workspace_id=\? AND \(created_at,id\)<\(\?,\?\)\)$/],
    ['SELECT role, archived, n FROM contact_counts WHERE workspace_id = ?', [1], /^SEARCH contact_counts USING PRIMARY KEY \(workspace_id=\?\)$/],
    ['SELECT n FROM contact_conversation_counts WHERE workspace_id = ? AND contact_id = ?', [1, 'c'], /^SEARCH contact_conversation_counts USING PRIMARY KEY \(workspace_id=\? AND contact_id=\?\)$/],
    [byContact.text, [...byContact.params, 20, 0], /^SEARCH cc USING COVERING INDEX ix_conversation_contacts_created \(workspace_id=\? AND contact_id=\?\)/],
    // Which contacts of a page a segment holds: by the page's ids, not by a range of the segment's filter.
    [members.text, [...members.params, '["a"]'], /^SEARCH ct USING INDEX sqlite_autoindex_contacts_1 \(workspace_id=\? AND id=\?\)/]
  ]
  for (const [sql, params, plan] of statements) {
    const steps = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map(row => row.detail)
    t.same(steps.filter(step => /^SCAN (?!json_each)/.test(step)), [], `${sql}: ${steps.join(' | ')}`)
    t.match(steps[0], plan, `${sql}: ${steps.join(' | ')}`)
    t.notOk(steps.some(step => /TEMP B-TREE FOR ORDER BY/.test(step)), 'no sort of every match (the tie-break on rowid sorts within one created_at only)')
  }
})
