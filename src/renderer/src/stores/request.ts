// The one way a store calls main: run a request, keep only the latest answer, and expose its status and error.
import { ref, type Ref } from 'vue'
import { retryHelps, type AppError, type Result } from '../../../shared/result'

/** The explicit async state every store exposes. */
export type Status = 'idle' | 'loading' | 'ready' | 'error'

/** An error as the renderer shows it: the AppError, and whether a "Try again" can help. */
export interface DeskError extends AppError {
  readonly retryable: boolean
}

/** What the renderer shows when a call could not be made at all (the preload or main is broken). */
export const unreachable = (cause: unknown): AppError => ({
  code: 'UNEXPECTED',
  message: `The desk could not reach its main process: ${cause instanceof Error ? cause.message : String(cause)}`,
})

/** One kind of request a store makes (loading the day, booking, …). */
export interface Request {
  readonly status: Ref<Status>
  readonly error: Ref<DeskError | null>
  /**
   * Calls main and, when this is still the latest run, hands the data to `apply` (awaited: it may start further
   * runs, which then own the status). An older run's answer is dropped: the user moved on faster than the network.
   * `quiet` keeps the status and error shown while it runs (a background refresh). True when the data was applied.
   */
  run<T>(
    call: () => Promise<Result<T>>,
    apply: (data: T) => void | Promise<void>,
    options?: { readonly quiet?: boolean },
  ): Promise<boolean>
  /** Ends in this error (a check made before calling); answers still on their way are dropped. */
  fail(error: AppError): void
  /** Ends ready, answered by other means (an event from main); answers still on their way are dropped. */
  done(): void
  /** Back to idle with no error; answers still on their way are dropped. */
  reset(): void
}

/** A request with its own status, error and latest-answer guard. */
export function useRequest(): Request {
  const status = ref<Status>('idle')
  const error = ref<DeskError | null>(null)
  let latest = 0

  function fail(failure: AppError): void {
    latest++
    error.value = { ...failure, retryable: retryHelps(failure.code) }
    status.value = 'error'
  }

  function done(): void {
    latest++
    error.value = null
    status.value = 'ready'
  }

  function reset(): void {
    latest++
    error.value = null
    status.value = 'idle'
  }

  async function run<T>(
    call: () => Promise<Result<T>>,
    apply: (data: T) => void | Promise<void>,
    options: { readonly quiet?: boolean } = {},
  ): Promise<boolean> {
    const id = ++latest
    if (!options.quiet) {
      status.value = 'loading'
      error.value = null
    }
    let result: Result<T>
    try {
      result = await call()
    } catch (cause) {
      result = { ok: false, error: unreachable(cause) }
    }
    if (id !== latest) return false
    if (!result.ok) {
      fail(result.error)
      return false
    }
    await apply(result.data)
    if (id !== latest) return false
    error.value = null
    status.value = 'ready'
    return true
  }

  return { status, error, run, fail, done, reset }
}
