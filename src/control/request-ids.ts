import type { IncomingMessage } from 'node:http'
import { newRequestId, seededUuidSource } from '../domain/ids.js'
import { accessToken } from '../http/workspace.js'
import type { Workspaces } from './workspaces.js'

/**
 * Request ids (`X-Request-Id`, `request_id`): a workspace's requests get ids derived from its seed and a
 * count of its requests, so two fresh workspaces answering the same requests give the same ids.
 * Control calls and requests without a token get random ones. The counts live in memory: they start
 * again when the process does, and when the token's workspace is reset or dropped.
 */
export class RequestIds {
  private readonly counters = new Map<string, { idOf: (n: number) => string, n: number }>()

  constructor (private readonly workspaces: Workspaces) {}

  /** Fastify's `genReqId`. */
  next (req: IncomingMessage): string {
    if (req.url?.startsWith('/__mock/') === true) return newRequestId()
    const token = accessToken(req.headers.authorization)
    if (token === null) return newRequestId()
    let counter = this.counters.get(token)
    if (counter === undefined) {
      try {
        counter = { idOf: seededUuidSource(this.workspaces.seedOf(token), 'request'), n: 0 }
      } catch {
        return newRequestId() // the database is gone; the request fails with its own error
      }
      this.counters.set(token, counter)
    }
    counter.n += 1
    return counter.idOf(counter.n)
  }

  forget (token: string): void {
    this.counters.delete(token)
  }

  forgetAll (): void {
    this.counters.clear()
  }
}
