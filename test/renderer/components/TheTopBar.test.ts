import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { fail, ok } from '../../../src/shared/result'
import TheTopBar from '../../../src/renderer/src/components/TheTopBar.vue'
import { useCalendarStore } from '../../../src/renderer/src/stores/calendar'
import { useClinicStore } from '../../../src/renderer/src/stores/clinic'
import { useSessionStore } from '../../../src/renderer/src/stores/session'
import { createFakeApi, type FakeApi } from '../helpers/fake-api'
import { installApi } from '../helpers/api-module'
import { clinicStatus, dayView, mainClinic, mainDetails } from '../helpers/fixtures'

vi.mock(
  '../../../src/renderer/src/api',
  async () => (await import('../helpers/api-module')).apiModule,
)

let fake: FakeApi

async function mountBar() {
  const pinia = createPinia()
  setActivePinia(pinia)
  await useSessionStore().load()
  return mount(TheTopBar, { global: { plugins: [pinia] } })
}

beforeEach(() => {
  fake = createFakeApi({ 'session:getStatus': () => ok(clinicStatus) })
  installApi(fake.api)
})

describe('TheTopBar', () => {
  it('shows who is connected to which server', async () => {
    const wrapper = await mountBar()

    expect(wrapper.get('.fd-connection').text()).toBe('frontdesk @ vets.example.com')
  })

  it('says a password is needed, not that the server is unreachable, when main has none', async () => {
    const wrapper = await mountBar()

    fake.emit('session:changed', { ...clinicStatus, connected: false })
    await flushPromises()

    expect(wrapper.get('.fd-connection').text()).toBe('Password needed · vets.example.com')
  })

  it('says the server cannot be reached while loads fail on the network, and recovers with them', async () => {
    fake.answer({
      'clinic:listLocations': () => ok([mainClinic]),
      'clinic:loadLocation': () => ok(mainDetails),
      'calendar:loadDay': () => fail('NETWORK', 'Could not reach the OpenVPMS server.'),
    })
    const wrapper = await mountBar()
    await useClinicStore().load()
    await useCalendarStore().show('2030-02-15')
    await flushPromises()
    const whileDown = wrapper.get('.fd-connection').text()
    fake.answer({ 'calendar:loadDay': (request) => ok(dayView(request.date)) })

    await useCalendarStore().load({ refresh: true })
    await flushPromises()

    expect(whileDown).toBe('Cannot reach vets.example.com')
    expect(wrapper.get('.fd-connection').text()).toBe('frontdesk @ vets.example.com')
  })
})
