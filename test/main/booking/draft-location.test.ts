// A draft whose schedule, type or clinician belongs elsewhere is refused by name,
// before anything is sent.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { BookingDraft } from '../../../src/shared/domain'
import { failureOf, startServices, type Services } from '../clinic/harness'
import { guideDraft } from '../../helpers/booking-draft'

const messageFor = (
  failure: { error: { fieldErrors?: readonly { field: string; message: string }[] } },
  field: string,
) => failure.error.fieldErrors?.find((e) => e.field === field)?.message

let s: Services
beforeEach(async () => {
  s = await startServices()
})
afterEach(() => s.close())

describe('BookingService.create with parts of another location', () => {
  it('refuses a Branch Clinic schedule sent for Main Clinic, naming both, without sending anything', async () => {
    await Promise.all([s.clinic.loadLocation(106), s.clinic.loadLocation(98)])
    const before = s.sandbox.requestCount
    const stale: BookingDraft = guideDraft({
      scheduleId: 302,
      appointmentTypeId: 81,
      clinicianId: 1158,
    })

    const failure = await failureOf(s.booking.create(stale))

    expect(failure.error.code).toBe('VALIDATION')
    expect(messageFor(failure, 'scheduleId')).toBe(
      'Consult Room 2 is at Branch Clinic, not Main Clinic: choose a time on one of Main Clinic’s schedules.',
    )
    expect(s.sandbox.requestCount - before).toBe(0)
    expect(await s.journal.list()).toEqual([])
  })

  it('names a type the schedule does not take, and a clinician of another location', async () => {
    await s.clinic.loadLocation(106)
    const failure = await failureOf(
      s.booking.create(guideDraft({ appointmentTypeId: 81, clinicianId: 1160 })),
    )

    expect(messageFor(failure, 'appointmentTypeId')).toBe(
      'Vaccination cannot be booked on Main Appointment Schedule: choose one of its appointment types.',
    )
    expect(messageFor(failure, 'clinicianId')).toBe('Priya Shah cannot be booked at Main Clinic.')
  })

  it('says which schedule number is unknown anywhere', async () => {
    const failure = await failureOf(s.booking.create(guideDraft({ scheduleId: 999 })))

    expect(messageFor(failure, 'scheduleId')).toBe(
      'Schedule 999 is not one of Main Clinic’s schedules: choose a time on one of them.',
    )
  })

  it('says which type and clinician numbers are unknown anywhere', async () => {
    const failure = await failureOf(
      s.booking.create(guideDraft({ appointmentTypeId: 999, clinicianId: 9999 })),
    )

    expect(messageFor(failure, 'appointmentTypeId')).toBe(
      'Type 999 cannot be booked on Main Appointment Schedule: choose one of its appointment types.',
    )
    expect(messageFor(failure, 'clinicianId')).toBe(
      'Clinician 9999 cannot be booked at Main Clinic.',
    )
  })
})
