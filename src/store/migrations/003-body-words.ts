import { PLAIN_TEXT_FUNCTION, WORD_TOKENIZER } from '../body-words.js'

/**
 * Full-text indexes of message and part bodies (see store/body-words.ts). Contentless: they hold the
 * words, not a second copy of the bodies. Triggers index each body as it is written, re-index it when it
 * changes and drop it with its row (cascades included), so the index can never disagree with the table.
 */
const table = (name: string): string =>
  `CREATE VIRTUAL TABLE ${name} USING fts5(words, content='', contentless_delete=1, tokenize="${WORD_TOKENIZER}");`

const triggers = (source: string, index: string): string => `
CREATE TRIGGER ${index}_insert AFTER INSERT ON ${source} WHEN new.body IS NOT NULL BEGIN
  INSERT INTO ${index} (rowid, words) VALUES (new.rowid, ${PLAIN_TEXT_FUNCTION}(new.body));
END;
CREATE TRIGGER ${index}_update AFTER UPDATE OF body ON ${source} BEGIN
  DELETE FROM ${index} WHERE rowid = old.rowid;
  INSERT INTO ${index} (rowid, words) SELECT new.rowid, ${PLAIN_TEXT_FUNCTION}(new.body) WHERE new.body IS NOT NULL;
END;
CREATE TRIGGER ${index}_delete AFTER DELETE ON ${source} BEGIN
  DELETE FROM ${index} WHERE rowid = old.rowid;
END;
INSERT INTO ${index} (rowid, words) SELECT rowid, ${PLAIN_TEXT_FUNCTION}(body) FROM ${source} WHERE body IS NOT NULL;
`

export const up = `
${table('message_words')}
${table('part_words')}
${triggers('messages', 'message_words')}
${triggers('conversation_parts', 'part_words')}
`
