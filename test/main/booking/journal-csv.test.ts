import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { journalCsv } from '../../../src/main/booking/journal-csv'
import type { JournalEntry } from '../../../src/shared/domain'
import { guideDraft } from '../../helpers/booking-draft'

const entry = (overrides: Partial<JournalEntry> = {}): JournalEntry => ({
  reference: '1201:be08f3c6-1afb-11e6-be41-3dbaef689d97',
  draft: guideDraft({ notes: 'Limping on the left fore,\nsince "Tuesday"', clinicianId: 1158 }),
  submittedAt: Date.parse('2019-02-14T09:00:00+11:00'),
  outcome: 'booked',
  message: null,
  labels: {
    location: 'Main Clinic',
    timeZone: 'Australia/Sydney',
    schedule: 'Main Appointment Schedule',
    appointmentType: 'Standard Consult',
    clinician: 'Andrew Turner',
  },
  ...overrides,
})

const rowsOf = (csv: string): Record<string, string>[] =>
  parse(csv.replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[]

describe('journalCsv', () => {
  it('writes one row per booking in its location’s names and zone, notes with commas, quotes and line breaks intact', () => {
    const [row] = rowsOf(journalCsv([entry()], 'UTC'))

    expect(row).toMatchObject({
      Day: '2019-02-15',
      Start: '12:30',
      End: '12:45',
      'Time zone': 'Australia/Sydney',
      Location: 'Main Clinic',
      Schedule: 'Main Appointment Schedule',
      'Appointment type': 'Standard Consult',
      Clinician: 'Andrew Turner',
      Status: 'booked',
      Reference: '1201:be08f3c6-1afb-11e6-be41-3dbaef689d97',
      'First name': 'Judith',
      'Last name': 'Bourke',
      Mobile: '0418976543',
      Patient: 'Muffett',
      Notes: 'Limping on the left fore,\nsince "Tuesday"',
      'Sent at': '2019-02-13 22:00:00',
    })
  })

  it.each(['=HYPERLINK("http://x","y")', '+61 418 976 543', '-2+3', '@SUM(A1)'])(
    'writes %s so a spreadsheet shows it as text instead of running it',
    (typed) => {
      const csv = journalCsv(
        [entry({ draft: guideDraft({ firstName: typed, notes: typed, mobile: typed }) })],
        'UTC',
      )

      const [row] = rowsOf(csv)
      expect(row?.['First name']).toBe(`'${typed}`)
      expect(row?.Notes).toBe(`'${typed}`)
      expect(row?.Mobile).toBe(`'${typed}`)
    },
  )

  it('says when an entry’s zone was not recorded, and an unknown outcome is never written as failed', () => {
    const [row] = rowsOf(
      journalCsv([entry({ labels: undefined, reference: null, outcome: 'unknown' })], 'UTC'),
    )

    expect(row).toMatchObject({
      Day: '2019-02-15',
      Start: '01:30',
      'Time zone': 'UTC',
      Location: 'location 98',
      Schedule: 'schedule 136',
      Status: 'outcome unknown',
      Reference: '',
    })
  })
})
