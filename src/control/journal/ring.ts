/** A fixed-capacity buffer that overwrites its oldest item: the journal's memory bound. */
export class Ring<T> {
  private readonly items: Array<T | undefined>
  private next = 0
  private size = 0

  constructor (readonly capacity: number) {
    this.items = new Array<T | undefined>(capacity)
  }

  /** Adds `item`; answers the oldest one it overwrote, if any. */
  push (item: T): T | undefined {
    if (this.capacity === 0) return item
    const overwritten = this.items[this.next]
    this.items[this.next] = item
    this.next = (this.next + 1) % this.capacity
    this.size = Math.min(this.size + 1, this.capacity)
    return overwritten
  }

  /** Newest first. */
  * newestFirst (): Generator<T> {
    for (let i = 1; i <= this.size; i++) {
      yield this.items[(this.next - i + this.capacity) % this.capacity] as T
    }
  }

  get length (): number {
    return this.size
  }

  clear (): void {
    this.items.fill(undefined)
    this.next = 0
    this.size = 0
  }
}
