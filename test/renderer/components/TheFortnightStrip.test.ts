import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import TheFortnightStrip from '../../../src/renderer/src/components/TheFortnightStrip.vue'
import { useCalendarStore } from '../../../src/renderer/src/stores/calendar'
import { useClinicStore } from '../../../src/renderer/src/stores/clinic'
import type { DayView, Fortnight } from '../../../src/shared/domain'
import type { GetFortnightRequest } from '../../../src/shared/ipc-contract'
import { ok, type Result } from '../../../src/shared/result'
import { addDays } from '../../../src/shared/time'
import { createFakeApi, deferred, type FakeApi } from '../helpers/fake-api'
import { installApi } from '../helpers/api-module'
import { dayView, mainClinic, mainDetails, zone } from '../helpers/fixtures'

vi.mock(
  '../../../src/renderer/src/api',
  async () => (await import('../helpers/api-module')).apiModule,
)

// Friday 15 February 2030, 09:00 at the clinic.
const NOW = Date.parse('2030-02-15T09:00:00+11:00')
const TODAY = '2030-02-15'
let fake: FakeApi

const fortnightFor = (request: GetFortnightRequest): Fortnight => ({
  locationId: request.locationId,
  timeZone: zone,
  clinicianId: request.clinicianId,
  loadedAt: NOW,
  days: Array.from({ length: request.days }, (_, index) => {
    const date = addDays(request.fromDate, index)
    // Sunday the 17th is closed; Monday the 18th is booked out; the rest have 5 h 15 min of 10 h free.
    if (date === '2030-02-17') return { date, closed: true, freeMinutes: 0, openMinutes: 0 }
    if (date === '2030-02-18') return { date, closed: false, freeMinutes: 0, openMinutes: 600 }
    return { date, closed: false, freeMinutes: 315, openMinutes: 600 }
  }),
})

async function mountStrip() {
  const pinia = createPinia()
  setActivePinia(pinia)
  await useClinicStore().load()
  useCalendarStore().tick(NOW)
  const wrapper = mount(TheFortnightStrip, {
    global: { plugins: [pinia] },
    attachTo: document.body,
  })
  await useCalendarStore().show(TODAY)
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
    'calendar:getFortnight': (request) => ok(fortnightFor(request)),
  })
  installApi(fake.api)
})

describe('TheFortnightStrip', () => {
  it('names every day with its free time, closed and booked-out days told apart', async () => {
    const wrapper = await mountStrip()

    const options = wrapper.findAll('[role="option"]')
    expect(options).toHaveLength(14)
    expect(options[0]?.get('.fd-visually-hidden').text()).toBe(
      'Today, Friday 15 February: 5 h 15 min free',
    )
    expect(options[0]?.text()).toContain('Today')
    expect(options[2]?.get('.fd-visually-hidden').text()).toBe('Sunday 17 February: closed')
    expect(options[2]?.text()).toContain('closed')
    expect(options[3]?.get('.fd-visually-hidden').text()).toBe('Monday 18 February: nothing free')
    expect(options[3]?.text()).toContain('full')
    expect(wrapper.get('[role="listbox"]').attributes('aria-labelledby')).toBe('fortnight-heading')
    expect(wrapper.get('#fortnight-heading').text()).toBe(
      'Bookable time left for the schedules shown, next 14 days',
    )
  })

  it('asks once the board’s day is in, for the shown schedules from today, and for the clinician booked with', async () => {
    const day = deferred<Result<DayView>>()
    fake.answer({ 'calendar:loadDay': () => day.promise })
    const pinia = createPinia()
    setActivePinia(pinia)
    await useClinicStore().load()
    const calendar = useCalendarStore()
    calendar.tick(NOW)
    mount(TheFortnightStrip, { global: { plugins: [pinia] } })
    const showing = calendar.show(TODAY)
    await flushPromises()

    expect(fake.callsTo('calendar:getFortnight')).toHaveLength(0)
    day.resolve(ok(dayView(TODAY)))
    await showing
    await flushPromises()
    calendar.bookFor(1158)
    await flushPromises()

    expect(fake.callsTo('calendar:getFortnight')).toEqual([
      { locationId: 98, fromDate: TODAY, days: 14, scheduleIds: [], clinicianId: null },
      { locationId: 98, fromDate: TODAY, days: 14, scheduleIds: [], clinicianId: 1158 },
    ])
  })

  it('walks the days with the arrows, one Tab stop, and opens one with Enter', async () => {
    const wrapper = await mountStrip()
    const listbox = wrapper.get('[role="listbox"]')

    expect(wrapper.findAll('[role="option"][tabindex="0"]')).toHaveLength(1)
    await listbox.trigger('keydown', { key: 'ArrowRight' })
    await listbox.trigger('keydown', { key: 'ArrowRight' })
    await flushPromises()
    expect(document.activeElement?.getAttribute('data-date')).toBe('2030-02-17')
    expect(useCalendarStore().date).toBe(TODAY)
    await listbox.trigger('keydown', { key: 'End' })
    await listbox.trigger('keydown', { key: 'Enter' })
    await flushPromises()

    expect(useCalendarStore().date).toBe('2030-02-28')
    expect(wrapper.get('[data-date="2030-02-28"]').attributes('aria-selected')).toBe('true')
  })

  it('shows the later fortnight holding the board’s day, selected, with the way back to today', async () => {
    const wrapper = await mountStrip()
    const calendar = useCalendarStore()

    await calendar.show('2030-03-05')
    await flushPromises()
    const later = {
      asked: fake.callsTo('calendar:getFortnight').at(-1)?.fromDate,
      selected: wrapper.find('[aria-selected="true"]').attributes('data-date'),
      heading: wrapper.get('#fortnight-heading').text(),
      first: wrapper.findAll('[role="option"]')[0]?.text(),
    }
    await wrapper.get('button.fd-strip-back').trigger('click')
    await flushPromises()

    expect(later).toEqual({
      asked: '2030-03-01',
      selected: '2030-03-05',
      heading: 'Bookable time left for the schedules shown, 14 days from Friday 1 March 2030',
      first: expect.stringContaining('Fri 1') as unknown,
    })
    expect(calendar.date).toBe(calendar.today)
    expect(fake.callsTo('calendar:getFortnight').at(-1)?.fromDate).toBe(calendar.today)
    expect(wrapper.get('[aria-selected="true"]').attributes('data-date')).toBe(calendar.today)
    expect(wrapper.find('button.fd-strip-back').exists()).toBe(false)
  })

  it('shows later days on request, up to what main allows', async () => {
    const wrapper = await mountStrip()

    await wrapper.get('button.fd-strip-later').trigger('click')
    await flushPromises()

    expect(wrapper.findAll('[role="option"]')).toHaveLength(28)
    expect(fake.callsTo('calendar:getFortnight').at(-1)?.days).toBe(28)
  })
})
