// The waitlist, written once: what an entry holds (who, what, with whom, where, when), its limits, the parts of the
// day it speaks of, and what the desk says when a time that fits it opens. Main stores and watches entries; the
// renderer edits them and shows the matches.
import { z } from 'zod'
import type { Instant, SlotSuggestion } from './domain'
import type { DayWindow } from './ipc-contract'
import { boundedText } from './booking-draft'
import { daysBetween, isIsoDate, isSaneDate, SANE_DATES_MESSAGE } from './time'

/** The parts of the day a caller speaks of. */
export const partOfDayNames = ['morning', 'afternoon', 'evening'] as const
export type PartOfDay = (typeof partOfDayNames)[number]

/** The hours each part of the day means (starts in [from, to)): morning before 12:00, afternoon to 17:00, evening after. */
export const partsOfDay: Readonly<Record<PartOfDay, DayWindow>> = {
  morning: { from: 0, to: 12 * 60 },
  afternoon: { from: 12 * 60, to: 17 * 60 },
  evening: { from: 17 * 60, to: 24 * 60 },
}

/** How much the waitlist holds: it stays a short list a desk can read, and every scan stays bounded. */
export const waitlistLimits = {
  /** Entries kept, waiting and done together. */
  entries: 200,
  /** Characters of the note. */
  note: 500,
  /** Days one entry's window may span (the scan asks for at most the union of the windows). */
  days: 90,
} as const

const id = z.number().int().positive()
const isoDate = z.string().superRefine((value, context) => {
  if (!isIsoDate(value))
    context.addIssue({ code: 'custom', message: 'Expected a date as yyyy-MM-dd' })
  else if (!isSaneDate(value)) context.addIssue({ code: 'custom', message: SANE_DATES_MESSAGE })
})

/** Who is waiting: the booking form's customer fields and the patient. */
export const waitlistCustomerSchema = z.strictObject({
  title: boundedText(),
  firstName: boundedText(),
  lastName: boundedText(),
  mobile: boundedText(),
  phone: boundedText(),
  email: boundedText(),
  patientName: boundedText(),
})
export type WaitlistCustomer = Readonly<z.infer<typeof waitlistCustomerSchema>>

/** What the receptionist fills in for an entry (add and edit). */
export const waitlistRequestSchema = z
  .strictObject({
    customer: waitlistCustomerSchema,
    appointmentTypeId: id,
    /** null = any clinician. */
    clinicianId: id.nullable(),
    /** null = any location that takes online bookings. */
    locationId: id.nullable(),
    /** First and last day that would do (inclusive, in the location's zone). */
    fromDate: isoDate,
    toDate: isoDate,
    /** At least one part of the day; all three = any time. */
    parts: z
      .array(z.enum(partOfDayNames))
      .min(1, { message: 'Choose at least one part of the day.' })
      .max(3)
      .readonly(),
    /** ISO weekdays (1 = Monday … 7 = Sunday); empty = any day. */
    weekdays: z.array(z.number().int().min(1).max(7)).max(7).readonly(),
    note: boundedText(waitlistLimits.note),
  })
  .superRefine((entry, context) => {
    if (!isSaneDate(entry.fromDate) || !isSaneDate(entry.toDate)) return
    const days = daysBetween(entry.fromDate, entry.toDate) + 1
    if (days < 1)
      context.addIssue({
        code: 'custom',
        path: ['toDate'],
        message: 'The last day must be on or after the first.',
      })
    else if (days > waitlistLimits.days)
      context.addIssue({
        code: 'custom',
        path: ['toDate'],
        message: `A waitlist entry covers at most ${waitlistLimits.days} days.`,
      })
  })
export type WaitlistRequest = Readonly<z.infer<typeof waitlistRequestSchema>>

/** The names an entry is read out by, as the desk knew them when it was saved. */
export interface WaitlistLabels {
  readonly appointmentType: string
  /** null = any clinician. */
  readonly clinician: string | null
  /** null = any location. */
  readonly location: string | null
  /** The zone its days are counted in (the location's, or the first location's for "any"). */
  readonly timeZone: string
}

/** One waitlist entry. */
export interface WaitlistEntry extends WaitlistRequest {
  readonly id: string
  readonly createdAt: Instant
  readonly labels: WaitlistLabels
  /** 'done': booked from the waitlist (kept, marked, until its window closes). */
  readonly status: 'waiting' | 'done'
  /** The booking that settled it. */
  readonly doneReference: string | null
}

/** A time that opened for an entry: what the banner and the operating-system notification say. */
export interface WaitlistMatch {
  readonly entryId: string
  readonly customer: WaitlistCustomer
  readonly labels: WaitlistLabels
  /** The earliest new time that fits, bookable as it stands. */
  readonly opening: SlotSuggestion
  /** Other new times that fit, found in the same look. */
  readonly more: number
  readonly foundAt: Instant
}

/** Who an entry is for, as a receptionist says it: "Judith Bourke (Muffett)". */
export function waitlistWho(customer: WaitlistCustomer): string {
  const name = [customer.firstName, customer.lastName].filter(Boolean).join(' ') || 'A customer'
  return customer.patientName ? `${name} (${customer.patientName})` : name
}
