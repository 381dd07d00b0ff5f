// What the shared time helpers work out once per zone or per day and ask for again on every row the board names:
// kept for a bounded number of keys, so a long search walking many days cannot grow it without end (once full it
// starts again, which costs only the working out).

/** Values made from a string key, each made once while kept; at most `limit` kept at a time. */
export class BoundedMemo<T> {
  readonly #kept = new Map<string, T>()

  constructor(readonly limit: number) {}

  /** How many values are kept now. */
  get size(): number {
    return this.#kept.size
  }

  /** The value kept for `key`, or the one `make` gives (then kept). */
  get(key: string, make: () => T): T {
    if (this.#kept.has(key)) return this.#kept.get(key) as T
    const value = make()
    if (this.#kept.size >= this.limit) this.#kept.clear()
    this.#kept.set(key, value)
    return value
  }
}
