import { describe, expect, it } from 'vitest'
import {
  CONFIRMATION_PLACEHOLDERS,
  DEFAULT_CONFIRMATION_TEMPLATE,
  groupReference,
  renderConfirmation,
  renderCourseConfirmation,
  type ConfirmationFields,
} from '../../src/shared/confirmation-text'

const fields: ConfirmationFields = {
  day: 'Thu 3 Dec 2026',
  time: '14:00–14:15',
  location: 'Branch Clinic',
  schedule: 'Consult Room 1',
  type: 'Vaccination',
  clinician: 'Andrew Turner',
  customer: 'Mrs Mary Jones',
  title: 'Mrs',
  firstName: 'Mary',
  lastName: 'Jones',
  patient: 'Rex',
  mobile: '0412 345 678',
  phone: '',
  email: '',
  reference: '604:4eb56c70-eda7-11f1-bd8e-197b47699f29',
}

describe('renderConfirmation', () => {
  it('fills the default text with every detail the customer needs', () => {
    expect(renderConfirmation(DEFAULT_CONFIRMATION_TEMPLATE, fields)).toBe(
      'Hello Mrs Jones, Rex is booked for Vaccination on Thu 3 Dec 2026 at 14:00–14:15 with Andrew Turner, Branch Clinic (Consult Room 1). Reference: 604:4eb56c70-eda7-11f1-bd8e-197b47699f29. To change or cancel, call us and quote it.',
    )
  })

  it('knows every placeholder, and leaves a mistyped one as typed so it shows', () => {
    const all = CONFIRMATION_PLACEHOLDERS.map((name) => `{${name}}`).join('|')

    expect(renderConfirmation(all, fields)).not.toContain('{')
    expect(renderConfirmation('{patinet} at {time}', fields)).toBe('{patinet} at 14:00–14:15')
  })

  it('leaves no double space where a field is empty (a customer with no title)', () => {
    expect(renderConfirmation('Hello {title} {lastName},  see you', { ...fields, title: '' })).toBe(
      'Hello Jones, see you',
    )
  })
})

describe('groupReference', () => {
  it('groups the UUID in fours for reading aloud; without spaces it is the exact reference', () => {
    const reference = '604:4eb56c70-eda7-11f1-bd8e-197b47699f29'

    const spoken = groupReference(reference)

    expect(spoken).toBe('604 : 4eb5 6c70 - eda7 - 11f1 - bd8e - 197b 4769 9f29')
    expect(spoken.replace(/\s/g, '')).toBe(reference)
  })

  it('leaves a reference of another shape as it is', () => {
    expect(groupReference('unexpected')).toBe('unexpected')
    expect(groupReference('604:')).toBe('604 : ')
  })
})

describe('renderCourseConfirmation', () => {
  const template = '{patient}: {type} on {day} at {time}. Reference: {reference}.'
  it('fills the template for the first appointment and lists every other one with its reference', () => {
    expect(
      renderCourseConfirmation(template, fields, [
        { day: 'Thu 10 Dec 2026', time: '14:00–14:15', reference: '605:aaaa' },
        { day: 'Thu 17 Dec 2026', time: '14:30–14:45', reference: '606:bbbb' },
      ]),
    ).toBe(
      [
        `Rex: Vaccination on Thu 3 Dec 2026 at 14:00–14:15. Reference: ${fields.reference}.`,
        'The other 2 appointments of the course:',
        'Thu 10 Dec 2026 14:00–14:15, reference 605:aaaa',
        'Thu 17 Dec 2026 14:30–14:45, reference 606:bbbb',
      ].join('\n'),
    )
  })
  it('says "appointment" for one other, and is the plain confirmation when only one was booked', () => {
    expect(
      renderCourseConfirmation(template, fields, [
        { day: 'Thu 10 Dec 2026', time: '14:00–14:15', reference: '605:aaaa' },
      ]).split('\n')[1],
    ).toBe('The other appointment of the course:')
    expect(renderCourseConfirmation(template, fields, [])).toBe(
      renderConfirmation(template, fields),
    )
  })
})
