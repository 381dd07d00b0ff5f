import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { fail, ok } from '../../../src/shared/result'
import TheTopBar from '../../../src/renderer/src/components/TheTopBar.vue'
import { formatDay } from '../../../src/renderer/src/dates'
import { deskDateRange } from '../../../src/shared/time'
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

  it('says an unanswered load is an unreachable server, and a certificate failure is not', async () => {
    fake.answer({
      'clinic:listLocations': () => ok([mainClinic]),
      'clinic:loadLocation': () => ok(mainDetails),
      'calendar:loadDay': () => fail('TIMEOUT', 'The OpenVPMS server did not answer in time.'),
    })
    const wrapper = await mountBar()
    await useClinicStore().load()
    await useCalendarStore().show('2030-02-15')
    await flushPromises()
    const timedOut = wrapper.get('.fd-connection').text()
    fake.answer({
      'calendar:loadDay': () => fail('TLS', 'The secure connection to vets.example.com failed.'),
    })

    await useCalendarStore().load({ refresh: true })
    await flushPromises()

    expect(timedOut).toBe('Cannot reach vets.example.com')
    expect(wrapper.get('.fd-connection').text()).toBe('Secure connection failed · vets.example.com')
    expect(wrapper.get('.fd-connection').attributes('title')).toBe(
      'The secure connection to vets.example.com failed.',
    )
  })

  it('says the server cannot be reached while the board shows the day as last loaded', async () => {
    const kept = {
      ...dayView('2030-02-15'),
      offline: { since: 0, reason: 'Could not reach the OpenVPMS server at vets.example.com.' },
    }
    fake.answer({
      'clinic:listLocations': () => ok([mainClinic]),
      'clinic:loadLocation': () => ok(mainDetails),
      'calendar:loadDay': () => ok(kept),
    })
    const wrapper = await mountBar()
    await useClinicStore().load()
    const calendar = useCalendarStore()
    calendar.listen()
    await calendar.show('2030-02-15')
    await flushPromises()
    const whileDown = wrapper.get('.fd-connection')
    const [label, title] = [whileDown.text(), whileDown.attributes('title')]

    fake.emit('calendar:dayUpdated', dayView('2030-02-15'))
    await flushPromises()

    expect(label).toBe('Cannot reach vets.example.com')
    expect(title).toBe('Could not reach the OpenVPMS server at vets.example.com.')
    expect(wrapper.get('.fd-connection').text()).toBe('frontdesk @ vets.example.com')
  })
})

describe('TheTopBar date field', () => {
  async function mountWithDay() {
    fake.answer({
      'clinic:listLocations': () => ok([mainClinic]),
      'clinic:loadLocation': () => ok(mainDetails),
      'calendar:loadDay': (request) => ok(dayView(request.date)),
    })
    const wrapper = await mountBar()
    await useClinicStore().load()
    await useCalendarStore().show('2027-03-10')
    await flushPromises()
    return wrapper
  }
  const loadedDates = () => fake.callsTo('calendar:loadDay').map((request) => request.date)

  it('loads nothing while a date is typed digit by digit, then the whole date on Enter', async () => {
    const wrapper = await mountWithDay()
    const field = wrapper.get('input[type="date"]')
    const before = loadedDates().length

    // Chromium changes the value at every digit of 01/05/2027: 2 Jan 0002, 0020, 0202, then 2027.
    for (const value of ['0002-01-05', '0020-01-05', '0202-01-05', '2027-01-05']) {
      await field.trigger('keydown', { key: '2' })
      await field.setValue(value)
    }
    await flushPromises()
    const whileTyping = loadedDates().slice(before)
    await field.trigger('keydown', { key: 'Enter' })
    await flushPromises()

    expect(whileTyping).toEqual([])
    expect(loadedDates().slice(before)).toEqual(['2027-01-05'])
  })

  it('names the day in words beside the field, and the field is described by them', async () => {
    const wrapper = await mountWithDay()

    expect(wrapper.get('#date-words').text()).toBe('Wednesday 10 March 2027')
    expect(wrapper.get('input[type="date"]').attributes('aria-describedby')).toBe('date-words')
  })

  it('loads a typed date when the field is left, and a picker choice at once', async () => {
    const wrapper = await mountWithDay()
    const field = wrapper.get('input[type="date"]')
    const before = loadedDates().length

    await field.trigger('keydown', { key: '1' })
    await field.setValue('2027-04-01')
    await field.trigger('blur')
    await flushPromises()
    await field.trigger('pointerdown')
    await field.setValue('2027-04-02')
    await flushPromises()

    expect(loadedDates().slice(before)).toEqual(['2027-04-01', '2027-04-02'])
  })

  it('refuses a date outside two years back and five ahead, or a five-digit year, saying which days it takes', async () => {
    const wrapper = await mountWithDay()
    const field = wrapper.get('input[type="date"]')
    const before = loadedDates().length
    const { min, max } = deskDateRange(useCalendarStore().today ?? '')

    await field.trigger('keydown', { key: '1' })
    await field.setValue('20271-01-05')
    await field.trigger('keydown', { key: 'Enter' })
    await flushPromises()
    const fiveDigits = wrapper.get('#date-error').text()
    await field.trigger('keydown', { key: '9' })
    await field.setValue('9999-12-31')
    await field.trigger('blur')
    await flushPromises()

    expect(loadedDates().slice(before)).toEqual([])
    expect(fiveDigits).toBe(`Type a whole date from ${formatDay(min)} to ${formatDay(max)}.`)
    expect(wrapper.get('#date-error').text()).toContain('Type a whole date from')
    expect(field.attributes('min')).toBe(min)
    expect(field.attributes('max')).toBe(max)
    expect((field.element as HTMLInputElement).value).toBe('2027-03-10')
  })
})
