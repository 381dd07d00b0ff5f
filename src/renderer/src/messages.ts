// The sentences a receptionist reads when something fails, chosen by where it happened and the error's code.
import type { AppError } from '../../shared/result'

/** What a failed lookup means, in the desk's words (spec §7.3 and §11). */
export function lookupMessage(error: AppError): string {
  switch (error.code) {
    case 'NOT_FOUND':
      // Main says what was searched for, and "cancelled" only when this desk's journal knows it.
      return error.message
    case 'GET_DEFECT':
      return 'The clinic server cannot show this booking (a known OpenVPMS defect), and this desk has no copy of it. It may still exist: check the appointment book in OpenVPMS.'
    case 'VALIDATION':
      // The server's refusal of the form; the desk's own checks (an empty box) say what to do themselves.
      if (error.serverMessage === undefined) return error.message
      return `This is not a valid booking reference. References look like 1234:be08f3c6-1afb-11e6-be41-3dbaef689d97.${serverSays(error)}`
    default:
      return error.message
  }
}

/** What a failed cancel means (spec §7.4). */
export function cancelMessage(error: AppError): string {
  switch (error.code) {
    case 'NOT_FOUND':
      // Main says "cancelled" only when this desk's journal knows it; the server's 404 alone cannot tell.
      return error.message
    case 'NOT_PENDING':
      return 'This booking can no longer be cancelled: it is no longer pending — the patient may already be checked in. Change it in OpenVPMS instead.'
    default:
      return error.message
  }
}

/** What a failed booking means. */
export function bookingMessage(error: AppError): string {
  switch (error.code) {
    case 'CONFLICT':
      // Main says whose booking it probably is: this desk's own unanswered one is never "another booking".
      return `${error.message} Your details are kept: choose another time below, or pick one on the board.`
    case 'OUTCOME_UNKNOWN':
      // Main has already checked whether the time is now busy; its message says what it found and what
      // to do. A generic "may or may not" in front of "it did not go through" would contradict it.
      return error.message
    default:
      return error.message
  }
}

function serverSays(error: AppError): string {
  return error.serverMessage ? ` (The server said: “${error.serverMessage}”.)` : ''
}
