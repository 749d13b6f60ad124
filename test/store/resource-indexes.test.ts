import type { Statement } from 'better-sqlite3'
import t from 'tap'
import { prepareCompanyStatements } from '../../src/store/companies.js'
import { prepareContactLinkStatements } from '../../src/store/contact-links.js'
import { prepareDataAttributeStatements } from '../../src/store/data-attributes.js'
import { openDatabase } from '../../src/store/db.js'
import { prepareEventStatements } from '../../src/store/events.js'
import { prepareNoteStatements } from '../../src/store/notes.js'
import { prepareSegmentStatements } from '../../src/store/segments.js'
import { prepareSubscriptionTypeStatements } from '../../src/store/subscription-types.js'
import { prepareTagStatements } from '../../src/store/tags.js'

/** Every statement of the tags, notes, companies, segments, data attributes, events and subscriptions stores reads through an index. */
t.test('no statement of this issue\'s stores scans a table', async t => {
  const db = openDatabase(':memory:')
  t.teardown(() => db.close())
  const groups = {
    tags: prepareTagStatements(db),
    notes: prepareNoteStatements(db),
    companies: prepareCompanyStatements(db),
    contactLinks: prepareContactLinkStatements(db),
    segments: prepareSegmentStatements(db),
    dataAttributes: prepareDataAttributeStatements(db),
    events: prepareEventStatements(db),
    subscriptionTypes: prepareSubscriptionTypeStatements(db)
  }
  const statements: Array<[string, Statement]> = []
  const collect = (prefix: string, value: unknown) => {
    if (typeof value !== 'object' || value === null || value instanceof Map) return
    if ('source' in value && typeof (value as Statement).source === 'string') statements.push([prefix, value as Statement])
    else for (const [key, inner] of Object.entries(value)) if (key !== 'db') collect(`${prefix}.${key}`, inner)
  }
  for (const [name, group] of Object.entries(groups)) collect(name, group)
  t.ok(statements.length > 30)
  for (const [name, statement] of statements) {
    const source = statement.source
    const named = [...new Set([...source.matchAll(/@(\w+)/g)].map(m => m[1] as string))]
    const params = named.length > 0 ? [Object.fromEntries(named.map(n => [n, n === 'ids' ? '[]' : 1]))] : Array.from({ length: (source.match(/\?/g) ?? []).length }, () => 1)
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${source}`).all(...params) as Array<{ detail: string }>).map(row => row.detail)
    t.same(plan.filter(step => /^SCAN (?!j\b|json_each|\(subquery)/.test(step)), [], `${name}: ${plan.join(' | ')}`)
  }
})
