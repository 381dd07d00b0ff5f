import { describe, expect, it } from 'vitest'
import {
  bookingDraftSchema,
  customerOf,
  customerProblems,
  isEmail,
  parseDraft,
  trimDraft,
} from '../../src/shared/booking-draft'
import { guideDraft } from '../helpers/booking-draft'

const fieldsOf = (problems: { field: string }[]): string[] => problems.map((p) => p.field)

describe('the booking draft', () => {
  it('accepts the guide’s draft and refuses one with a missing or extra field', () => {
    const { notes: _notes, ...withoutNotes } = guideDraft()

    expect(bookingDraftSchema.safeParse(guideDraft()).success).toBe(true)
    expect(bookingDraftSchema.safeParse(withoutNotes).success).toBe(false)
    expect(bookingDraftSchema.safeParse({ ...guideDraft(), colour: 'red' }).success).toBe(false)
  })

  it('trims everything typed and nothing else', () => {
    const trimmed = trimDraft(guideDraft({ firstName: '  Judith ', email: ' j@example.com\n' }))

    expect(trimmed).toEqual(guideDraft({ firstName: 'Judith', email: 'j@example.com' }))
  })

  it('takes the customer part of a draft, and an empty one without a draft', () => {
    expect(customerOf(guideDraft())).toEqual({
      title: 'Ms',
      firstName: 'Judith',
      lastName: 'Bourke',
      mobile: '0418976543',
      phone: '',
      email: '',
      patientName: 'Muffett',
      notes: '',
    })
    expect(Object.values(customerOf(null)).every((value) => value === '')).toBe(true)
  })

  it('names each field the receptionist must correct', () => {
    const problems = customerProblems(
      guideDraft({
        firstName: ' ',
        lastName: '',
        email: 'judith at example',
        phone: '0418 976 543 ext 2',
        notes: 'x'.repeat(4_001),
      }),
    )

    expect(problems).toEqual([
      { field: 'firstName', message: 'First name is required.' },
      { field: 'lastName', message: 'Last name is required.' },
      { field: 'email', message: 'This does not look like an email address.' },
      { field: 'phone', message: 'Use digits, spaces, +, - and brackets only.' },
      { field: 'notes', message: 'Keep this to at most 4000 characters.' },
    ])
    expect(fieldsOf(customerProblems(guideDraft({ email: ' judith@example.com ' })))).toEqual([])
  })

  it('finds nothing to correct in a complete form with no email', () => {
    expect(customerProblems(guideDraft({ email: '' }))).toEqual([])
  })

  it('takes a pasted email with spaces round it as an email, and a blank as none', () => {
    expect([' judith@example.com\n', 'judith@example', '', ' '].map(isEmail)).toEqual([
      true,
      false,
      false,
      false,
    ])
  })

  it('allows 200 characters in a name and 4000 in the notes, not one more', () => {
    const atLimit = guideDraft({ lastName: 'x'.repeat(200), notes: 'x'.repeat(4_000) })
    const past = guideDraft({ lastName: 'x'.repeat(201), notes: 'x'.repeat(4_000) })

    expect(customerProblems(atLimit)).toEqual([])
    expect(customerProblems(past)).toEqual([
      { field: 'lastName', message: 'Keep this to at most 200 characters.' },
    ])
  })

  it('reads a kept draft back, keeping over-long text, and refuses anything else', () => {
    const long = guideDraft({ notes: 'x'.repeat(4_001) })

    expect(parseDraft(JSON.parse(JSON.stringify(guideDraft())))).toEqual(guideDraft())
    expect(parseDraft(long)).toEqual(long)
    expect(parseDraft({ ...long, start: 'tomorrow' })).toBeNull()
    expect(parseDraft({ ...guideDraft(), start: 'tomorrow' })).toBeNull()
    expect(parseDraft({ firstName: 'Judith' })).toBeNull()
    expect(parseDraft('{"locationId":')).toBeNull()
    expect(parseDraft(null)).toBeNull()
  })

  it('holds each typed field to its limit, the notes to a longer one', () => {
    const atLimits = guideDraft({ firstName: 'x'.repeat(200), notes: 'x'.repeat(4_000) })
    const pastLimits = guideDraft({ patientName: 'x'.repeat(201), notes: 'x'.repeat(4_001) })

    expect(customerProblems(atLimits)).toEqual([])
    expect(customerProblems(pastLimits)).toEqual([
      { field: 'patientName', message: 'Keep this to at most 200 characters.' },
      { field: 'notes', message: 'Keep this to at most 4000 characters.' },
    ])
  })

  it('takes an email address with spaces around it as one, and nothing blank', () => {
    expect(isEmail(' judith@example.com\n')).toBe(true)
    expect(isEmail('  ')).toBe(false)
  })

  it('refuses a kept draft with over-long text and anything else wrong', () => {
    expect(
      parseDraft({ ...guideDraft({ notes: 'x'.repeat(4_001) }), start: 'tomorrow' }),
    ).toBeNull()
  })
})
