// The booking draft, written once: its fields, their limits, the rules a receptionist's typing must meet, and how it
// is trimmed. The IPC boundary, the journal, the booking service and the renderer (its checks and its saved form) all
// take it from here, so adding a field means this file and the form.
import { z } from 'zod'
import type { FieldError } from './result'

/** How long each kind of typed text may be. */
export const draftLimits = {
  // Generous: it stops a runaway caller, not a receptionist (OpenVPMS keeps 5000 chars of notes, spec §7.2).
  text: 200,
  notes: 4_000,
} as const

const id = z.number().int().positive()
// Epoch milliseconds a Date (and luxon) can hold; beyond them day arithmetic has nothing to work on.
const instant = z.number().int().min(0).max(8.64e15)

const tooLong = (max: number): string => `Keep this to at most ${max} characters.`

/** A string of at most `max` characters, with the message a receptionist reads past it. */
export const boundedText = (max: number = draftLimits.text) =>
  z.string().max(max, { message: tooLong(max) })

/** The draft's schema: what the form fills in and the IPC boundary accepts. */
export const bookingDraftSchema = z.strictObject({
  locationId: id,
  scheduleId: id,
  appointmentTypeId: id,
  start: instant,
  end: instant,
  title: boundedText(),
  firstName: boundedText(),
  lastName: boundedText(),
  mobile: boundedText(),
  phone: boundedText(),
  email: boundedText(),
  patientName: boundedText(),
  notes: boundedText(draftLimits.notes),
  /** null = any clinician. */
  clinicianId: id.nullable(),
})

/** What the receptionist fills in to book. Field names are those of the form (and of field errors). */
export type BookingDraft = Readonly<z.infer<typeof bookingDraftSchema>>

/** The fields the receptionist types, in the form's order. */
export const customerFieldNames = [
  'title',
  'firstName',
  'lastName',
  'mobile',
  'phone',
  'email',
  'patientName',
  'notes',
] as const satisfies readonly (keyof BookingDraft)[]

/** The customer part of a draft: what the receptionist types. */
export type CustomerFields = Pick<BookingDraft, (typeof customerFieldNames)[number]>

/** A customer part with nothing typed yet. */
export const emptyCustomer: CustomerFields = Object.freeze(
  Object.fromEntries(customerFieldNames.map((name) => [name, ''])) as Record<
    keyof CustomerFields,
    string
  >,
)

/** The customer part of a draft (empty without one). */
export function customerOf(draft: BookingDraft | null): CustomerFields {
  if (!draft) return emptyCustomer
  return Object.fromEntries(customerFieldNames.map((name) => [name, draft[name]])) as Record<
    keyof CustomerFields,
    string
  >
}

/** The draft with leading and trailing spaces removed from everything typed (pasted text often carries them). */
export function trimDraft(draft: BookingDraft): BookingDraft {
  const trimmed: Record<string, string> = {}
  for (const name of customerFieldNames) trimmed[name] = draft[name].trim()
  return { ...draft, ...trimmed }
}

// A deliberately loose shape check: the server never checks email; this only catches obvious typing slips.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
// spec §7.2: the server keeps digits and '+' after dropping spaces, '-', '(' and ')', and cuts at anything else.
const PHONE = /^[\d\s+\-()]*$/

/** Whether typed text looks like an email address (blank is not one). */
export const isEmail = (text: string): boolean => EMAIL.test(text.trim())

/**
 * The checks on what the receptionist typed that need nothing but the draft: names present, email shaped like one,
 * phone numbers the server will keep whole. Both the form (before sending) and main (before booking) make them.
 */
export function customerProblems(draft: BookingDraft): FieldError[] {
  const typed = trimDraft(draft)
  const errors: FieldError[] = []
  // spec §7.1 (10): first and last name are required and must not be blank.
  if (typed.firstName === '')
    errors.push({ field: 'firstName', message: 'First name is required.' })
  if (typed.lastName === '') errors.push({ field: 'lastName', message: 'Last name is required.' })
  if (typed.email !== '' && !isEmail(typed.email))
    errors.push({ field: 'email', message: 'This does not look like an email address.' })
  for (const field of ['mobile', 'phone'] as const) {
    if (!PHONE.test(typed[field]))
      errors.push({ field, message: 'Use digits, spaces, +, - and brackets only.' })
  }
  for (const field of customerFieldNames) {
    const max = field === 'notes' ? draftLimits.notes : draftLimits.text
    if (draft[field].length > max) errors.push({ field, message: tooLong(max) })
  }
  return errors
}

/**
 * A stored value read back as a draft, or null when it is not one (damaged, or from an older version). Text over its
 * limit is kept: the receptionist typed it, and sending it shows the limit beside the field.
 */
export function parseDraft(value: unknown): BookingDraft | null {
  const parsed = bookingDraftSchema.safeParse(value)
  if (parsed.success) return parsed.data
  // Every other check passed when the only problems are lengths, so the value has the draft's shape.
  const onlyTooLong = parsed.error.issues.every((issue) => issue.code === 'too_big')
  return onlyTooLong ? (value as BookingDraft) : null
}
