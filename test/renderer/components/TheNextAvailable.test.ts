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
import { at, dayView, mainClinic, mainDetails } from '../helpers/fixtures'

vi.mock(
  '../../../src/renderer/src/api',
  async () => (await import('../helpers/api-module')).apiModule,
)

let fake: FakeApi
const suggestion = {
  scheduleId: 211,
  appointmentTypeId: 76,
  start: at('2030-02-18', '14:00'),
  end: at('2030-02-18', '15:00'),
  clinicianId: 1158,
}

beforeEach(() => {
  localStorage.clear()
  fake = createFakeApi({
    'clinic:listLocations': () => ok([mainClinic]),
    'clinic:loadLocation': () => ok(mainDetails),
    'calendar:loadDay': (request) => ok(dayView(request.date)),
    'calendar:findNextAvailable': () => ok([suggestion]),
  })
  installApi(fake.api)
})

describe('TheNextAvailable', () => {
  it('finds times for a type and clinician, and a chosen time opens the form on its day', async () => {
    const pinia = createPinia()
    setActivePinia(pinia)
    await useClinicStore().load()
    const wrapper = mount(TheNextAvailable, { global: { plugins: [pinia] } })
    await wrapper.get('#next-type').setValue('76')
    await wrapper.get('#next-clinician').setValue('1158')

    await wrapper.get('form').trigger('submit')
    await flushPromises()
    const offered = wrapper.get('.fd-suggestions button')
    const label = offered.text()
    await offered.trigger('click')
    await flushPromises()

    expect(fake.callsTo('calendar:findNextAvailable')[0]).toMatchObject({
      locationId: 98,
      appointmentTypeId: 76,
      clinicianId: 1158,
    })
    expect(label).toBe('Mon 18 Feb 2030, 14:00–15:00 Main Surgery Schedule')
    expect(useCalendarStore().date).toBe('2030-02-18')
    expect(useBookingStore().phase).toBe('form')
    expect(useBookingStore().draft).toMatchObject({
      scheduleId: 211,
      appointmentTypeId: 76,
      clinicianId: 1158,
    })
  })
})
