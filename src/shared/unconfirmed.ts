// A booking this desk sent that got no usable answer may still have been saved (spec §7.1): when its time shows busy,
// the busy block is probably that very booking. Main marks the journal entry; the board marks the block.
import type { JournalEntry, Range } from './domain'
import { overlaps } from './intervals'

/** What the board and the journal call such a block or entry. */
export const UNCONFIRMED_LABEL = 'Probably this desk’s booking (unconfirmed)'

/**
 * Sent and settled without a usable answer. An entry still being sent is `unknown` too, but has no message yet:
 * its time showing busy says nothing until its answer is in.
 */
export const isUnanswered = (entry: JournalEntry): boolean =>
  entry.outcome === 'unknown' && entry.message !== null

/** This desk's unanswered bookings on a schedule whose time overlaps the schedule's busy time. */
export function probablyOwn(
  entries: readonly JournalEntry[],
  where: { readonly locationId: number; readonly scheduleId: number },
  busy: readonly Range[],
): JournalEntry[] {
  return entries.filter(
    (entry) =>
      isUnanswered(entry) &&
      entry.draft.locationId === where.locationId &&
      entry.draft.scheduleId === where.scheduleId &&
      busy.some((range) => overlaps(range, entry.draft)),
  )
}
