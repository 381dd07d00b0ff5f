import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { BookingDraft, JournalEntry } from '../../../src/shared/domain'
import { fail, ok } from '../../../src/shared/result'
import TheJournalPanel from '../../../src/renderer/src/components/TheJournalPanel.vue'
import { useJournalStore } from '../../../src/renderer/src/stores/journal'
import { useClinicStore } from '../../../src/renderer/src/stores/clinic'
import { createFakeApi, type FakeApi } from '../helpers/fake-api'
import { installApi } from '../helpers/api-module'
import { at, mainClinic, mainDetails } from '../helpers/fixtures'

vi.mock(
  '../../../src/renderer/src/api',
  async () => (await import('../helpers/api-module')).apiModule,
)

const draft: BookingDraft = {
  locationId: 98,
  scheduleId: 136,
  appointmentTypeId: 66,
  start: at('2030-02-15', '09:00'),
  end: at('2030-02-15', '09:15'),
  title: '',
  firstName: 'Judith',
  lastName: 'Bourke',
  mobile: '',
  phone: '',
  email: '',
  patientName: 'Muffett',
  notes: '',
  clinicianId: null,
}
const entry = (
  reference: string | null,
  submittedAt: number,
  outcome: JournalEntry['outcome'],
): JournalEntry => ({
  reference,
  draft,
  submittedAt,
  outcome,
  message: outcome === 'unknown' ? 'No answer came back.' : null,
})
/** Submitted today: the panel lists today's entries of the journal main sends. */
const today = (ms: number): number => Date.now() - 10_000 + ms
let fake: FakeApi

beforeEach(() => {
  localStorage.clear()
  fake = createFakeApi({
    'clinic:listLocations': () => ok([mainClinic]),
    'clinic:loadLocation': () => ok(mainDetails),
    'booking:get': () => fail('NOT_FOUND', 'Booking not found'),
  })
  installApi(fake.api)
})

async function mountPanel(entries: JournalEntry[]) {
  fake.answer({ 'booking:listJournal': () => ok(entries) })
  const pinia = createPinia()
  setActivePinia(pinia)
  await useClinicStore().load()
  await useJournalStore().load()
  const wrapper = mount(TheJournalPanel, { global: { plugins: [pinia] } })
  await flushPromises()
  return wrapper
}

describe('TheJournalPanel', () => {
  it('lists today’s bookings newest first, with what happened to each', async () => {
    const wrapper = await mountPanel([
      entry('1:a', today(1_000), 'booked'),
      entry(null, today(2_000), 'unknown'),
    ])

    const items = wrapper.findAll('li').map((item) => item.find('.fd-outcome').text())

    expect(items).toEqual(['Outcome unknown', 'Booked'])
    expect(wrapper.get('.fd-message-problem').text()).toBe('No answer came back.')
    expect(wrapper.text()).toContain('Judith Bourke (Muffett)')
    expect(wrapper.text()).toContain('Fri 15 Feb 2030 09:00 · Main Appointment Schedule')
  })

  it('looks a booking up from its reference', async () => {
    const wrapper = await mountPanel([
      entry('603:be08f3c6-1afb-11e6-be41-3dbaef689d97', today(1_000), 'booked'),
    ])

    await wrapper.get('button.fd-ref').trigger('click')
    await flushPromises()

    expect(fake.callsTo('booking:get')).toEqual([
      { reference: '603:be08f3c6-1afb-11e6-be41-3dbaef689d97' },
    ])
  })

  it('says when there is nothing yet', async () => {
    const wrapper = await mountPanel([])

    expect(wrapper.get('.fd-empty').text()).toBe('None yet today.')
  })

  it('says so when main set a damaged journal file aside, and nothing when it did not', async () => {
    const setAside =
      'The booking journal file was damaged, so it was set aside as booking-journal.json.corrupt-1 and a new one started.'
    fake.answer({ 'journal:getNotice': () => ok({ notice: setAside }) })
    const damaged = await mountPanel([])
    fake.answer({ 'journal:getNotice': () => ok({ notice: null }) })
    const fine = await mountPanel([])

    expect(damaged.get('[role="status"]').text()).toBe(setAside)
    expect(fine.find('[role="status"]').exists()).toBe(false)
  })
})
