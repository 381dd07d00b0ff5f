// Asking again, with growing pauses, while the server cannot be reached: the desk recovers by itself when it answers.

/** What one attempt found: the server still unreachable, or done (it answered, or asking again cannot help). */
export type AttemptOutcome = 'unreachable' | 'done'

/** The pauses between attempts by default: quick at first, then every 30 s (the board's own refresh rate). */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [
  1_000, 2_000, 4_000, 8_000, 15_000, 30_000,
]

/**
 * Runs `attempt` after each pause in turn (the last one repeating) until it is done. One loop at a time: starting
 * a running loop does nothing. `stop` cancels the pause pending; an attempt under way finishes but starts no other.
 */
export class Reconnect {
  readonly #attempt: () => Promise<AttemptOutcome>
  readonly #delays: readonly number[]
  #timer: NodeJS.Timeout | null = null
  #running = false
  #run = 0

  constructor(attempt: () => Promise<AttemptOutcome>, delays: readonly number[]) {
    this.#attempt = attempt
    this.#delays = delays.length > 0 ? delays : DEFAULT_RETRY_DELAYS_MS
  }

  /** True while a loop is waiting or trying. */
  get running(): boolean {
    return this.#running
  }

  start(): void {
    if (this.#running) return
    this.#running = true
    this.#next(this.#run, 0)
  }

  stop(): void {
    this.#run++
    this.#running = false
    if (this.#timer) clearTimeout(this.#timer)
    this.#timer = null
  }

  #next(run: number, tries: number): void {
    const delay = this.#delays[Math.min(tries, this.#delays.length - 1)] ?? 30_000
    this.#timer = setTimeout(() => {
      this.#timer = null
      void this.#attempt()
        .catch((): AttemptOutcome => 'done')
        .then((outcome) => {
          if (run !== this.#run) return
          if (outcome === 'unreachable') this.#next(run, tries + 1)
          else this.#running = false
        })
    }, delay)
  }
}
