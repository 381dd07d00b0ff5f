// What the lookup sends as a reference, and how a refusal of it is marked for the lookup box (spec §7.3).
import { normaliseReference } from '../../shared/booking-reference'
import { AppFailure, type AppError } from '../../shared/result'

/** The reference to send: normalised (spaces, case, the older three-part form), never empty. */
export function checkReference(input: string): string {
  const reference = normaliseReference(input)
  if (reference === '') {
    const message = 'Type or paste a booking reference.'
    throw new AppFailure({
      code: 'VALIDATION',
      message,
      fieldErrors: [{ field: 'reference', message }],
    })
  }
  return reference
}

/** True when `thrown` is an AppFailure with this code. */
export function isCode(thrown: unknown, code: AppError['code']): thrown is AppFailure {
  return thrown instanceof AppFailure && thrown.error.code === code
}

// spec §7.3: `Invalid booking reference` is a 400; mark the field so the lookup box shows it.
export function withReferenceField(thrown: unknown): unknown {
  if (!isCode(thrown, 'VALIDATION') || thrown.error.fieldErrors?.length) return thrown
  return new AppFailure({
    ...thrown.error,
    fieldErrors: [{ field: 'reference', message: thrown.error.message }],
  })
}
