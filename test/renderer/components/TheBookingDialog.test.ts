import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { fail, ok, type Result } from '../../../src/shared/result'
import type { BookingConfirmation } from '../../../src/shared/domain'
import TheBookingDialog from '../../../src/renderer/src/components/TheBookingDialog.vue'
import { useBookingStore } from '../../../src/renderer/src/stores/booking'
import { useCalendarStore } from '../../../src/renderer/src/stores/calendar'
import { useClinicStore } from '../../../src/renderer/src/stores/clinic'
import { createFakeApi, deferred, type FakeApi } from '../helpers/fake-api'
import { installApi } from '../helpers/api-module'
import { at, dayView, mainClinic, mainDetails, suggestionAt } from '../helpers/fixtures'

vi.mock(
  '../../../src/renderer/src/api',
  async () => (await import('../helpers/api-module')).apiModule,
)

const DAY = '2030-02-15'
let fake: FakeApi

async function openForm(start = '10:15') {
  const pinia = createPinia()
  setActivePinia(pinia)
  await useClinicStore().load()
  await useCalendarStore().show(DAY)
  const wrapper = mount(TheBookingDialog, { global: { plugins: [pinia] }, attachTo: document.body })
  useBookingStore().begin({
    scheduleId: 136,
    start: at(DAY, start),
    end: at(DAY, start) + 15 * 60_000,
  })
  await flushPromises()
  return wrapper
}

beforeEach(() => {
  localStorage.clear()
  document.body.innerHTML = ''
  fake = createFakeApi({
    'clinic:listLocations': () => ok([mainClinic]),
    'clinic:loadLocation': () => ok(mainDetails),
    'calendar:loadDay': (request) => ok(dayView(request.date)),
    'booking:listJournal': () => ok([]),
  })
  installApi(fake.api)
})

describe('TheBookingDialog', () => {
  it('offers the schedule’s types with their length, and marks the ones that do not fit before the next booking', async () => {
    const wrapper = await openForm()

    const types = wrapper
      .findAll('.fd-type')
      .map((button) => [
        button.find('strong').text(),
        button.find('span').text(),
        button.attributes('disabled'),
      ])

    expect(types).toEqual([
      ['Short Consult', '15 min · 10:15–10:30', undefined],
      ['Standard Consult', '15 min · 10:15–10:30', undefined],
      ['Long Consult', '30 min · 10:15–10:45', undefined],
    ])
    useBookingStore().begin({ scheduleId: 136, start: at(DAY, '10:30'), end: at(DAY, '10:45') })
    await flushPromises()
    expect(wrapper.findAll('.fd-type')[2]?.text()).toContain('does not fit in the free time here')
  })

  it('shows each field error beside its field, announced with it', async () => {
    const wrapper = await openForm()
    await wrapper.findAll('.fd-type')[0]!.trigger('click')

    await wrapper.find('form').trigger('submit')
    await flushPromises()

    const firstName = wrapper.find('#booking-firstName')
    expect(firstName.attributes('aria-invalid')).toBe('true')
    expect(firstName.attributes('aria-describedby')).toBe('booking-firstName-error')
    expect(wrapper.find('#booking-firstName-error').text()).toBe('First name is required.')
    expect(wrapper.find('#booking-lastName-error').text()).toBe('Last name is required.')
    expect(fake.callsTo('booking:create')).toEqual([])
  })

  it('on a conflict keeps what was typed and offers the nearest free times', async () => {
    fake.answer({
      'booking:create': () =>
        fail('CONFLICT', 'An appointment is already scheduled for that time.', {
          alternatives: [
            suggestionAt({
              scheduleId: 136,
              appointmentTypeId: 79,
              start: at(DAY, '11:30'),
              end: at(DAY, '11:45'),
              clinicianId: null,
            }),
          ],
        }),
    })
    const wrapper = await openForm()
    await wrapper.findAll('.fd-type')[0]!.trigger('click')
    await wrapper.find('#booking-firstName').setValue('Judith')
    await wrapper.find('#booking-lastName').setValue('Bourke')

    await wrapper.find('form').trigger('submit')
    await flushPromises()
    const alert = wrapper.find('.fd-error')
    const alternative = wrapper.find('.fd-alternatives button')
    await alternative.trigger('click')
    await flushPromises()

    expect(alert.text()).toContain(
      'An appointment is already scheduled for that time. Your details are kept',
    )
    expect(alternative.text()).toBe('Fri 15 Feb 2030 11:30 · Main Appointment Schedule')
    expect((wrapper.find('#booking-firstName').element as HTMLInputElement).value).toBe('Judith')
    expect(wrapper.find('.fd-summary').text()).toContain('11:30–11:45')
  })

  it('disables Confirm while the booking is on its way, so a double click or Enter sends it once', async () => {
    const answer = deferred<Result<BookingConfirmation>>()
    fake.answer({ 'booking:create': () => answer.promise })
    const wrapper = await openForm()
    await wrapper.findAll('.fd-type')[0]!.trigger('click')
    await wrapper.find('#booking-firstName').setValue('Judith')
    await wrapper.find('#booking-lastName').setValue('Bourke')

    await wrapper.find('form').trigger('submit')
    await wrapper.find('form').trigger('submit')
    const confirm = wrapper.find('button[type="submit"]')
    const whileSending = { disabled: confirm.attributes('disabled'), text: confirm.text() }
    answer.resolve(fail('CONFLICT', 'Taken.'))
    await flushPromises()

    expect(whileSending).toEqual({ disabled: '', text: 'Booking…' })
    expect(wrapper.find('.fd-progress').exists()).toBe(false)
    expect(fake.callsTo('booking:create')).toHaveLength(1)
  })

  it('lists a server error about a field the form does not show', async () => {
    fake.answer({
      'booking:create': () =>
        fail('VALIDATION', 'OpenVPMS refused the booking.', {
          fieldErrors: [{ field: 'end', message: 'The end is not on a slot boundary.' }],
        }),
    })
    const wrapper = await openForm()
    await wrapper.findAll('.fd-type')[0]!.trigger('click')
    await wrapper.find('#booking-firstName').setValue('Judith')
    await wrapper.find('#booking-lastName').setValue('Bourke')

    await wrapper.find('form').trigger('submit')
    await flushPromises()

    const alert = wrapper.find('.fd-error')
    expect(alert.find('p').text()).toBe('OpenVPMS refused the booking.')
    expect(alert.findAll('li').map((item) => item.text())).toEqual([
      'The end is not on a slot boundary.',
    ])
  })

  it('says plainly what main found when the outcome is unknown, without contradicting it', async () => {
    const found =
      'No answer came back from OpenVPMS, and the time is still free: the booking did not go through; you can try again.'
    fake.answer({ 'booking:create': () => fail('OUTCOME_UNKNOWN', found) })
    const wrapper = await openForm()
    await wrapper.findAll('.fd-type')[0]!.trigger('click')
    await wrapper.find('#booking-firstName').setValue('Judith')
    await wrapper.find('#booking-lastName').setValue('Bourke')

    await wrapper.find('form').trigger('submit')
    await flushPromises()

    expect(wrapper.find('.fd-unknown').text()).toBe(found)
    expect((wrapper.find('#booking-firstName').element as HTMLInputElement).value).toBe('Judith')
  })

  it('shows the reference large, with the read-back of what was booked', async () => {
    fake.answer({
      'booking:create': ({ draft }) =>
        ok({ reference: '1234:0d3f0b5e-1afb-11e6-be41-3dbaef689d97', draft, createdAt: 1 }),
    })
    const wrapper = await openForm('11:30')
    await wrapper.findAll('.fd-type')[2]!.trigger('click')
    await wrapper.find('#booking-firstName').setValue('Judith')
    await wrapper.find('#booking-lastName').setValue('Bourke')
    await wrapper.find('#booking-clinician').setValue('1158')

    await wrapper.find('form').trigger('submit')
    await flushPromises()

    expect(wrapper.find('[data-testid="booking-reference"]').text()).toBe(
      '1234:0d3f0b5e-1afb-11e6-be41-3dbaef689d97',
    )
    const readBack = wrapper.find('.fd-confirmed .fd-summary').text()
    for (const part of [
      'Fri 15 Feb 2030',
      '11:30–12:00',
      'Main Appointment Schedule',
      'Long Consult',
      'Andrew Turner',
    ])
      expect(readBack).toContain(part)
  })
})
