import type { AppError } from '../../../shared/result'

/** The explicit async state every store exposes. */
export type Status = 'idle' | 'loading' | 'ready' | 'error'

/** What the renderer shows when a call could not be made at all (the preload or main is broken). */
export const unreachable = (cause: unknown): AppError => ({
  code: 'UNEXPECTED',
  message: `The desk could not reach its main process: ${cause instanceof Error ? cause.message : String(cause)}`,
})
