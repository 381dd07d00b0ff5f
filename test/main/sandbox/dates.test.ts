import { describe, expect, it } from 'vitest'
import { parseBodyDate, parseQueryDate, ServerZone } from '../../../src/main/sandbox/dates'

const sydney = new ServerZone('Australia/Sydney')

describe('output dates (spec §1.4)', () => {
  it('prints yyyy-MM-ddTHH:mm:ss.SSS with the zone offset of that date', () => {
    expect(sydney.format(Date.parse('2019-02-14T22:00:00Z'))).toBe('2019-02-15T09:00:00.000+11:00')
    expect(sydney.format(Date.parse('2019-06-14T23:00:00.042Z'))).toBe(
      '2019-06-15T09:00:00.042+10:00',
    )
  })

  it('prints Z for a zero offset and negative offsets with a minus', () => {
    expect(new ServerZone('UTC').format(Date.parse('2019-02-14T22:00:00Z'))).toBe(
      '2019-02-14T22:00:00.000Z',
    )
    expect(new ServerZone('America/St_Johns').format(Date.parse('2019-01-10T12:00:00Z'))).toBe(
      '2019-01-10T08:30:00.000-03:30',
    )
  })

  it('switches offset exactly at the DST changes in Sydney', () => {
    expect(sydney.format(Date.parse('2026-10-03T15:59:59.999Z'))).toBe(
      '2026-10-04T01:59:59.999+10:00',
    )
    expect(sydney.format(Date.parse('2026-10-03T16:00:00Z'))).toBe('2026-10-04T03:00:00.000+11:00')
    expect(sydney.format(Date.parse('2026-04-04T15:59:59Z'))).toBe('2026-04-05T02:59:59.000+11:00')
    expect(sydney.format(Date.parse('2026-04-04T16:00:00Z'))).toBe('2026-04-05T02:00:00.000+10:00')
  })
})

describe('day arithmetic in the server zone', () => {
  it('keeps the wall time across DST when adding days, and has 23- and 25-hour days', () => {
    const before = Date.parse('2026-10-03T09:00:00+10:00')

    expect(sydney.format(sydney.plusDays(before, 1))).toBe('2026-10-04T09:00:00.000+11:00')
    expect(sydney.midnight('2026-10-05') - sydney.midnight('2026-10-04')).toBe(23 * 3_600_000)
    expect(sydney.midnight('2026-04-06') - sydney.midnight('2026-04-05')).toBe(25 * 3_600_000)
  })

  it('moves a time in the spring-forward gap forward by the gap', () => {
    expect(sydney.format(sydney.atMinuteOfDay('2026-10-04', 150))).toBe(
      '2026-10-04T03:30:00.000+11:00',
    )
  })
})

describe('query dates: Joda dateTimeNoMillis, then dateTime', () => {
  it.each([
    ['2019-02-15T09:00:00+11:00', '2019-02-14T22:00:00.000Z'],
    ['2019-02-15T09:00:00+1100', '2019-02-14T22:00:00.000Z'],
    ['2019-02-15T09:00:00+11', '2019-02-14T22:00:00.000Z'],
    ['2019-02-15T09:00:00Z', '2019-02-15T09:00:00.000Z'],
    ['2019-02-15T09:00:00.1+11:00', '2019-02-14T22:00:00.100Z'],
    ['2019-02-15T09:00:00.123456789-03:30', '2019-02-15T12:30:00.123Z'],
  ])('accepts %s', (text, iso) => {
    expect(new Date(parseQueryDate(text) ?? Number.NaN).toISOString()).toBe(iso)
  })

  it.each([
    '2019-02-15T09:00:00',
    '2019-02-15',
    '2019-02-15T09:00+11:00',
    '2019-02-15 09:00:00Z',
    '2019-02-29T09:00:00Z',
    '',
  ])('rejects %j', (text) => {
    expect(parseQueryDate(text)).toBeNull()
  })
})

describe('body dates: lenient SimpleDateFormat yyyy-MM-ddTHH:mm:ss.SSSXXX', () => {
  it('needs millis and an XXX offset, reads .1 as 1 ms, rolls fields over and ignores trailing text', () => {
    expect(parseBodyDate('2019-02-15T09:00:00.000+11:00')).toBe(Date.parse('2019-02-14T22:00:00Z'))
    expect(parseBodyDate('2019-02-15T09:00:00.000Z')).toBe(Date.parse('2019-02-15T09:00:00Z'))
    expect(parseBodyDate('2019-02-15T09:00:00.1Z')).toBe(Date.parse('2019-02-15T09:00:00.001Z'))
    expect(parseBodyDate('2019-02-30T09:00:00.000Z')).toBe(Date.parse('2019-03-02T09:00:00Z'))
    expect(parseBodyDate('2019-02-15T09:00:00.000Zjunk')).toBe(Date.parse('2019-02-15T09:00:00Z'))
  })

  it.each([
    '2019-02-15T09:00:00+11:00',
    '2019-02-15T09:00:00.000+1100',
    '2019-02-15T09:00:00.000+11',
    '2019-02-15T09:00:00.000',
  ])('rejects %s', (text) => {
    expect(parseBodyDate(text)).toBeNull()
  })
})
