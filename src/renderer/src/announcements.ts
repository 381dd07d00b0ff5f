// The sentences the live regions say (stores/announcer.ts): outcomes a receptionist who cannot see the screen must
// hear, in the words the screen shows.
import { DateTime } from 'luxon'
import { BoundedMemo } from '../../shared/bounded-memo'
import type { IsoDate } from '../../shared/domain'
import { groupReference } from '../../shared/confirmation-text'

/** Every column names its day in its label: said once per day, not once per column. */
const spokenDays = new BoundedMemo<string>(64)

/** `Thursday 3 December` — a day as it is said. */
export function spokenDay(date: IsoDate): string {
  return spokenDays.get(date, () => DateTime.fromISO(date, { zone: 'UTC' }).toFormat('cccc d LLLL'))
}

/** "Thursday 3 December, Main Clinic, 14 free times" (a day just shown on the board). */
export function daySentence(date: IsoDate, location: string, freeTimes: number): string {
  return `${spokenDay(date)}, ${location}, ${freePhrase(freeTimes)}`
}

const freePhrase = (count: number): string =>
  count === 0 ? 'no free times' : count === 1 ? '1 free time' : `${count} free times`

/** "Main Surgery Schedule, 2 of 3, 6 free times" (the schedule a narrow board switched to). */
export function scheduleSentence(
  name: string,
  position: number,
  count: number,
  freeTimes: number,
): string {
  return `${name}, ${position} of ${count}, ${freePhrase(freeTimes)}`
}

/** A booking made, with its reference read out in groups so it can be repeated to the caller. */
export function bookedSentence(what: string, reference: string): string {
  return `Booked: ${what}. Reference ${groupReference(reference)}. Copy reference is focused.`
}

/** The fields to correct, by their labels, after the desk's own checks refused the form. */
export function correctSentence(problems: readonly string[]): string {
  const count = problems.length === 1 ? '1 field needs' : `${problems.length} fields need`
  // One sentence said once, even when it stands beside several fields (mobile, phone and email).
  return `Not sent: ${count} correcting. ${[...new Set(problems)].join(' ')}`
}
