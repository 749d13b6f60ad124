import type { Statement } from 'better-sqlite3'
import type { Contact } from '../domain/types.js'
import { toContact, type ContactRow } from './contacts.js'
import { toRecord, type ConversationRow } from './conversations.js'
import type { SqliteDatabase } from './db.js'
import type { ConversationRecord } from './records.js'
import type { ContactLinkLoader } from './contact-links.js'
import { searchSql, segmentMembersSql, WORD_MATCH_FUNCTION, type SearchTarget } from './search-sql.js'

/**
 * What the store searches by: the domain has already applied Intercom's rules (operator meanings,
 * calendar days, value types), so every comparison here is exact. Fields are Intercom's names
 * (`source.author.email`, `custom_attributes.plan`), mapped to SQL from a whitelist in search-sql.ts.
 */
export type Comparison =
  | '=' | '!=' | 'IN' | 'NIN' | '>' | '>=' | '<' | '<='
  | 'contains' | 'not_contains' | 'starts_with' | 'ends_with'
  /** The text has one of the words (a JSON array of them): `source.body`'s `=`. */
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
  const segmenter = new Intl.Segmenter('en', { granularity: 'word' })
  // A conversation's words for `source.body =`: tags dropped, split as Unicode words (UAX #29, as a
  // search engine's standard tokenizer does), compared without case.
  db.function(WORD_MATCH_FUNCTION, { deterministic: true }, (text: unknown, words: unknown) => {
    if (typeof text !== 'string' || typeof words !== 'string') return null
    const wanted = new Set((JSON.parse(words) as string[]).map(w => w.toLowerCase()))
    for (const segment of segmenter.segment(plainText(text).toLowerCase())) {
      if (segment.isWordLike === true && wanted.has(segment.segment)) return 1
    }
    return 0
  })
  // One statement per shape of query (fields, comparisons, sort), prepared on first use and reused.
  return { db, statements: new Map<string, Statement>() }
}

/** @internal */
export type SearchStatements = ReturnType<typeof prepareSearchStatements>

/** Searches one workspace's conversations and contacts (`POST /conversations/search`, `/contacts/search`). */
export class SearchStore {
  constructor (private readonly q: SearchStatements, private readonly workspaceId: number, private readonly links: ContactLinkLoader) {}

  conversations (criteria: SearchCriteria, limit: number, offset: number): ConversationRecord[] {
    return (this.run('conversations', 'page', criteria, [limit, offset]) as ConversationRow[]).map(toRecord)
  }

  countConversations (criteria: SearchCriteria): number {
    return (this.run('conversations', 'count', criteria, []) as Array<{ n: number }>)[0]?.n ?? 0
  }

  /** Users and leads that are not deleted: visitors are not contacts in 2.x. */
  contacts (criteria: SearchCriteria, limit: number, offset: number): Contact[] {
    return this.links.load((this.run('contacts', 'page', criteria, [limit, offset]) as ContactRow[]).map(toContact))
  }

  /** How many users and leads a segment's criteria match now. */
  countSegmentMembers (where: Criterion): number {
    const sql = segmentMembersSql(where, this.workspaceId, 'count')
    return (this.statement(sql.text).get(...sql.params) as { n: number }).n
  }

  countContacts (criteria: SearchCriteria): number {
    return (this.run('contacts', 'count', criteria, []) as Array<{ n: number }>)[0]?.n ?? 0
  }

  private run (target: SearchTarget, shape: 'page' | 'count', criteria: SearchCriteria, tail: number[]): unknown[] {
    const sql = searchSql(target, shape, criteria, this.workspaceId)
    return this.statement(sql.text).all(...sql.params, ...tail)
  }

  private statement (text: string): Statement {
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

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' }

/** Admins write HTML: its tags are not words, and its entities are the characters they stand for. */
function plainText (html: string): string {
  return html.replace(/<[^>]*>/g, ' ').replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_, name: string) => ENTITIES[name] ?? ' ')
}
