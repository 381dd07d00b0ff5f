import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { BookingDetails, JournalEntry } from '../../../src/shared/domain'
import { fail, ok, type AppError } from '../../../src/shared/result'
import TheLookupPanel from '../../../src/renderer/src/components/TheLookupPanel.vue'
import { useClinicStore } from '../../../src/renderer/src/stores/clinic'
import { useLookupStore } from '../../../src/renderer/src/stores/lookup'
import { createFakeApi, type FakeApi } from '../helpers/fake-api'
import { installApi } from '../helpers/api-module'
import { at, dayView, mainClinic, mainDetails } from '../helpers/fixtures'

vi.mock(
  '../../../src/renderer/src/api',
  async () => (await import('../helpers/api-module')).apiModule,
)

const REF = '603:be08f3c6-1afb-11e6-be41-3dbaef689d97'
const found: BookingDetails = {
  reference: REF,
  locationId: 98,
  scheduleId: 136,
  appointmentTypeId: 63,
  start: at('2030-02-15', '10:45'),
  end: at('2030-02-15', '11:15'),
  title: null,
  firstName: 'Judith',
  lastName: 'Bourke',
  phone: null,
  mobile: '0418 976 543',
  email: null,
  patientName: 'Muffett',
  clinicianId: 1158,
  source: 'journal',
  notes: 'Limping since Tuesday',
}
let fake: FakeApi

async function mountPanel() {
  const pinia = createPinia()
  setActivePinia(pinia)
  await useClinicStore().load()
  return mount(TheLookupPanel, { global: { plugins: [pinia] } })
}

async function lookUp(
  wrapper: Awaited<ReturnType<typeof mountPanel>>,
  reference = REF,
): Promise<void> {
  await wrapper.find('#lookup-reference').setValue(reference)
  await wrapper.find('form').trigger('submit')
  await flushPromises()
}

beforeEach(() => {
  localStorage.clear()
  fake = createFakeApi({
    'clinic:listLocations': () => ok([mainClinic]),
    'clinic:loadLocation': () => ok(mainDetails),
    'calendar:loadDay': (request) => ok(dayView(request.date)),
    'booking:listJournal': () => ok([]),
    'booking:get': () => ok(found),
    'journal:searchEntries': () => ok({ entries: [], total: 0 }),
  })
  installApi(fake.api)
})

describe('TheLookupPanel', () => {
  it('shows the booking in the clinic’s names and zone, and says when it is this desk’s own copy', async () => {
    const wrapper = await mountPanel()

    await lookUp(wrapper)

    const text = wrapper.find('[data-testid="lookup-details"]').text()
    for (const part of [
      'Fri 15 Feb 2030 10:45–11:15',
      'Main Appointment Schedule',
      'Long Consult',
      'Judith Bourke',
      'Muffett',
      'Andrew Turner',
      'Limping since Tuesday',
    ])
      expect(text).toContain(part)
    expect(text).toContain('this desk’s own record of what was sent')
  })

  it.each<[AppError, string]>([
    [
      {
        code: 'NOT_FOUND',
        message:
          'OpenVPMS has no booking 603:x. The reference may have been misread or mistyped: check it with the caller, or find the booking by name.',
      },
      'OpenVPMS has no booking 603:x. The reference may have been misread',
    ],
    [
      { code: 'VALIDATION', message: 'Type or paste a booking reference.' },
      'Type or paste a booking reference.',
    ],
    [
      { code: 'GET_DEFECT', message: 'HTTP 500' },
      'cannot show this booking (a known OpenVPMS defect)',
    ],
    [
      { code: 'VALIDATION', message: 'x', serverMessage: 'Invalid booking reference' },
      'This is not a valid booking reference',
    ],
  ])('tells a %o failure apart', async (error, expected) => {
    fake.answer({ 'booking:get': () => ({ ok: false, error }) })
    const wrapper = await mountPanel()

    await lookUp(wrapper)

    expect(wrapper.find('#lookup-error').text()).toContain(expected)
    expect(wrapper.find('#lookup-reference').attributes('aria-describedby')).toBe(
      'lookup-error lookup-scope',
    )
  })

  it('clears a lookup’s error as soon as the box is edited, and an empty box asks for a reference', async () => {
    fake.answer({ 'booking:get': () => fail('NOT_FOUND', 'OpenVPMS has no booking 603:x.') })
    const wrapper = await mountPanel()
    await lookUp(wrapper)
    expect(wrapper.find('#lookup-error').exists()).toBe(true)

    await wrapper.find('#lookup-reference').setValue('')
    await wrapper.find('#lookup-reference').trigger('input')
    await flushPromises()
    const clearedOnEdit = wrapper.find('#lookup-error').exists()
    await wrapper.find('form').trigger('submit')
    await flushPromises()

    expect(clearedOnEdit).toBe(false)
    expect(wrapper.find('#lookup-error').text()).toBe('Type or paste a booking reference.')
    expect(fake.callsTo('booking:get')).toHaveLength(1)
  })

  it('asks before cancelling, and explains when the booking is no longer pending', async () => {
    fake.answer({
      'booking:cancel': () => fail('NOT_PENDING', 'The booking must be pending to cancel'),
    })
    const wrapper = await mountPanel()
    await lookUp(wrapper)

    await wrapper.find('button.fd-danger').trigger('click')
    const asked = wrapper.find('[aria-label="Confirm cancellation"]').exists()
    const sentBeforeConfirming = fake.callsTo('booking:cancel').length
    await wrapper.find('[aria-label="Confirm cancellation"] button.fd-danger').trigger('click')
    await flushPromises()

    expect(asked).toBe(true)
    expect(sentBeforeConfirming).toBe(0)
    expect(fake.callsTo('booking:cancel')).toEqual([{ reference: REF }])
    expect(wrapper.find('.fd-found .fd-error').text()).toContain(
      'no longer pending — the patient may already be checked in',
    )
  })

  it('shows the reference of a lookup started elsewhere, such as the journal', async () => {
    fake.answer({ 'booking:get': () => ok(found) })
    const wrapper = await mountPanel()

    await useLookupStore().find(REF)
    await flushPromises()

    expect((wrapper.find('#lookup-reference').element as HTMLInputElement).value).toBe(REF)
    expect(wrapper.get('[data-testid="lookup-details"]').text()).toContain('Judith Bourke')
  })
})

describe('TheLookupPanel finding a client', () => {
  const sent = (overrides: Partial<JournalEntry> = {}): JournalEntry => ({
    reference: REF,
    draft: {
      locationId: 98,
      scheduleId: 136,
      appointmentTypeId: 63,
      start: at('2030-02-15', '10:45'),
      end: at('2030-02-15', '11:15'),
      title: '',
      firstName: 'Judith',
      lastName: 'Bourke',
      mobile: '0418 976 543',
      phone: '',
      email: '',
      patientName: 'Rex',
      notes: 'Limping since Tuesday',
      clinicianId: null,
    },
    submittedAt: at('2030-02-10', '09:00'),
    outcome: 'booked',
    message: null,
    ...overrides,
  })

  it('lists this desk’s matching bookings as the receptionist types, and Enter opens the highlighted one live', async () => {
    const older = sent({ reference: '602:older', outcome: 'cancelled' })
    fake.answer({
      'journal:searchEntries': () => ok({ entries: [sent(), older], total: 2 }),
    })
    const wrapper = await mountPanel()

    await wrapper.find('#lookup-reference').setValue('rex')
    await flushPromises()
    const listed = wrapper.findAll('[role="option"]').map((option) => option.text())
    const heading = wrapper.text()
    await wrapper.find('#lookup-reference').trigger('keydown', { key: 'ArrowDown' })
    const second = wrapper.find('#lookup-reference').attributes('aria-activedescendant')
    await wrapper.find('#lookup-reference').trigger('keydown', { key: 'ArrowDown' })
    const highlighted = wrapper.find('#lookup-reference').attributes('aria-activedescendant')
    await wrapper.find('form').trigger('submit')
    await flushPromises()

    expect(fake.callsTo('journal:searchEntries').at(-1)).toEqual({ query: 'rex', limit: 30 })
    expect(heading).toContain('2 bookings made at this desk')
    expect(listed[0]).toContain('Judith Bourke (Rex)')
    expect(listed[0]).toContain('Booked')
    expect(listed[0]).toContain('Fri 15 Feb 2030 10:45–11:15')
    expect(listed[0]).toContain('Main Clinic · Main Appointment Schedule')
    expect(listed[0]).toContain(REF)
    expect(listed[1]).toContain('Cancelled')
    expect(second).toBe('lookup-match-1')
    expect(highlighted).toBe('lookup-match-0')
    expect(fake.callsTo('booking:get')).toEqual([{ reference: REF }])
    expect(wrapper.find('[role="listbox"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="lookup-details"]').text()).toContain('Judith Bourke')
  })

  it('says plainly when nothing made at this desk matches, and Enter then looks the text up as a reference', async () => {
    const wrapper = await mountPanel()

    await wrapper.find('#lookup-reference').setValue(REF)
    await flushPromises()
    const said = wrapper.text()
    await wrapper.find('form').trigger('submit')
    await flushPromises()

    expect(said).toContain(`No booking made at this desk matches “${REF}”`)
    expect(fake.callsTo('booking:get')).toEqual([{ reference: REF }])
  })

  it('shows what was sent for a booking whose answer never came, with no cancel button', async () => {
    fake.answer({
      'journal:searchEntries': () =>
        ok({ entries: [sent({ reference: null, outcome: 'unknown' })], total: 1 }),
    })
    const wrapper = await mountPanel()

    await wrapper.find('#lookup-reference').setValue('bourke')
    await flushPromises()
    const listed = wrapper.get('[role="option"]').text()
    await wrapper.find('form').trigger('submit')
    await flushPromises()

    expect(listed).toContain('Outcome unknown')
    expect(listed).toContain('no reference')
    expect(fake.callsTo('booking:get')).toEqual([])
    const details = wrapper.get('[data-testid="lookup-details"]').text()
    expect(details).toContain('No answer came back from OpenVPMS when this was sent')
    expect(details).toContain('Limping since Tuesday')
    expect(wrapper.find('button.fd-danger').exists()).toBe(false)
  })

  it('keeps the answer to the last keystroke when an earlier one arrives late', async () => {
    let releaseFirst: () => void = () => undefined
    fake.answer({
      'journal:searchEntries': ({ query }) =>
        query === 'r'
          ? new Promise((resolve) => {
              releaseFirst = () =>
                resolve(ok({ entries: [sent({ reference: '1:late' })], total: 1 }))
            })
          : ok({ entries: [sent()], total: 1 }),
    })
    const wrapper = await mountPanel()

    await wrapper.find('#lookup-reference').setValue('r')
    await wrapper.find('#lookup-reference').setValue('re')
    await flushPromises()
    releaseFirst()
    await flushPromises()

    expect(wrapper.findAll('[role="option"]').map((option) => option.text())).toHaveLength(1)
    expect(wrapper.get('[role="option"]').text()).toContain(REF)
  })
})

describe('TheLookupPanel: a booking of a course', () => {
  const WEEK = 7 * 86_400_000
  const inCourse: BookingDetails = { ...found, series: { id: 'course-1', index: 2, count: 4 } }

  it('says which appointment of the course it is, and cancelling offers this one or this and all later ones', async () => {
    fake.answer({ 'booking:get': () => ok(inCourse) })
    const wrapper = await mountPanel()
    await lookUp(wrapper)

    await wrapper.find('button.fd-danger').trigger('click')

    expect(wrapper.get('[data-testid="lookup-details"]').text()).toContain(
      'Appointment 2 of 4, booked together at this desk',
    )
    const question = wrapper.get('[aria-label="Confirm cancellation"]')
    expect(question.text()).toContain('Cancel appointment 2 of 4 of this course?')
    expect(question.findAll('button').map((button) => button.text())).toEqual([
      'Cancel this one',
      'Cancel this and all later ones',
      'Keep it',
    ])
  })

  it('"Cancel this one" cancels only the booking on screen', async () => {
    fake.answer({
      'booking:get': () => ok(inCourse),
      'booking:cancel': (request) => ok({ reference: request.reference }),
    })
    const wrapper = await mountPanel()
    await lookUp(wrapper)
    await wrapper.find('button.fd-danger').trigger('click')

    await wrapper.get('[aria-label="Confirm cancellation"] button.fd-danger').trigger('click')
    await flushPromises()

    expect(fake.callsTo('booking:cancel')).toEqual([{ reference: REF }])
    expect(fake.callsTo('booking:cancelSeries')).toEqual([])
  })

  it('lists each later appointment as cancelled, not found, where it stopped, or not tried', async () => {
    const start = inCourse.start
    fake.answer({
      'booking:get': () => ok(inCourse),
      'booking:cancelSeries': () =>
        ok({
          occurrences: [
            { reference: REF, start, status: 'cancelled', message: null },
            {
              reference: '604:week-3',
              start: start + WEEK,
              status: 'gone',
              message: 'OpenVPMS has no booking 604:week-3.',
            },
            {
              reference: '604:week-4',
              start: start + 2 * WEEK,
              status: 'failed',
              message: 'OpenVPMS did not answer in time.',
            },
            { reference: '604:week-5', start: start + 3 * WEEK, status: 'notTried', message: null },
          ],
        }),
    })
    const wrapper = await mountPanel()
    await lookUp(wrapper)
    await wrapper.find('button.fd-danger').trigger('click')

    await wrapper
      .findAll('[aria-label="Confirm cancellation"] button')
      .find((button) => button.text() === 'Cancel this and all later ones')
      ?.trigger('click')
    await flushPromises()

    expect(fake.callsTo('booking:cancelSeries')).toEqual([{ reference: REF }])
    const outcome = wrapper.get('[data-testid="series-cancelled"]')
    expect(outcome.get('[role="status"]').text()).toBe(
      'Cancelling stopped: 1 of 4 cancelled. The later ones were not tried, and nothing is tried again by itself.',
    )
    const column = (name: string) => outcome.findAll(name).map((part) => part.text())
    expect(column('.fd-when')).toEqual([
      'Fri 15 Feb 2030 10:45',
      'Fri 22 Feb 2030 10:45',
      'Fri 1 Mar 2030 10:45',
      'Fri 8 Mar 2030 10:45',
    ])
    expect(column('.fd-status')).toEqual(['Cancelled', 'Not found', 'Stopped here', 'Not tried'])
    expect(column('.fd-message')).toEqual([
      'OpenVPMS has no booking 604:week-3.',
      'OpenVPMS did not answer in time.',
    ])
    expect(outcome.text()).not.toMatch(/failed/i)
  })

  it('offers only "this one" on the course’s last appointment', async () => {
    fake.answer({
      'booking:get': () => ok({ ...inCourse, series: { id: 'course-1', index: 4, count: 4 } }),
    })
    const wrapper = await mountPanel()
    await lookUp(wrapper)

    await wrapper.find('button.fd-danger').trigger('click')

    const question = wrapper.get('[aria-label="Confirm cancellation"]')
    expect(question.text()).toContain('Cancel this booking?')
    expect(question.text()).not.toContain('later')
  })
})
