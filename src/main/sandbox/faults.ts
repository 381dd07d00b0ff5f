// Fault injection: make the sandbox misbehave the way real networks and servers do, a set number of times.

/** The kinds of misbehaviour the sandbox can be told to show. */
export type FaultKind =
  | 'html500'
  | 'status'
  | 'malformedJson'
  | 'cutShort'
  | 'reset'
  | 'hang'
  | 'unauthorized'
  | 'latency'

/** One fault: fires on matching requests `times` times (default 1), then is gone. */
export interface Fault {
  kind: FaultKind
  /** HTTP method to match (any when absent). */
  method?: string
  /** The path after the base URL, e.g. `/schedules/136/freebusy`: exact string or a RegExp (any when absent). */
  path?: RegExp | string
  times?: number
  /** Matching requests let through untouched before the fault fires (e.g. 2: the third POST fails). */
  after?: number
  /** `latency`: extra milliseconds. */
  ms?: number
  /** `status`: the HTTP status of the container page sent instead of the answer (e.g. 500, 503, 524). */
  status?: number
  /**
   * `reset`, `hang` and `status`: handle the request first (a POST books, a DELETE cancels), then lose the answer
   * (or send `status` instead) — the case where a client cannot know that its request took effect.
   */
  afterHandling?: boolean
  /**
   * `hang`: handle the request this many milliseconds after it arrived, while no answer is ever sent — a server
   * that commits after the client has given up waiting.
   */
  handleAfterMs?: number
}

interface Armed {
  fault: Fault
  remaining: number
  skip: number
}

/** What the faults decided for one request. */
export interface FaultDecision {
  /** The first matching fault other than latency, if any. */
  fault: Fault | null
  /** Sum of matching latency faults, in milliseconds. */
  extraDelayMs: number
}

/** The armed faults; each request consumes what matches it. */
export class FaultQueue {
  private armed: Armed[] = []

  inject(fault: Fault): void {
    this.armed.push({ fault, remaining: fault.times ?? 1, skip: fault.after ?? 0 })
  }

  clear(): void {
    this.armed = []
  }

  /** Consumes the faults that match a request. */
  take(method: string, path: string): FaultDecision {
    let fault: Fault | null = null
    let extraDelayMs = 0
    for (const entry of this.armed) {
      if (entry.remaining <= 0 || !matches(entry.fault, method, path)) continue
      if (entry.skip > 0) {
        entry.skip--
        continue
      }
      if (entry.fault.kind === 'latency') {
        extraDelayMs += entry.fault.ms ?? 0
        entry.remaining--
      } else if (!fault) {
        fault = entry.fault
        entry.remaining--
      }
    }
    this.armed = this.armed.filter((entry) => entry.remaining > 0)
    return { fault, extraDelayMs }
  }
}

function matches(fault: Fault, method: string, path: string): boolean {
  if (fault.method && fault.method.toUpperCase() !== method.toUpperCase()) return false
  if (fault.path === undefined) return true
  if (typeof fault.path === 'string') return fault.path === path
  fault.path.lastIndex = 0
  return fault.path.test(path)
}
