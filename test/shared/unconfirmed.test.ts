import { describe, expect, it } from 'vitest'
import type { JournalEntry } from '../../src/shared/domain'
import { isUnanswered, probablyOwn } from '../../src/shared/unconfirmed'
import { guideDraft } from '../helpers/booking-draft'

const start = Date.parse('2019-02-15T12:30:00+11:00')
const minutes = (n: number): number => n * 60_000
const entry = (overrides: Partial<JournalEntry> = {}): JournalEntry => ({
  reference: null,
  draft: guideDraft(),
  submittedAt: start - minutes(60),
  outcome: 'unknown',
  message: 'No usable answer came back from OpenVPMS.',
  ...overrides,
})
const here = { locationId: 98, scheduleId: 136 }

describe('probablyOwn', () => {
  it('finds an unanswered booking whose time overlaps busy time on its schedule', () => {
    const sent = entry()

    expect(
      probablyOwn([sent], here, [{ start: start - minutes(15), end: start + minutes(5) }]),
    ).toEqual([sent])
  })

  it('finds it when any one of several busy ranges covers its time', () => {
    const sent = entry()
    const busy = [
      { start: start - minutes(120), end: start - minutes(60) },
      { start, end: start + minutes(15) },
    ]

    expect(probablyOwn([sent], here, busy)).toEqual([sent])
  })

  it('leaves out a time still free, another schedule or location, and empty busy ranges', () => {
    const sent = entry()

    expect(
      probablyOwn([sent], here, [{ start: start + minutes(15), end: start + minutes(30) }]),
    ).toEqual([])
    expect(
      probablyOwn([sent], { ...here, scheduleId: 211 }, [{ start, end: start + minutes(15) }]),
    ).toEqual([])
    expect(
      probablyOwn([sent], { ...here, locationId: 99 }, [{ start, end: start + minutes(15) }]),
    ).toEqual([])
    expect(
      probablyOwn([sent], here, [{ start: start + minutes(5), end: start + minutes(5) }]),
    ).toEqual([])
  })

  it('leaves out bookings answered, refused, cancelled, or still being sent', () => {
    const busy = [{ start, end: start + minutes(15) }]
    const others = [
      entry({ outcome: 'booked', reference: '1:x', message: null }),
      entry({ outcome: 'failed' }),
      entry({ outcome: 'cancelled' }),
      entry({ message: null }),
    ]

    expect(probablyOwn(others, here, busy)).toEqual([])
    expect(others.filter(isUnanswered)).toEqual([])
  })
})
