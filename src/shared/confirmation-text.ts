// The text a receptionist copies for an SMS or email after booking: the practice's template (kept in settings.json,
// editable in the confirmation) with every field of the booking as a {placeholder}.

/** Every placeholder a template may use. */
export const CONFIRMATION_PLACEHOLDERS = [
  'day',
  'time',
  'location',
  'schedule',
  'type',
  'clinician',
  'customer',
  'title',
  'firstName',
  'lastName',
  'patient',
  'mobile',
  'phone',
  'email',
  'reference',
] as const

/** One booking's value for each placeholder. */
export type ConfirmationFields = Readonly<
  Record<(typeof CONFIRMATION_PLACEHOLDERS)[number], string>
>

/** The practice's template and whether it is its own (false: the desk's default). */
export interface ConfirmationTemplate {
  readonly template: string
  readonly custom: boolean
}

/** The desk's default text: short enough for one or two SMS, every detail the caller needs to come in. */
export const DEFAULT_CONFIRMATION_TEMPLATE =
  'Hello {title} {lastName}, {patient} is booked for {type} on {day} at {time} with {clinician}, {location} ({schedule}). Reference: {reference}. To change or cancel, call us and quote it.'

/** The template with each {placeholder} replaced; an unknown one is left as typed, so a typo shows. */
export function renderConfirmation(template: string, fields: ConfirmationFields): string {
  return template
    .replace(/\{(\w+)\}/g, (whole, name: string) =>
      Object.hasOwn(fields, name) ? fields[name as keyof ConfirmationFields] : whole,
    )
    .replace(/ {2,}/g, ' ')
}

/** One appointment of a course as its copied text lists it. */
export interface CourseAppointment {
  readonly day: string
  readonly time: string
  readonly reference: string
}

/**
 * The text for a course: the template filled in for its first booked appointment, then each other booked appointment
 * on a line of its own with its reference, so one message tells the caller the whole course.
 */
export function renderCourseConfirmation(
  template: string,
  first: ConfirmationFields,
  others: readonly CourseAppointment[],
): string {
  const text = renderConfirmation(template, first)
  if (others.length === 0) return text
  const heading =
    others.length === 1
      ? 'The other appointment of the course:'
      : `The other ${others.length} appointments of the course:`
  return [text, heading, ...others.map((a) => `${a.day} ${a.time}, reference ${a.reference}`)].join(
    '\n',
  )
}

/**
 * A reference laid out for reading aloud: the id, then the UUID in blocks of four (its dashes kept). Taking the spaces
 * out gives the exact reference back; the copy button always copies the exact one.
 */
export function groupReference(reference: string): string {
  const colon = reference.indexOf(':')
  if (colon === -1) return reference
  const head = reference.slice(0, colon)
  const rest = reference
    .slice(colon + 1)
    .split('-')
    .map((part) => part.match(/.{1,4}/g)?.join(' ') ?? part)
    .join(' - ')
  return `${head} : ${rest}`
}
