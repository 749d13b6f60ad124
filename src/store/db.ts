import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { registerBodyWordFunctions } from './body-words.js'
import { migrations } from './migrations/index.js'

export type SqliteDatabase = Database.Database

/**
 * Opens (creating if needed) the database at `path` (`:memory:` for a private in-memory one),
 * sets the pragmas the store relies on, and brings the schema up to date.
 */
export function openDatabase (path: string): SqliteDatabase {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const db = new Database(path)
  // WAL lets readers (a sqlite3 shell, a second process) work beside the server. A commit is in the
  // operating system's hands once its WAL frames are written, so it survives a crash of the process
  // (kill -9), the promise of a test dependency; OFF skips the fsyncs that NORMAL still makes at every
  // checkpoint, which stalled the event loop (measured in the README's Performance section). A crash
  // of the operating system itself may lose or damage the file, which holds test data only.
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = OFF')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  // SQLite's own default page cache (2 MB) instead of better-sqlite3's 16 MB: scans of a large file
  // database filled the 16 MB, resident for the life of the process; the operating system caches the
  // file anyway. At 100k conversations and contacts no load's CPU a request moved.
  db.pragma('cache_size = -2000')
  // Group commit gives each request a savepoint, which copies every page it first touches to a
  // sub-journal; a message touches some twenty, past the 64 KiB at which SQLite spills a sub-journal to
  // a temporary file unless temporary storage is in memory (a message's SQL 98 -> 73 µs in process).
  db.pragma('temp_store = MEMORY')
  registerBodyWordFunctions(db)
  migrate(db)
  return db
}

export function schemaVersion (db: SqliteDatabase): number {
  return db.pragma('user_version', { simple: true }) as number
}

function migrate (db: SqliteDatabase): void {
  const current = schemaVersion(db)
  const latest = migrations.at(-1)?.version ?? 0
  if (current > latest) {
    throw new Error(`The database was written by a newer intercom-mock (schema version ${current}; this one knows up to ${latest}). Use a newer intercom-mock or another INTERCOM_MOCK_DB.`)
  }
  for (const migration of migrations) {
    if (migration.version <= current) continue
    db.transaction(() => {
      db.exec(migration.up)
      db.pragma(`user_version = ${migration.version}`)
    })()
  }
}
