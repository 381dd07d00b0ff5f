import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ok } from '../../../src/shared/result'
import TheNextAvailable from '../../../src/renderer/src/components/TheNextAvailable.vue'
import { useBookingStore } from '../../../src/renderer/src/stores/booking'
import { useCalendarStore } from '../../../src/renderer/src/stores/calendar'
import { useClinicStore } from '../../../src/renderer/src/stores/clinic'
import { createFakeApi, type FakeApi } from '../helpers/fake-api'
import { installApi } from '../helpers/api-module'
import {
  at,
  branchClinic,
  dayView,
  mainClinic,
  mainDetails,
  resultOf,
  suggestionAt,
} from '../helpers/fixtures'

vi.mock(
  '../../../src/renderer/src/api',
  async () => (await import('../helpers/api-module')).apiModule,
)

let fake: FakeApi
const suggestion = suggestionAt({
  scheduleId: 211,
  appointmentTypeId: 76,
  start: at('2030-02-18', '14:00'),
  end: at('2030-02-18', '15:00'),
  clinicianId: 1158,
})
const branchDetails = {
  location: branchClinic,
  schedules: [
    {
      id: 301,
      name: 'Consult Room 1',
      slotSize: 15,
      appointmentTypes: [{ id: 81, name: 'Vaccination', slots: 1 }],
    },
  ],
  clinicians: [{ id: 1158, name: 'Andrew Turner' }],
}

beforeEach(() => {
  localStorage.clear()
  fake = createFakeApi({
    'clinic:listLocations': () => ok([mainClinic, branchClinic]),
    'clinic:loadLocation': (request) =>
      ok(request.locationId === 106 ? branchDetails : mainDetails),
    'calendar:loadDay': (request) => ok(dayView(request.date)),
    'calendar:findNextAvailable': () => ok(resultOf([suggestion], '2030-02-18', 9)),
  })
  installApi(fake.api)
})

async function mountPanel() {
  const pinia = createPinia()
  setActivePinia(pinia)
  await useClinicStore().load()
  const wrapper = mount(TheNextAvailable, { global: { plugins: [pinia] }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

describe('TheNextAvailable', () => {
  it('finds times for a type and clinician, and a chosen time opens the form on its day', async () => {
    const wrapper = await mountPanel()
    await wrapper.get('#next-type').setValue('76')
    await wrapper.get('#next-clinician').setValue('1158')

    await wrapper.get('form[aria-label="Search filters"]').trigger('submit')
    await flushPromises()
    const offered = wrapper.get('.fd-suggestion')
    const label = offered.text().replace(/\s+/g, ' ')
    await offered.trigger('click')
    await flushPromises()

    expect(fake.callsTo('calendar:findNextAvailable')[0]).toMatchObject({
      locationId: 98,
      appointmentTypeId: 76,
      clinicianId: 1158,
    })
    expect(wrapper.get('.fd-result-day h3').text()).toBe('Mon 18 Feb 2030 9 free')
    expect(label).toBe(
      '14:00–15:00 Main Surgery Schedule Main Clinic · New Patient · Andrew Turner',
    )
    expect(wrapper.text()).toContain('8 more on Mon 18 Feb 2030')
    expect(useCalendarStore().date).toBe('2030-02-18')
    expect(useBookingStore().phase).toBe('form')
    expect(useBookingStore().draft).toMatchObject({
      locationId: 98,
      scheduleId: 211,
      appointmentTypeId: 76,
      clinicianId: 1158,
    })
  })

  it('fills the filters from the phrase, shows them, and puts the focus on the best time', async () => {
    const wrapper = await mountPanel()

    await wrapper.get('#next-phrase').setValue('vacc tomorrow pm turner all locations rex')
    await wrapper.get('form[role="search"]').trigger('submit')
    await flushPromises()

    const request = fake.callsTo('calendar:findNextAvailable')[0]
    expect(request).toMatchObject({
      locationId: null,
      appointmentTypeId: 81,
      clinicianId: 1158,
      window: { from: 12 * 60, to: 17 * 60 },
    })
    expect((wrapper.get('#next-type').element as HTMLSelectElement).value).toBe('81')
    expect((wrapper.get('#next-clinician').element as HTMLSelectElement).value).toBe('1158')
    expect((wrapper.get('#next-location').element as HTMLSelectElement).value).toBe('all')
    expect((wrapper.get('#next-part').element as HTMLSelectElement).value).toBe('afternoon')
    expect((wrapper.get('#next-from').element as HTMLInputElement).value).toBe(request?.fromDate)
    expect(wrapper.text()).toContain('Not used: “rex”.')
    expect(document.activeElement).toBe(wrapper.get('.fd-suggestion').element)
    wrapper.unmount()
  })

  it('drops the times found when a filter changes: they belong to the search that made them', async () => {
    const wrapper = await mountPanel()
    await wrapper.get('form[aria-label="Search filters"]').trigger('submit')
    await flushPromises()
    expect(wrapper.findAll('.fd-suggestion')).toHaveLength(1)

    await wrapper.get('#next-location').setValue('106')
    await flushPromises()

    expect(wrapper.findAll('.fd-suggestion')).toHaveLength(0)
  })

  it('drops the times found when the board moves to another location', async () => {
    const wrapper = await mountPanel()
    await wrapper.get('form[aria-label="Search filters"]').trigger('submit')
    await flushPromises()

    await useClinicStore().select(106)
    await flushPromises()

    expect(wrapper.findAll('.fd-suggestion')).toHaveLength(0)
    expect((wrapper.get('#next-location').element as HTMLSelectElement).value).toBe('106')
    expect((wrapper.get('#next-type').element as HTMLSelectElement).value).toBe('81')
  })

  it('a time at another location moves the board there and books it there', async () => {
    const branchTime = {
      ...suggestionAt({ start: at('2030-02-18', '08:00'), end: at('2030-02-18', '08:15') }),
      locationId: 106,
      scheduleId: 301,
      appointmentTypeId: 81,
      names: {
        location: 'Branch Clinic',
        schedule: 'Consult Room 1',
        type: 'Vaccination',
        clinician: null,
      },
    }
    fake.answer({ 'calendar:findNextAvailable': () => ok(resultOf([branchTime], '2030-02-18')) })
    const wrapper = await mountPanel()
    await wrapper.get('#next-location').setValue('all')
    await wrapper.get('form[aria-label="Search filters"]').trigger('submit')
    await flushPromises()

    expect(wrapper.get('.fd-suggestion').text()).toContain(
      'Branch Clinic · Vaccination · any clinician',
    )
    await wrapper.get('.fd-suggestion').trigger('click')
    await flushPromises()

    expect(useClinicStore().locationId).toBe(106)
    expect(useBookingStore().draft).toMatchObject({ locationId: 106, scheduleId: 301 })
  })
})

describe('TheNextAvailable phrase at a location without what it names', () => {
  it('searches the location that has the type, and says so', async () => {
    const pinia = createPinia()
    setActivePinia(pinia)
    localStorage.setItem('frontdesk.locationId', '98')
    await useClinicStore().load()
    const wrapper = mount(TheNextAvailable, { global: { plugins: [pinia] } })
    await flushPromises()

    await wrapper.get('#next-phrase').setValue('vaccination tomorrow')
    await wrapper.get('form[role="search"]').trigger('submit')
    await flushPromises()

    expect(fake.callsTo('calendar:findNextAvailable')[0]).toMatchObject({
      locationId: 106,
      appointmentTypeId: 81,
    })
    expect(wrapper.text()).toContain('Vaccination: not at Main Clinic, searching Branch Clinic.')
  })
})
