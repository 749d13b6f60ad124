import t from 'tap'
import { openDatabase } from '../../src/store/db.js'
import { prepareContactStatements } from '../../src/store/contacts.js'

/** The 2.x contact list walks an index in its order: no page sorts the workspace's contacts. */
t.test('GET /contacts reads its page in index order, without a sort', async t => {
  const db = openDatabase(':memory:')
  t.teardown(() => db.close())
  const statements = prepareContactStatements(db)
  const plan = (db.prepare(`EXPLAIN QUERY PLAN ${statements.pageOfContacts.source}`).all(1, 50, 0) as Array<{ detail: string }>).map(row => row.detail)
  t.same(plan.filter(step => step.includes('TEMP B-TREE')), [], plan.join(' | '))
  t.match(plan[0], /USING (COVERING )?INDEX ix_contacts_list_order/, plan.join(' | '))
})

t.test('the list index is never chosen for a lookup or a search of contacts', async t => {
  const db = openDatabase(':memory:')
  t.teardown(() => db.close())
  const statements = prepareContactStatements(db)
  const plan = (db.prepare(`EXPLAIN QUERY PLAN ${statements.byEmail.source}`).all(1, 'a@b.c') as Array<{ detail: string }>).map(row => row.detail)
  t.match(plan.join(' | '), /ix_contacts_email/)
})
