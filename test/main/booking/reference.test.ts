// A reference is normalised before any request, and "not found" says what was searched for and
// says "cancelled" only when this desk's journal knows it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { failureOf, startServices, type Services } from '../clinic/harness'
import { guideDraft } from '../../helpers/booking-draft'

const GUIDE = '603:be08f3c6-1afb-11e6-be41-3dbaef689d97'

let s: Services
beforeEach(async () => {
  s = await startServices()
})
afterEach(() => s.close())

describe('BookingService references', () => {
  it.each([
    '603:3:be08f3c6-1afb-11e6-be41-3dbaef689d97',
    '603: BE08F3C6-1AFB-11E6-BE41-3DBAEF689D97',
    ' 603 :be08f3c6-1afb-11e6-be41-3dbaef689d97 ',
  ])('finds the guide’s booking from %j', async (typed) => {
    const found = await s.booking.get(typed)

    expect(found).toMatchObject({ reference: GUIDE, scheduleId: 136 })
  })

  it('says a reference that is not found may have been misread, and what was searched for — never "cancelled"', async () => {
    const failure = await failureOf(s.booking.get('999999: BE08F3C6-1AFB-11E6-BE41-3DBAEF689D97'))

    expect(failure.error.code).toBe('NOT_FOUND')
    expect(failure.error.message).toBe(
      'OpenVPMS has no booking 999999:be08f3c6-1afb-11e6-be41-3dbaef689d97 (typed as “999999: BE08F3C6-1AFB-11E6-BE41-3DBAEF689D97”). The reference may have been misread or mistyped: check it with the caller, or find the booking by name.',
    )
    expect(failure.error.message).not.toMatch(/cancel/i)
  })

  it('says "cancelled" when this desk’s journal knows it cancelled the booking', async () => {
    const { reference } = await s.booking.create(guideDraft())
    await s.booking.cancel(reference.toUpperCase())

    const failure = await failureOf(s.booking.get(reference))

    expect(failure.error.code).toBe('NOT_FOUND')
    expect(failure.error.message).toBe(
      `Booking ${reference} is already cancelled: this desk’s journal records it (Cancelled at this desk).`,
    )
  })

  it('asks for a reference when the box is empty, sending nothing', async () => {
    const before = s.sandbox.requestCount

    const failure = await failureOf(s.booking.get(' \n '))

    expect(failure.error.message).toBe('Type or paste a booking reference.')
    expect(s.sandbox.requestCount).toBe(before)
  })

  it('repeats the reference as typed only when it differs from what was searched, spaces around it aside', async () => {
    const unknown = '999999:be08f3c6-1afb-11e6-be41-3dbaef689d97'
    const exact = await failureOf(s.booking.get(unknown))
    const spaced = await failureOf(s.booking.get(`  ${unknown}\n`))
    const capitals = await failureOf(s.booking.get(`  ${unknown.toUpperCase()} `))

    const plain = `OpenVPMS has no booking ${unknown}. The reference may have been misread or mistyped: check it with the caller, or find the booking by name.`
    expect(exact.error.message).toBe(plain)
    expect(spaced.error.message).toBe(plain)
    expect(capitals.error.message).toContain(`(typed as “${unknown.toUpperCase()}”)`)
  })

  it('quotes the journal’s own note on a cancellation, inner full stops kept', async () => {
    const { reference } = await s.booking.create(guideDraft())
    await s.booking.cancel(reference)
    await s.journal.markCancelled(reference, 'Cancelled by phone at 10.30.')

    const failure = await failureOf(s.booking.get(reference))

    expect(failure.error.message).toBe(
      `Booking ${reference} is already cancelled: this desk’s journal records it (Cancelled by phone at 10.30).`,
    )
  })
})
