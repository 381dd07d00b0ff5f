// One zod schema per channel for the request the renderer sends. The `satisfies` clause makes a missing channel, or a
// schema whose output disagrees with the contract's request type, a type error.
import { z } from 'zod'
import {
  MAX_FORTNIGHT_DAYS,
  MAX_SEARCH_DAYS,
  type ChannelName,
  type RequestOf,
} from '../../shared/ipc-contract'
import { isIsoDate, isSaneDate, SANE_DATES_MESSAGE } from '../../shared/time'
import { bookingDraftSchema, boundedText } from '../../shared/booking-draft'
import { MAX_TEMPLATE_LENGTH } from '../session/settings'
import { journalSearchLimits } from '../booking/journal-search'
import { seriesLimits, seriesRuleSchema } from '../../shared/series'
import { shortcutSettingsSchema } from '../../shared/shortcut-keys'
import { waitlistRequestSchema } from '../../shared/waitlist'

const id = z.number().int().positive()
const isoDate = z.string().superRefine((value, context) => {
  if (!isIsoDate(value))
    context.addIssue({ code: 'custom', message: 'Expected a date as yyyy-MM-dd' })
  // A far date is something a person typed, not a bug; every day loop behind these channels stays short.
  else if (!isSaneDate(value)) context.addIssue({ code: 'custom', message: SANE_DATES_MESSAGE })
})
const empty = z.strictObject({})
const text = boundedText
const DAY_MINUTES = 24 * 60
const minuteOfDay = z
  .number()
  .int()
  .min(0)
  .max(DAY_MINUTES - 1)

const reference = z.strictObject({ reference: text(200) })
const entryId = z.string().uuid({ message: 'Not a waitlist entry.' })

/** The request schema of every channel, keyed by channel name. */
export const requestSchemas = {
  'session:getStatus': empty,
  'session:connect': z.strictObject({
    serverUrl: text(2_000),
    username: text(),
    password: text(1_000),
    rememberPassword: z.boolean(),
    allowInsecure: z.boolean(),
  }),
  'session:signOut': empty,
  'session:useDemo': empty,
  'clinic:listLocations': empty,
  'clinic:loadLocation': z.strictObject({ locationId: id, refresh: z.boolean().optional() }),
  'calendar:loadDay': z.strictObject({
    locationId: id,
    date: isoDate,
    scheduleIds: z.array(id).max(100).readonly(),
    refresh: z.boolean().optional(),
  }),
  'calendar:findNextAvailable': z.strictObject({
    locationId: id.nullable(),
    appointmentTypeId: id,
    clinicianId: id.nullable(),
    fromDate: isoDate.optional(),
    days: z
      .number()
      .int()
      .min(1)
      .max(MAX_SEARCH_DAYS, { message: `Search at most ${MAX_SEARCH_DAYS} days at a time.` })
      .optional(),
    window: z
      .strictObject({ from: minuteOfDay, to: z.number().int().min(1).max(DAY_MINUTES) })
      .refine((w) => w.from < w.to, { message: 'The part of the day must end after it starts.' })
      .optional(),
    weekdays: z.array(z.number().int().min(1).max(7)).max(7).readonly().optional(),
    near: minuteOfDay.optional(),
    perDay: z.number().int().min(1).max(100).optional(),
  }),
  'calendar:getFortnight': z.strictObject({
    locationId: id,
    fromDate: isoDate,
    days: z
      .number()
      .int()
      .min(1)
      .max(MAX_FORTNIGHT_DAYS, { message: `Show at most ${MAX_FORTNIGHT_DAYS} days at a time.` }),
    scheduleIds: z.array(id).max(100).readonly(),
    clinicianId: id.nullable(),
    refresh: z.boolean().optional(),
  }),
  'booking:create': z.strictObject({ draft: bookingDraftSchema }),
  'booking:get': reference,
  'booking:cancel': reference,
  'booking:listJournal': z.strictObject({ date: isoDate.optional() }),
  'booking:checkSeries': z.strictObject({ draft: bookingDraftSchema, rule: seriesRuleSchema }),
  'booking:createSeries': z.strictObject({
    draft: bookingDraftSchema,
    starts: z
      .array(z.number().int().min(0).max(8.64e15))
      .min(2)
      .max(seriesLimits.occurrences)
      .readonly(),
  }),
  'booking:cancelSeries': reference,
  'journal:searchEntries': z.strictObject({
    query: text(journalSearchLimits.queryLength),
    limit: z.number().int().min(1).max(journalSearchLimits.results).optional(),
  }),
  'journal:listDay': z.strictObject({ date: isoDate }),
  'journal:exportCsv': z.strictObject({ date: isoDate.optional() }),
  'journal:getNotice': empty,
  'waitlist:listEntries': empty,
  'waitlist:addEntry': z.strictObject({ entry: waitlistRequestSchema }),
  'waitlist:updateEntry': z.strictObject({ id: entryId, entry: waitlistRequestSchema }),
  'waitlist:removeEntry': z.strictObject({ id: entryId }),
  'waitlist:markDone': z.strictObject({ id: entryId, reference: text(200).nullable() }),
  'settings:getConfirmationTemplate': empty,
  'settings:setConfirmationTemplate': z.strictObject({
    template: text(MAX_TEMPLATE_LENGTH).nullable(),
  }),
  'settings:getShortcuts': empty,
  'settings:setShortcuts': z.strictObject({ shortcuts: shortcutSettingsSchema.nullable() }),
} satisfies { [C in ChannelName]: z.ZodType<RequestOf<C>> }
