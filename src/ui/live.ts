import { EventEmitter } from 'node:events'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'

export type LiveKind = 'request' | 'control' | 'delivery' | 'clock'

/**
 * What the UI's Server-Sent Events streams tell browsers: something of a workspace changed (an API
 * request reached it, a control call changed it, a webhook attempt ended). Workspaces are named by
 * token, so a stream outlives the resets of its workspace.
 */
export class LiveUpdates {
  private readonly emitter = new EventEmitter()
  private readonly streams = new Set<FastifyReply>()

  constructor () {
    this.emitter.setMaxListeners(0)
  }

  changed (token: string, kind: LiveKind): void {
    this.emitter.emit('change', token, kind)
  }

  /** A change of every workspace (a server-wide reset). */
  changedAll (kind: LiveKind): void {
    this.emitter.emit('change', null, kind)
  }

  /** Streams `token`'s changes to `reply` as `change` events until the browser goes away or the server closes. */
  stream (request: FastifyRequest, reply: FastifyReply, token: string): void {
    reply.hijack()
    const raw = reply.raw
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      'x-request-id': request.id,
      connection: 'keep-alive'
    })
    // `retry`: how soon EventSource reconnects after the mock restarts.
    raw.write('retry: 1000\nevent: ready\ndata: {}\n\n')
    const listener = (changed: string | null, kind: LiveKind): void => {
      if (changed === null || changed === token) raw.write(`event: change\ndata: ${JSON.stringify({ kind })}\n\n`)
    }
    const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), 15_000)
    this.emitter.on('change', listener)
    this.streams.add(reply)
    raw.once('close', () => {
      clearInterval(heartbeat)
      this.emitter.off('change', listener)
      this.streams.delete(reply)
    })
  }

  /** Ends every stream, so that closing the server does not wait for browsers. */
  closeAll (): void {
    for (const reply of this.streams) reply.raw.end()
  }
}

/**
 * Root hooks that tell `live` what each answered request changed: an API request its workspace (its
 * journal at least), a control call that is not a read its token's workspace. The UI's own calls
 * are left out: they read, or act through requests of their own that these hooks see.
 */
export function addLiveHooks (app: FastifyInstance, live: LiveUpdates): void {
  const changedBy = (request: FastifyRequest): void => {
    const ctx = request.ctx as typeof request.ctx | undefined
    if (!request.url.startsWith('/__mock')) {
      if (ctx !== undefined) live.changed(ctx.workspace.token, 'request')
      return
    }
    if (request.method === 'GET' || request.url.startsWith('/__mock/ui')) return
    const token = (request.controlToken as string | null | undefined) ?? ctx?.workspace.token ?? null
    if (token !== null) live.changed(token, 'control')
    else if (request.url.startsWith('/__mock/reset')) live.changedAll('control')
  }
  app.addHook('onResponse', (request, _reply, done) => {
    changedBy(request)
    done()
  })
  app.addHook('preClose', async () => { live.closeAll() })
}
