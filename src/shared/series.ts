// A course of appointments (post-op checks, physio, a vaccination course): the same time, schedule, type and
// clinician every N days or weeks, K times or until a date. The dates are worked out in the location's zone, so
// 09:00 stays 09:00 across a daylight-saving change.
import { DateTime } from 'luxon'
import { z } from 'zod'
import type { Range } from './domain'
import { isIsoDate } from './time'

/** Bounds of a course: they keep its checking and sending bounded whatever is typed. */
export const seriesLimits = {
  /** Appointments in one course, the first included. */
  occurrences: 52,
  /** The longest interval between two of them. */
  everyDays: 365,
  everyWeeks: 52,
  /** How far the last may be from the first. */
  spanDays: 2 * 366,
} as const

/** How a booking repeats: every N days or weeks, K times in all (the first included) or until a date. */
export const seriesRuleSchema = z
  .strictObject({
    every: z.number().int().min(1).max(seriesLimits.everyDays),
    unit: z.enum(['day', 'week']),
    /** Appointments in all, the first included. */
    count: z.number().int().min(2).max(seriesLimits.occurrences).optional(),
    /** The last day one may fall on, in the location's zone. */
    until: z.string().refine(isIsoDate, { message: 'Expected a date as yyyy-MM-dd' }).optional(),
  })
  .refine((rule) => (rule.count === undefined) !== (rule.until === undefined), {
    message: 'Say how many times, or until which day — one of the two.',
  })
  .refine((rule) => rule.unit === 'day' || rule.every <= seriesLimits.everyWeeks, {
    message: `Repeat at most every ${seriesLimits.everyWeeks} weeks.`,
  })

/** A repeat rule. */
export type SeriesRule = Readonly<z.infer<typeof seriesRuleSchema>>

/**
 * The course's appointments: the first at `first`, then one every interval at the same wall-clock time, each as
 * long as the first. Throws RangeError for a course past the limits (more than 52, or over two years).
 */
export function occurrencesOf(first: Range, rule: SeriesRule, zone: string): Range[] {
  const start = DateTime.fromMillis(first.start, { zone })
  const length = first.end - first.start
  const last = rule.until === undefined ? null : DateTime.fromISO(rule.until, { zone }).endOf('day')
  const occurrences: Range[] = []
  for (let index = 0; ; index++) {
    if (rule.count !== undefined && index >= rule.count) break
    const at = start.plus(
      rule.unit === 'day' ? { days: index * rule.every } : { weeks: index * rule.every },
    )
    if (last && at > last) break
    if (occurrences.length >= seriesLimits.occurrences)
      throw new RangeError(`A course has at most ${seriesLimits.occurrences} appointments.`)
    if (at.diff(start, 'days').days > seriesLimits.spanDays)
      throw new RangeError('A course can span at most two years.')
    occurrences.push({ start: at.toMillis(), end: at.toMillis() + length })
  }
  return occurrences
}
