import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fail, ok } from '../../src/shared/result'
import App from '../../src/renderer/src/App.vue'
import { useCalendarStore } from '../../src/renderer/src/stores/calendar'
import { createFakeApi, type FakeApi } from './helpers/fake-api'
import { installApi } from './helpers/api-module'
import { clinicStatus, dayView, demoStatus, mainClinic, mainDetails } from './helpers/fixtures'

vi.mock('../../src/renderer/src/api', async () => (await import('./helpers/api-module')).apiModule)

let fake: FakeApi

async function mountApp() {
  const pinia = createPinia()
  setActivePinia(pinia)
  const wrapper = mount(App, { global: { plugins: [pinia] }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

const dayLoads = (): { date: string; refresh?: boolean }[] => fake.callsTo('calendar:loadDay')

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] })
  vi.setSystemTime(new Date('2030-02-14T22:00:00Z')) // 09:00 on 15 Feb in Sydney
  localStorage.clear()
  document.body.innerHTML = ''
  fake = createFakeApi({
    'session:getStatus': () => ok(demoStatus),
    'clinic:listLocations': () => ok([mainClinic]),
    'clinic:loadLocation': () => ok(mainDetails),
    'calendar:loadDay': (request) => ok(dayView(request.date)),
    'booking:listJournal': () => ok([]),
  })
  installApi(fake.api)
})

afterEach(() => {
  vi.useRealTimers()
})

describe('App', () => {
  it('opens on today in the location’s zone', async () => {
    await mountApp()

    expect(dayLoads()).toEqual([{ locationId: 98, date: '2030-02-15', scheduleIds: [] }])
  })

  it('refreshes the visible day every 30 seconds and when the window gets the focus', async () => {
    await mountApp()
    const refreshes = (): number => dayLoads().filter((request) => request.refresh === true).length
    const atStart = refreshes()

    vi.advanceTimersByTime(29_999)
    await flushPromises()
    const beforeInterval = refreshes()
    vi.advanceTimersByTime(1)
    await flushPromises()
    const afterInterval = refreshes()
    window.dispatchEvent(new Event('focus'))
    await flushPromises()

    expect([beforeInterval, afterInterval]).toEqual([atStart, atStart + 1])
    // happy-dom hands a window event to its listeners once per phase; a browser does it once.
    expect(refreshes()).toBeGreaterThan(afterInterval)
    expect(dayLoads().at(-1)).toEqual({
      locationId: 98,
      date: '2030-02-15',
      scheduleIds: [],
      refresh: true,
    })
  })

  it('reloads the clinic when the connection changes to another server', async () => {
    await mountApp()
    const locationsBefore = fake.callsTo('clinic:listLocations').length

    fake.emit('session:changed', clinicStatus)
    await flushPromises()

    expect(fake.callsTo('clinic:listLocations').length).toBe(locationsBefore + 1)
    expect(dayLoads().at(-1)).toEqual({ locationId: 98, date: '2030-02-15', scheduleIds: [] })
  })

  it('recovers by itself when the server was down as the desk opened', async () => {
    fake.answer({
      'clinic:listLocations': () => fail('NETWORK', 'Cannot reach vets.example.com.'),
    })
    const wrapper = await mountApp()
    const whileDown = wrapper.get('.fd-board [role="alert"]').text()
    fake.answer({ 'clinic:listLocations': () => ok([mainClinic]) })

    vi.advanceTimersByTime(30_000)
    await flushPromises()

    expect(whileDown).toContain(
      'Could not load the clinic’s schedules: Cannot reach vets.example.com.',
    )
    expect(dayLoads().at(-1)).toEqual({ locationId: 98, date: '2030-02-15', scheduleIds: [] })
    expect(wrapper.findAll('.fd-column')).toHaveLength(2)
  })

  it('reloads the shown day once the password is entered again', async () => {
    fake.answer({ 'session:getStatus': () => ok(clinicStatus) })
    await mountApp()
    await useCalendarStore().show('2030-02-18')
    fake.emit('session:changed', { ...clinicStatus, connected: false })
    await flushPromises()
    const loadsBefore = dayLoads().length

    fake.emit('session:changed', clinicStatus)
    await flushPromises()

    expect(dayLoads().length).toBe(loadsBefore + 1)
    expect(dayLoads().at(-1)).toMatchObject({ date: '2030-02-18' })
  })

  it('says when a kept booking form could not be read back, until dismissed', async () => {
    localStorage.setItem('frontdesk.bookingDraft', '{"phase":"form","draft":')
    const wrapper = await mountApp()

    const notice = wrapper.findAll('[role="status"]').find((el) => el.text().includes('set aside'))
    await notice?.find('button').trigger('click')

    expect(notice?.text()).toContain('could not be read back')
    expect(wrapper.text()).not.toContain('set aside')
    expect(wrapper.find('dialog[open]').exists()).toBe(false)
  })
})
