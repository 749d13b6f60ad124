import { PLAIN_TEXT_FUNCTION } from '../body-words.js'

/**
 * Body words indexed when a search first needs them instead of as each body is written. FTS5 flushes
 * its pending words at every savepoint, and group commit gives each request one: indexing a message as
 * it was written cost about as much as writing the message. `word_index_marks` holds, per index, the
 * highest rowid of its source whose body is indexed; rows above it are indexed in one statement before
 * the next word search (store/body-words.ts `catchUpBodyWords`). Rows at or below it are kept in step
 * by the triggers as before: a rewritten or deleted body, and a new row on a reused rowid.
 */
const deferred = (source: string, index: string): string => {
  const indexed = (row: 'new' | 'old') => `${row}.rowid <= (SELECT indexed_to FROM word_index_marks WHERE name = '${index}')`
  return `
INSERT INTO word_index_marks (name, indexed_to) VALUES ('${index}', coalesce((SELECT max(rowid) FROM ${source}), 0));
DROP TRIGGER ${index}_insert;
DROP TRIGGER ${index}_update;
DROP TRIGGER ${index}_delete;
CREATE TRIGGER ${index}_insert AFTER INSERT ON ${source} WHEN new.body IS NOT NULL AND ${indexed('new')} BEGIN
  INSERT INTO ${index} (rowid, words) VALUES (new.rowid, ${PLAIN_TEXT_FUNCTION}(new.body));
END;
CREATE TRIGGER ${index}_update AFTER UPDATE OF body ON ${source} WHEN ${indexed('old')} BEGIN
  DELETE FROM ${index} WHERE rowid = old.rowid;
  INSERT INTO ${index} (rowid, words) SELECT new.rowid, ${PLAIN_TEXT_FUNCTION}(new.body) WHERE new.body IS NOT NULL;
END;
CREATE TRIGGER ${index}_delete AFTER DELETE ON ${source} WHEN ${indexed('old')} BEGIN
  DELETE FROM ${index} WHERE rowid = old.rowid;
END;
`
}

export const up = `
CREATE TABLE word_index_marks (name TEXT PRIMARY KEY, indexed_to INTEGER NOT NULL) STRICT;
${deferred('messages', 'message_words')}
${deferred('conversation_parts', 'part_words')}
`
