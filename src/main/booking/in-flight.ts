// One booking of a time at a time from this desk (spec §7.1: the server's overlap check is not locked, so two POSTs
// for the same time can both succeed).
import type { BookingDraft } from '../../shared/domain'
import { AppFailure } from '../../shared/result'

/** Same schedule and overlapping times, or the same customer and patient at the same start. */
export function clashes(a: BookingDraft, b: BookingDraft): boolean {
  if (a.scheduleId === b.scheduleId && a.start < b.end && b.start < a.end) return true
  const who = (d: BookingDraft): string =>
    [d.firstName, d.lastName, d.patientName].map((x) => x.toLocaleLowerCase()).join('\u0000')
  return a.start === b.start && who(a) === who(b)
}

export function inProgress(sending: BookingDraft, draft: BookingDraft): AppFailure {
  const same = sending.scheduleId === draft.scheduleId && sending.start === draft.start
  return new AppFailure({
    code: 'IN_PROGRESS',
    message: same
      ? 'This booking is already being sent: wait for its answer before sending it again.'
      : 'A booking at this time is already being sent from this desk: wait for its answer before booking again.',
  })
}
