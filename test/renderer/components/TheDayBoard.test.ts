import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { fail, ok, type Result } from '../../../src/shared/result'
import DayBoardColumn from '../../../src/renderer/src/components/DayBoardColumn.vue'
import TheDayBoard from '../../../src/renderer/src/components/TheDayBoard.vue'
import { useBookingStore } from '../../../src/renderer/src/stores/booking'
import { useCalendarStore } from '../../../src/renderer/src/stores/calendar'
import { useClinicStore } from '../../../src/renderer/src/stores/clinic'
import type { DayView } from '../../../src/shared/domain'
import { createFakeApi, deferred, type FakeApi } from '../helpers/fake-api'
import { installApi } from '../helpers/api-module'
import { at, dayView, mainClinic, mainDetails } from '../helpers/fixtures'

vi.mock(
  '../../../src/renderer/src/api',
  async () => (await import('../helpers/api-module')).apiModule,
)

const DAY = '2030-02-15'
let fake: FakeApi

async function mountBoard() {
  const pinia = createPinia()
  setActivePinia(pinia)
  await useClinicStore().load()
  const wrapper = mount(TheDayBoard, { global: { plugins: [pinia] }, attachTo: document.body })
  await useCalendarStore().show(DAY)
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
  })
  installApi(fake.api)
})

describe('TheDayBoard', () => {
  it('draws one column per schedule, headed by its name and slot size', async () => {
    const wrapper = await mountBoard()

    const headings = wrapper.findAll('.fd-column-heading').map((heading) => heading.text())

    expect(headings).toEqual([
      'Main Appointment Schedule 15-minute slots',
      'Main Surgery Schedule 30-minute slots',
    ])
    expect(wrapper.findAll('.fd-column .fd-column-body').length).toBe(2)
    expect(wrapper.find('h1').text()).toBe('Main Clinic Fri 15 Feb 2030')
  })

  it('draws a schedule without a slot size on an hourly grid and offers nothing on it', async () => {
    fake.answer({
      'clinic:loadLocation': () =>
        ok({
          ...mainDetails,
          schedules: mainDetails.schedules.map((schedule) =>
            schedule.id === 211 ? { ...schedule, slotSize: 0 } : schedule,
          ),
        }),
    })
    const wrapper = await mountBoard()

    const headings = wrapper.findAll('.fd-column-heading').map((heading) => heading.text())
    const surgery = wrapper.get('section[data-schedule-id="211"]')
    const keys = surgery.get('[role="listbox"]')
    await keys.trigger('keydown', { key: 'ArrowDown' })
    await keys.trigger('keydown', { key: 'Enter' })

    expect(headings).toEqual([
      'Main Appointment Schedule 15-minute slots',
      'Main Surgery Schedule no slot size: not bookable',
    ])
    const rows = surgery.findAll('.fd-slot').map((row) => row.attributes('data-time'))
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.every((time) => time?.endsWith(':00:00'))).toBe(true)
    expect(useBookingStore().phase).toBe('closed')
  })

  it('toggles a clinician’s availability, showing their colour, and books with a chosen clinician', async () => {
    const wrapper = await mountBoard()
    const chip = wrapper.get('.fd-clinician-chip')

    await chip.trigger('click')
    await wrapper.get('.fd-booking-clinician select').setValue('1159')

    expect(chip.attributes('aria-pressed')).toBe('true')
    expect((chip.get('.fd-swatch').element as HTMLElement).style.background).toContain('#1565c0')
    expect(useCalendarStore().shownClinicians).toEqual([1158])
    expect(useCalendarStore().bookingClinicianId).toBe(1159)
    expect(wrapper.get('.fd-booking-hint').text()).toBe(
      'Chris Barton is not available on this day: choose another day or any clinician.',
    )
  })

  it('says where a day could not be loaded, with a way to try again', async () => {
    fake.answer({
      'calendar:loadDay': () => fail('NETWORK', 'vets.example.com cannot be reached.'),
    })
    const wrapper = await mountBoard()

    const alert = wrapper.find('[role="alert"]')

    expect(alert.text()).toContain('Could not load this day: vets.example.com cannot be reached.')
    expect(alert.find('button').text()).toBe('Try again')
  })

  it('never leaves the previous day’s times under the heading of a day that failed to load', async () => {
    const wrapper = await mountBoard()
    const next = deferred<Result<DayView>>()
    fake.answer({ 'calendar:loadDay': () => next.promise })

    const moving = useCalendarStore().shift(1)
    await flushPromises()
    const column = wrapper.get('section[data-schedule-id="136"] [role="listbox"]')
    await column.trigger('keydown', { key: 'ArrowDown' })
    await column.trigger('keydown', { key: 'Enter' })
    const whileLoading = useBookingStore().phase
    next.resolve(fail('TIMEOUT', 'vets.example.com did not answer in time.'))
    await moving
    await flushPromises()

    expect(whileLoading).toBe('closed')
    expect(wrapper.find('h1').text()).toBe('Main Clinic Sat 16 Feb 2030')
    expect(wrapper.find('[role="alert"]').text()).toContain('did not answer in time')
    expect(wrapper.find('.fd-column').exists()).toBe(false)
  })

  it('books from the keyboard: the first Down goes to the first free slot, Up and Down walk the rows, Enter books', async () => {
    const wrapper = await mountBoard()
    await wrapper.get('.fd-booking-clinician select').setValue('1158')
    const column = wrapper.get('section[data-schedule-id="136"] [role="listbox"]')

    await column.trigger('keydown', { key: 'ArrowDown' })
    await column.trigger('keydown', { key: 'ArrowDown' })
    await column.trigger('keydown', { key: 'ArrowUp' })
    const said = column.get('[role="option"][aria-selected="true"]').text()
    await column.trigger('keydown', { key: 'Enter' })

    expect(column.attributes('aria-label')).toBe(
      'Times of Main Appointment Schedule, Friday 15 February',
    )
    expect(said).toBe('Main Appointment Schedule, 11:30 to 11:45, free, Andrew Turner available')
    expect(useBookingStore().phase).toBe('type')
    expect(useBookingStore().selection).toEqual({
      scheduleId: 136,
      start: at(DAY, '11:30'),
      end: at(DAY, '11:45'),
    })
  })

  it('goes on from the row it booked once the dialog has closed; the first Page Down goes to the first free slot', async () => {
    const wrapper = await mountBoard()
    const column = wrapper.get('section[data-schedule-id="136"] [role="listbox"]')
    const current = (): string => column.get('[role="option"][aria-selected="true"]').text()

    await column.trigger('keydown', { key: 'PageDown' })
    const first = current()
    await column.trigger('keydown', { key: 'Enter' })
    useBookingStore().close()
    ;(wrapper.vm as unknown as { unselectAll(): void }).unselectAll()
    await column.trigger('keydown', { key: 'PageDown' })

    expect(first).toBe('Main Appointment Schedule, 09:00 to 09:15, free')
    expect(current()).toBe('Main Appointment Schedule, 10:00 to 10:15, free')
  })

  it('names every row of a schedule’s day, and books none but a free one', async () => {
    const wrapper = await mountBoard()
    const column = wrapper.get('section[data-schedule-id="136"] [role="listbox"]')
    const names = column.findAll('[role="option"]').map((option) => option.text())

    await column.trigger('keydown', { key: 'ArrowDown' })
    for (let row = 0; row < 7; row++) await column.trigger('keydown', { key: 'ArrowDown' })
    const booked = column.get('[role="option"][aria-selected="true"]')
    await column.trigger('keydown', { key: 'Enter' })

    expect(names).toContain('Main Appointment Schedule, 08:00 to 08:15, closed')
    expect(names).toContain('Main Appointment Schedule, 09:00 to 09:15, free')
    expect(booked.text()).toBe('Main Appointment Schedule, 10:45 to 11:00, booked')
    expect(booked.attributes('aria-disabled')).toBe('true')
    expect(useBookingStore().phase).toBe('closed')
  })

  it('says when a shown day could not be refreshed, and as of when it is shown', async () => {
    const wrapper = await mountBoard()
    fake.answer({
      'calendar:loadDay': () => fail('SERVER', 'The OpenVPMS server had a problem (HTTP 500).'),
    })

    await useCalendarStore().load({ refresh: true })
    await flushPromises()

    expect(wrapper.get('[role="alert"]').text()).toContain(
      'Could not refresh this day, so it is shown as it was at 08:00: The OpenVPMS server had a problem (HTTP 500).',
    )
    expect(wrapper.findAll('.fd-column')).toHaveLength(2)
  })

  it('shows progress from the first moment, before the clinic has started loading', () => {
    setActivePinia(createPinia())

    const wrapper = mount(TheDayBoard, { attachTo: document.body })

    expect(wrapper.get('.fd-progress').text()).toBe('Loading the day…')
  })

  it('offers no pointless Try again while the password is needed', async () => {
    fake.answer({
      'calendar:loadDay': () =>
        fail('NOT_CONNECTED', 'Not connected: enter the password for frontdesk to connect.'),
    })
    const wrapper = await mountBoard()

    const alert = wrapper.get('[role="alert"]')

    expect(alert.text()).toContain('enter the password for frontdesk')
    expect(alert.find('button').exists()).toBe(false)
  })
})

describe('TheDayBoard while the server cannot be reached', () => {
  const kept = (date: string): DayView => ({
    ...dayView(date),
    offline: {
      since: at(date, '10:00'),
      reason: 'Could not reach the OpenVPMS server at vets.example.com.',
    },
  })
  const selection = { scheduleId: 136, start: at(DAY, '12:00'), end: at(DAY, '12:15') }

  it('says the day shown is the one last loaded, as of when, and why', async () => {
    fake.answer({ 'calendar:loadDay': (request) => ok(kept(request.date)) })
    const wrapper = await mountBoard()

    const banner = wrapper.get('.fd-offline')

    expect(banner.attributes('role')).toBe('status')
    expect(banner.text()).toContain('As of Fri 15 Feb 2030 08:00, server unreachable.')
    expect(banner.text()).toContain('booking is paused')
    expect(banner.text()).toContain('Could not reach the OpenVPMS server at vets.example.com.')
    expect(wrapper.get('.fd-columns').classes()).toContain('fd-read-only')
  })

  it('books nothing from a kept day, and books again once main sends the live one', async () => {
    fake.answer({ 'calendar:loadDay': (request) => ok(kept(request.date)) })
    const wrapper = await mountBoard()
    const booking = useBookingStore()
    const calendar = useCalendarStore()
    calendar.listen()

    wrapper.findComponent(DayBoardColumn).vm.$emit('select', selection)
    const whileDown = booking.phase
    fake.emit('calendar:dayUpdated', dayView(DAY))
    await flushPromises()
    wrapper.findComponent(DayBoardColumn).vm.$emit('select', selection)

    expect(whileDown).toBe('closed')
    expect(wrapper.find('.fd-offline').exists()).toBe(false)
    expect(booking.phase).toBe('type')
  })

  it('keys the board as read-only while down, and as bookable again once the live day is back', async () => {
    fake.answer({ 'calendar:loadDay': (request) => ok(kept(request.date)) })
    const wrapper = await mountBoard()
    const calendar = useCalendarStore()
    calendar.listen()
    const whileDown = wrapper.get('.fd-board-legend').text()

    fake.emit('calendar:dayUpdated', dayView(DAY))
    await flushPromises()

    expect(whileDown).toContain('free when last loaded')
    expect(whileDown).toContain('Nothing can be booked until the server answers')
    expect(whileDown).not.toContain('to book')
    expect(wrapper.get('.fd-board-legend').text()).toContain('Click or drag on free time to book')
  })
})
