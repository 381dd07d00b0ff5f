import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { BookingDetails } from '../../../src/shared/domain'
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
      { code: 'NOT_FOUND', message: 'Booking not found' },
      'it does not exist, or it has already been cancelled',
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
    expect(wrapper.find('#lookup-reference').attributes('aria-describedby')).toBe('lookup-error')
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
    expect(wrapper.find('[role="alert"]').text()).toContain(
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
