import { DateTime } from 'luxon'
import { describe, expect, it } from 'vitest'
import { parsePhrase, type PhraseContext } from '../../src/renderer/src/search-phrase'

const zone = 'Australia/Sydney'
// Tuesday 1 Dec 2026, 09:30 in Sydney — already Tuesday there while it is still Monday evening in London.
const now = DateTime.fromISO('2026-12-01T09:30', { zone }).toMillis()
const context: PhraseContext = {
  now,
  zone,
  types: [
    { id: 79, name: 'Short Consult' },
    { id: 66, name: 'Standard Consult' },
    { id: 63, name: 'Long Consult' },
    { id: 81, name: 'Vaccination' },
    { id: 85, name: 'Dental Scale & Polish' },
  ],
  clinicians: [
    { id: 1158, name: 'Andrew Turner' },
    { id: 1159, name: 'Chris Barton' },
    { id: 1160, name: 'Priya Shah' },
  ],
  locations: [
    { id: 106, name: 'Branch Clinic' },
    { id: 98, name: 'Main Clinic' },
  ],
}
const read = (phrase: string) => parsePhrase(phrase, context)

describe('parsePhrase: days and parts of the day', () => {
  it('reads "tomorrow pm" as tomorrow afternoon in the clinic’s zone', () => {
    expect(read('tomorrow pm')).toMatchObject({ fromDate: '2026-12-02', partOfDay: 'afternoon' })
  })

  it('reads "fri morning" as the coming Friday, Fridays only, mornings', () => {
    expect(read('fri morning')).toMatchObject({
      fromDate: '2026-12-04',
      weekday: 5,
      partOfDay: 'morning',
    })
  })

  it('reads "next tue 3pm" as next week’s Tuesday, nearest to 15:00', () => {
    const filters = read('next tue 3pm')
    expect(filters).toMatchObject({ fromDate: '2026-12-08', weekday: 2, near: 15 * 60 })
    expect(filters.partOfDay).toBeUndefined()
  })

  it('reads shorthand a desk types: tmrw arvo, thu am, this eve, 10:30', () => {
    expect(read('tmrw arvo')).toMatchObject({ fromDate: '2026-12-02', partOfDay: 'afternoon' })
    expect(read('thu am')).toMatchObject({
      fromDate: '2026-12-03',
      weekday: 4,
      partOfDay: 'morning',
    })
    expect(read('this eve')).toMatchObject({ partOfDay: 'evening' })
    expect(read('10:30')).toMatchObject({ near: 10 * 60 + 30 })
    expect(read('morning')).toMatchObject({ partOfDay: 'morning', unknown: [] })
  })

  it('reads a day and month the Australian way round', () => {
    expect(read('12/1')).toMatchObject({ fromDate: '2027-01-12' })
  })
})

describe('parsePhrase: who, what and where', () => {
  it('finds a clinician by surname or first name, with or without "Dr"', () => {
    expect(read('turner')).toMatchObject({ clinicianId: 1158, unknown: [] })
    expect(read('with dr barton')).toMatchObject({ clinicianId: 1159, unknown: [] })
    expect(read('priya')).toMatchObject({ clinicianId: 1160 })
  })

  it('reads the whole call: type, day, part of day and clinician', () => {
    expect(read('Rex needs a vaccination tomorrow afternoon with Dr Turner')).toMatchObject({
      appointmentTypeId: 81,
      fromDate: '2026-12-02',
      partOfDay: 'afternoon',
      clinicianId: 1158,
      unknown: ['rex'],
    })
  })

  it('reads "any vet" and "any location" as any clinician, every location', () => {
    expect(read('the first friday morning with any vet at any location')).toMatchObject({
      fromDate: '2026-12-04',
      weekday: 5,
      partOfDay: 'morning',
      clinicianId: null,
      locationId: null,
      unknown: [],
    })
    expect(read('anywhere')).toMatchObject({ locationId: null })
  })

  it('takes a type from the start of its name, and the better of two matches', () => {
    expect(read('vacc')).toMatchObject({ appointmentTypeId: 81 })
    expect(read('long consult')).toMatchObject({ appointmentTypeId: 63 })
    expect(read('dental')).toMatchObject({ appointmentTypeId: 85 })
  })

  it('names a location without taking "clinic" as one', () => {
    expect(read('branch')).toMatchObject({ locationId: 106 })
    expect(read('main clinic')).toMatchObject({ locationId: 98 })
  })

  it('never guesses: a word for several things is ambiguous, an unknown word is reported', () => {
    const filters = read('consult wednesday blorp')
    expect(filters.appointmentTypeId).toBeUndefined()
    expect(filters.ambiguous).toEqual(['consult'])
    expect(filters.unknown).toEqual(['blorp'])
    expect(filters.fromDate).toBe('2026-12-02')
  })
})
