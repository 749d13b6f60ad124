import { MAX_INDEXED_BODY_CHARACTERS } from '../limits.js'
import type { SqliteDatabase } from './db.js'

/**
 * The words of message and part bodies, in SQLite FTS5 tables (`message_words`, `part_words`, keyed by
 * the rowid of the body's row) that triggers keep in step with every insert, update (a redaction) and
 * delete of a body, in the same statement. `source.body =` matches words there instead of reading every
 * body: its cost no longer grows with the bodies searched.
 */

/**
 * The SQL function giving the text a body is indexed by: the triggers call it, so it is the one
 * definition of a body's words. It must be registered on every connection before it writes.
 */
export const PLAIN_TEXT_FUNCTION = 'intercom_plain_text'

/**
 * FTS5's unicode61 tokenizer with case folded but accents kept: letters, digits, private-use characters
 * and combining marks make words; everything else (spaces, punctuation, symbols, emoji) separates them.
 */
export const WORD_TOKENIZER = "unicode61 remove_diacritics 0 categories 'L* N* Co M*'"

/** The characters of one token, as WORD_TOKENIZER splits them. */
export const TOKEN = /[\p{L}\p{N}\p{Co}\p{M}]+/gu

export function registerBodyWordFunctions (db: SqliteDatabase): void {
  db.function(PLAIN_TEXT_FUNCTION, { deterministic: true }, (body: unknown) => typeof body === 'string' ? indexedText(body) : null)
}

const TOKEN_CHARACTER = /[\p{L}\p{N}\p{Co}\p{M}]/u

/** The text whose words are indexed: the body's plain text, cut at a word boundary after MAX_INDEXED_BODY_CHARACTERS. */
export function indexedText (body: string): string {
  const text = plainText(body)
  if (text.length <= MAX_INDEXED_BODY_CHARACTERS) return text
  let end = MAX_INDEXED_BODY_CHARACTERS
  // A word cut in two is dropped, or its first half would be a word the body does not have.
  if (TOKEN_CHARACTER.test(text.charAt(end))) while (end > 0 && TOKEN_CHARACTER.test(text.charAt(end - 1))) end--
  return text.slice(0, end)
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' }

/**
 * Admins write HTML: its tags are not words, and its entities are the characters they stand for.
 * A tag is matched up to the next `<` or `>`, so the pattern stays linear on any input.
 */
export function plainText (html: string): string {
  return html.replace(/<[^<>]*>/g, ' ').replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_, name: string) => ENTITIES[name] ?? ' ')
}

/** The word indexes and the tables whose bodies they index, as migration 9 defers them. */
const DEFERRED_INDEXES = [['message_words', 'messages'], ['part_words', 'conversation_parts']] as const

/**
 * Indexes every body written since the last word search (rows above each index's mark), in one
 * statement per index, and moves the marks: call before any statement that reads the word indexes.
 * Nothing is written when nothing waits.
 */
export function prepareBodyWordCatchUp (db: SqliteDatabase): () => void {
  const indexes = DEFERRED_INDEXES.map(([index, source]) => {
    const mark = `(SELECT indexed_to FROM word_index_marks WHERE name = '${index}')`
    return {
      pending: db.prepare(`SELECT 1 FROM ${source} WHERE rowid > ${mark} LIMIT 1`).pluck(),
      index: db.prepare(`INSERT INTO ${index} (rowid, words) SELECT rowid, ${PLAIN_TEXT_FUNCTION}(body) FROM ${source}
        WHERE rowid > ${mark} AND body IS NOT NULL`),
      advance: db.prepare(`UPDATE word_index_marks SET indexed_to = max(indexed_to, coalesce((SELECT max(rowid) FROM ${source}), 0))
        WHERE name = '${index}'`)
    }
  })
  const catchUp = db.transaction(() => {
    for (const { index, advance } of indexes) {
      index.run()
      advance.run()
    }
  })
  return () => { if (indexes.some(({ pending }) => pending.get() !== undefined)) catchUp() }
}
