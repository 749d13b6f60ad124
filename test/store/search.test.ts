import t, { type Test } from 'tap'
import { Workspaces } from '../../src/control/workspaces.js'
import { fixedClock } from '../../src/domain/clock.js'
import { newContact } from '../../src/domain/people.js'
import { CONTACT_FIELDS, CONVERSATION_FIELDS } from '../../src/domain/search-fields.js'
import { ContactLinkLoader, prepareContactLinkStatements } from '../../src/store/contact-links.js'
import { openDatabase } from '../../src/store/db.js'
import { createStore } from '../../src/store/index.js'
import { prepareSearchStatements, SearchStore, type Condition, type SearchCriteria } from '../../src/store/search.js'
import { SEARCHABLE_FIELDS, searchSql } from '../../src/store/search-sql.js'
import { fixtures, T0 } from '../helper.js'

/** A workspace seeded with the fixtures, and a SearchStore over statements this test can inspect. */
function setup (t: Test) {
  const db = openDatabase(':memory:')
  t.teardown(() => db.close())
  const store = createStore(db)
  const workspaces = new Workspaces(store, fixtures(), fixedClock(T0))
  const ctx = workspaces.contextFor(workspaces.forToken('store-search'))
  const statements = prepareSearchStatements(db)
  return { db, ctx, statements, search: new SearchStore(statements, ctx.workspace.id, new ContactLinkLoader(prepareContactLinkStatements(db), ctx.workspace.id)) }
}

const where = (field: string, comparison: Condition['comparison'], value: Condition['value']): SearchCriteria => ({
  where: { field, comparison, value },
  sort: { field: 'created_at', direction: 'asc' }
})

const HOSTILE_NAMES = ["O'Brien", '100% real', 'a_b', 'axb', 'back\\slash', 'Robert"); DROP TABLE contacts; --', 'plain']

t.test('hostile values are data: quotes, %, _ and \\ match only themselves', async t => {
  const { ctx, search, db } = setup(t)
  for (const name of HOSTILE_NAMES) ctx.store.contacts.insert({ ...newContact(ctx, 'user', {}), name, email: `${HOSTILE_NAMES.indexOf(name)}@hostile.test` })
  const names = (criteria: SearchCriteria) => search.contacts(criteria, 50, 0).map(c => c.name).filter(n => HOSTILE_NAMES.includes(n ?? ''))
  t.same(names(where('name', 'contains', '%')), ['100% real'], '% is a literal percent sign')
  t.same(names(where('name', 'contains', '_')), ['a_b'], '_ is a literal underscore, not any one character')
  t.same(names(where('name', 'starts_with', 'a_')), ['a_b'])
  t.same(names(where('name', 'contains', '\\')), ['back\\slash'], 'the escape character itself')
  t.same(names(where('name', 'ends_with', '\\slash')), ['back\\slash'])
  t.same(names(where('name', 'starts_with', "O'")), ["O'Brien"])
  t.same(names(where('name', '=', "O'Brien")), ["O'Brien"])
  t.same(names(where('name', '=', 'Robert"); DROP TABLE contacts; --')), ['Robert"); DROP TABLE contacts; --'])
  t.same(names(where('name', 'IN', ["' OR 1=1 --", 'plain'])), ['plain'])
  t.same(names(where('name', 'not_contains', '%')).sort(), HOSTILE_NAMES.filter(n => n !== '100% real').sort())
  t.same(names(where('custom_attributes.x\') OR 1=1 --', '=', 'x')), [], 'a hostile custom attribute name is a JSON path parameter')
  t.equal((db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'contacts'").get() as { n: number }).n, 1, 'no table was dropped')
})

t.test('values never appear in the SQL text, and one statement serves every value of a shape', async t => {
  const { search, statements } = setup(t)
  const hostile = "zz'; DELETE FROM contacts; --"
  const sql = searchSql('contacts', 'page', where('name', 'contains', hostile), 1)
  t.notMatch(sql.text, 'zz')
  t.same(sql.params, [1, hostile])
  search.contacts(where('name', 'contains', hostile), 10, 0)
  search.contacts(where('name', 'contains', 'other'), 10, 0)
  search.contacts(where('name', 'contains', 'third'), 5, 5)
  t.equal(statements.statements.size, 1, 'prepared once for three searches of one shape')
  search.countContacts(where('name', 'contains', 'x'))
  search.contacts(where('email', 'contains', 'x'), 10, 0)
  t.equal(statements.statements.size, 3, 'a count and another field are other shapes')
  const custom = searchSql('contacts', 'page', where('custom_attributes.plan', '=', 'pro'), 1)
  t.notMatch(custom.text, 'plan')
  t.same(custom.params, [1, '$."plan"', 'pro'])
})

t.test('only whitelisted fields reach SQL; a custom attribute name is a JSON path label with JSON escapes', async t => {
  t.throws(() => searchSql('contacts', 'page', where('name; DROP TABLE contacts', '=', 'x'), 1), /is not a searchable contacts field/)
  t.throws(() => searchSql('conversations', 'count', where('custom_attributes.plan', '=', 'x'), 1), /is not a searchable conversations field/)
  t.throws(() => searchSql('contacts', 'count', where('custom_attributes.', '=', 'x'), 1), /needs a name/)
  t.same(searchSql('contacts', 'count', where('custom_attributes.a"b\\', '=', 'x'), 1).params, [1, '$."a\\"b\\\\"', 'x'], 'quotes and backslashes escaped')
  t.throws(() => searchSql('contacts', 'page', { ...where('name', '=', 'x'), sort: { field: 'tag_id', direction: 'asc' } }, 1), /cannot be sorted on/)
})

t.test("the store can search every field the domain accepts, and only those", async t => {
  t.same([...SEARCHABLE_FIELDS.conversations].sort(), Object.keys(CONVERSATION_FIELDS).sort())
  t.same([...SEARCHABLE_FIELDS.contacts].sort(), Object.keys(CONTACT_FIELDS).sort())
  const { search } = setup(t)
  for (const [field, spec] of Object.entries(CONVERSATION_FIELDS)) {
    t.doesNotThrow(() => search.countConversations(where(field, '=', 'x')), field)
    if (spec.sortable === true) t.doesNotThrow(() => search.conversations({ ...where('id', '=', '1'), sort: { field, direction: 'desc' } }, 1, 0), `sort by ${field}`)
  }
  for (const [field, spec] of Object.entries(CONTACT_FIELDS)) {
    t.doesNotThrow(() => search.countContacts(where(field, '=', 'x')), field)
    if (spec.sortable === true) t.doesNotThrow(() => search.contacts({ ...where('id', '=', '1'), sort: { field, direction: 'desc' } }, 1, 0), `sort by ${field}`)
  }
})

t.test('searches start from the workspace in an index', async t => {
  const db = openDatabase(':memory:')
  t.teardown(() => db.close())
  prepareSearchStatements(db)
  const plan = (criteria: SearchCriteria, target: 'contacts' | 'conversations') => {
    const sql = searchSql(target, 'page', criteria, 1)
    return (db.prepare(`EXPLAIN QUERY PLAN ${sql.text}`).all(...sql.params, 10, 0) as Array<{ detail: string }>).map(r => r.detail).join(' | ')
  }
  t.match(plan(where('email', '=', 'a@b.c'), 'contacts'), /SEARCH ct USING INDEX ix_contacts_email \(workspace_id=\? AND email=\?\)/)
  t.match(plan(where('created_at', '>=', 5), 'contacts'), /SEARCH ct USING INDEX ix_contacts_role_created \(workspace_id=\? AND role=\? AND archived=\? AND created_at>\?\)/)
  // One contact's conversations, newest first, are read from its customer links in creation order (migration 8).
  t.match(plan(where('contact_ids', '=', 'x'), 'conversations'), /SEARCH cc USING (COVERING )?INDEX ix_conversation_contacts_created \(workspace_id=\? AND contact_id=\?\)/)
  t.match(plan(where('created_at', '>=', 5), 'conversations'), /SEARCH c USING INDEX ix_conversations_created \(workspace_id=\? AND created_at>\?\)/)
  t.match(plan(where('teammate_ids', '=', '1'), 'conversations'), /SEARCH tm USING INDEX ix_messages_conversation \(workspace_id=\? AND conversation_id=\?\)/)
  t.notMatch(plan(where('state', '=', 'open'), 'conversations'), /SCAN c\b/, 'never a scan of every workspace')
  t.notMatch(plan(where('name', 'contains', 'x'), 'contacts'), /SCAN ct\b/)
})

t.test('the statement cache is bounded', async t => {
  const { search, statements } = setup(t)
  // Groups of different sizes are different SQL texts: 600 shapes.
  for (let n = 1; n <= 600; n++) {
    search.countContacts({ where: { operator: 'OR', conditions: Array.from({ length: n }, () => ({ field: 'name', comparison: '=', value: 'x' })) }, sort: { field: 'id', direction: 'asc' } })
  }
  t.equal(statements.statements.size, 500)
})
