import type { Statement } from 'better-sqlite3'
import type { Contact } from '../domain/types.js'
import { toContact, type ContactRow } from './contacts.js'
import { toRecord, type ConversationRow } from './conversations.js'
import type { SqliteDatabase } from './db.js'
import type { ConversationRecord } from './records.js'
import { prepareBodyWordCatchUp } from './body-words.js'
import type { ContactLinkLoader } from './contact-links.js'
import { contactCondition, searchSql, segmentMembersSql, type SearchTarget } from './search-sql.js'

/**
 * What the store searches by: the domain has already applied Intercom's rules (operator meanings,
 * calendar days, value types), so every comparison here is exact. Fields are Intercom's names
 * (`source.author.email`, `custom_attributes.plan`), mapped to SQL from a whitelist in search-sql.ts.
 */
export type Comparison =
  | '=' | '!=' | 'IN' | 'NIN' | '>' | '>=' | '<' | '<='
  | 'contains' | 'not_contains' | 'starts_with' | 'ends_with'
  /** The text has one of the words (a list of them), as FTS5 indexed it: `source.body`'s `=`. */
  | 'has_word' | 'lacks_word'

export type CriterionValue = string | number | boolean | null | Array<string | number | boolean>

export interface Condition {
  field: string
  comparison: Comparison
  /** `null` with `=` / `!=` asks whether the field has no value. */
  value: CriterionValue
}

export interface ConditionGroup {
  /** `NOT` holds when its one condition does not (a group of them: when the AND of them does not). */
  operator: 'AND' | 'OR' | 'NOT'
  conditions: Criterion[]
}

export type Criterion = Condition | ConditionGroup

export interface SearchCriteria {
  where: Criterion
  sort: { field: string, direction: 'asc' | 'desc' }
}

/** Statements are cached by their SQL text; past this many, the oldest is dropped. */
const MAX_CACHED_STATEMENTS = 500

/** @internal */
export function prepareSearchStatements (db: SqliteDatabase) {
  return {
    db,
    // One statement per shape of query (fields, comparisons, sort), prepared on first use and reused.
    statements: new Map<string, Statement>(),
    catchUpBodyWords: prepareBodyWordCatchUp(db),
    // Kept by migration 8's triggers on the customer links.
    conversationsOfContact: db.prepare<[number, string | number], { n: number }>('SELECT n FROM contact_conversation_counts WHERE workspace_id = ? AND contact_id = ?')
  }
}

/** @internal */
export type SearchStatements = ReturnType<typeof prepareSearchStatements>

/** Searches one workspace's conversations and contacts (`POST /conversations/search`, `/contacts/search`). */
export class SearchStore {
  constructor (private readonly q: SearchStatements, private readonly workspaceId: number, private readonly links: ContactLinkLoader) {}

  conversations (criteria: SearchCriteria, limit: number, offset: number): ConversationRecord[] {
    return (this.run('conversations', 'page', criteria, [limit, offset], true) as ConversationRow[]).map(toRecord)
  }

  /** Conversations that are tickets (`POST /tickets/search`). */
  tickets (criteria: SearchCriteria, limit: number, offset: number): ConversationRecord[] {
    return (this.run('tickets', 'page', criteria, [limit, offset], true) as ConversationRow[]).map(toRecord)
  }

  countTickets (criteria: SearchCriteria): number {
    return (this.run('tickets', 'count', criteria, []) as Array<{ n: number }>)[0]?.n ?? 0
  }

  countConversations (criteria: SearchCriteria): number {
    const byContact = contactCondition(criteria.where)
    if (byContact !== null && 'conditions' in byContact.rest && byContact.rest.conditions.length === 0) {
      return this.q.conversationsOfContact.get(this.workspaceId, byContact.contactId)?.n ?? 0
    }
    return (this.run('conversations', 'count', criteria, []) as Array<{ n: number }>)[0]?.n ?? 0
  }

  /** Users and leads that are not deleted: visitors are not contacts in 2.x. */
  contacts (criteria: SearchCriteria, limit: number, offset: number): Contact[] {
    return this.links.load((this.run('contacts', 'page', criteria, [limit, offset], true) as ContactRow[]).map(toContact))
  }

  /** How many users and leads a segment's criteria match now. */
  countSegmentMembers (where: Criterion): number {
    const sql = segmentMembersSql(where, this.workspaceId, 'count')
    return (this.statement(sql.text).get(...sql.params) as { n: number }).n
  }

  countContacts (criteria: SearchCriteria): number {
    return (this.run('contacts', 'count', criteria, []) as Array<{ n: number }>)[0]?.n ?? 0
  }

  /** `raw`: rows as arrays (conversation rows are read so, see ConversationRow). */
  private run (target: SearchTarget, shape: 'page' | 'count', criteria: SearchCriteria, tail: number[], raw = false): unknown[] {
    const sql = searchSql(target, shape, criteria, this.workspaceId)
    return this.statement(sql.text).raw(raw).all(...sql.params, ...tail)
  }

  private statement (text: string): Statement {
    if (text.includes(' MATCH ')) this.q.catchUpBodyWords()
    const cached = this.q.statements.get(text)
    if (cached !== undefined) return cached
    const statement = this.q.db.prepare(text)
    if (this.q.statements.size >= MAX_CACHED_STATEMENTS) {
      const oldest = this.q.statements.keys().next().value
      if (oldest !== undefined) this.q.statements.delete(oldest)
    }
    this.q.statements.set(text, statement)
    return statement
  }
}
