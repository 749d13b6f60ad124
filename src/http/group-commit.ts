import type { FastifyInstance } from 'fastify'
import type { Store } from '../store/index.js'

/**
 * Writes of one event-loop turn share one commit (store/group-commit.ts); no answer leaves before the
 * writes it may report are committed, so an acknowledged write survives a crash of the process. A
 * failed commit answers every request of its batch with the error instead (500 server_error).
 */
export function answerAfterCommit (app: FastifyInstance, store: Store): void {
  store.groupCommits()
  app.addHook('onSend', (_request, _reply, payload, done) => {
    const settled = store.settled()
    if (settled === null) {
      done(null, payload)
      return
    }
    settled.then(() => { done(null, payload) }, (error: unknown) => { done(error as Error) })
  })
}
