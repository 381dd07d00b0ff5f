import { describe, expect, it } from 'vitest'
import {
  CONFIRMATION_PLACEHOLDERS,
  DEFAULT_CONFIRMATION_TEMPLATE,
  groupReference,
  renderConfirmation,
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
  })
})
