import { EventEmitter } from 'node:events'
import type { UnixSeconds } from '../domain/types.js'

export type ClockListener = (now: UnixSeconds) => void
export type DroppedListener = (workspaceId: number) => void

/**
 * What the control plane tells the rest of the mock: a workspace's clock moved (set, frozen, advanced
 * or made real again), or a workspace was dropped (reset gives its token a new workspace; its
 * internal id is never used again), so that per-workspace timers and memory can follow.
 */
export class ControlEvents {
  private readonly emitter = new EventEmitter()

  constructor () {
    this.emitter.setMaxListeners(0)
  }

  /** Calls `listener` with the workspace's new time whenever its clock is changed. Answers the unsubscribe. */
  onClockChange (workspaceId: number, listener: ClockListener): () => void {
    const event = `clock:${workspaceId}`
    this.emitter.on(event, listener)
    return () => { this.emitter.off(event, listener) }
  }

  /** Calls `listener` whenever any workspace's clock is changed. Answers the unsubscribe. */
  onAnyClockChange (listener: (workspaceId: number, now: UnixSeconds) => void): () => void {
    this.emitter.on('clock', listener)
    return () => { this.emitter.off('clock', listener) }
  }

  onWorkspaceDropped (listener: DroppedListener): () => void {
    this.emitter.on('dropped', listener)
    return () => { this.emitter.off('dropped', listener) }
  }

  clockChanged (workspaceId: number, now: UnixSeconds): void {
    this.emitter.emit(`clock:${workspaceId}`, now)
    this.emitter.emit('clock', workspaceId, now)
  }

  workspaceDropped (workspaceId: number): void {
    this.emitter.emit('dropped', workspaceId)
    this.emitter.removeAllListeners(`clock:${workspaceId}`)
  }
}
