import type { SqliteDatabase } from './db.js'

/**
 * Group commit: the write transactions of every request handled in one event-loop turn share one
 * SQLite transaction, committed once at the end of the turn (setImmediate), so N concurrent writes
 * cost one COMMIT and one WAL append instead of N. Each transaction runs in a savepoint of its own
 * inside it (better-sqlite3 nests `db.transaction` as a savepoint when one is open), so a failing one
 * rolls back only its own writes. Nothing written is durable before that COMMIT: whoever answers a
 * client waits on `settled()` first (http: the onSend hook), which keeps the acknowledgement
 * guarantee of a transaction per request — an acknowledged write survives a kill -9.
 */
export interface GroupCommit {
  /** Runs `fn` as a savepoint of the turn's batch, opening the batch (BEGIN IMMEDIATE) if none is. */
  run: <T>(fn: () => T) => T
  /** Resolves once everything written so far is committed (rejects if that commit failed); null when no transaction waits to commit. */
  settled: () => Promise<void> | null
  /** Runs `fn` once everything written so far is committed (or rolled back, when the commit failed): at once when nothing waits. */
  afterCommit: (fn: () => void) => void
  /** Commits the open batch now (before closing the database). */
  flush: () => void
  /** The batch whose transaction (and so SQLite's write lock) is open now, or null. */
  openBatch: () => object | null
}

interface Batch {
  done: Promise<void>
  resolve: () => void
  reject: (error: unknown) => void
  after: Array<() => void>
}

/** `onRollback` hears of a batch that failed to commit (caches that saw its writes drop them). */
export function groupCommit (db: SqliteDatabase, onRollback: () => void = () => {}): GroupCommit {
  const begin = db.prepare('BEGIN IMMEDIATE')
  const commit = db.prepare('COMMIT')
  const rollback = db.prepare('ROLLBACK')
  const nested = db.transaction((fn: () => unknown) => fn())
  let open: Batch | null = null

  const finish = (batch: Batch): void => {
    if (open !== batch) return
    open = null
    try {
      // SQLite itself rolls a whole transaction back on a few errors (SQLITE_FULL, an I/O error): then
      // the batch is gone, and none of its requests may be acknowledged.
      if (!db.inTransaction) throw new Error('the group transaction was rolled back by SQLite before its commit')
      commit.run()
    } catch (error) {
      if (db.inTransaction) rollback.run()
      onRollback()
      batch.reject(error)
    }
    batch.resolve() // no-op once rejected
    for (const fn of batch.after) fn()
  }

  const start = (): Batch => {
    begin.run()
    let resolve = (): void => {}
    let reject: (error: unknown) => void = () => {}
    const done = new Promise<void>((res, rej) => { resolve = res; reject = rej })
    done.catch(() => {}) // a batch no request waited on must not crash the process when its commit fails
    const batch: Batch = { done, resolve, reject, after: [] }
    open = batch
    setImmediate(() => { finish(batch) })
    return batch
  }

  return {
    run: <T>(fn: () => T): T => {
      if (open !== null && !db.inTransaction) finish(open) // rolled back under us: fail it, start afresh
      if (open === null && !db.inTransaction) start()
      return nested(fn) as T
    },
    // Only a transaction opens a batch, so with none open nothing written waits (reads, requests refused
    // before their first write). A request in a turn that opened one waits for its commit even if it wrote
    // nothing itself: it may have read what the batch wrote.
    settled: () => (open === null ? null : open.done),
    afterCommit: (fn) => {
      if (open === null) fn()
      else open.after.push(fn)
    },
    flush: () => { if (open !== null) finish(open) },
    openBatch: () => (open !== null && db.inTransaction ? open : null)
  }
}
