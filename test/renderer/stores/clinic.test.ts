import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ok } from '../../../src/shared/result'
import { useClinicStore } from '../../../src/renderer/src/stores/clinic'
import { createFakeApi, type FakeApi } from '../helpers/fake-api'
import { installApi } from '../helpers/api-module'
import { branchClinic, mainClinic, mainDetails } from '../helpers/fixtures'

vi.mock(
  '../../../src/renderer/src/api',
  async () => (await import('../helpers/api-module')).apiModule,
)

let fake: FakeApi

beforeEach(() => {
  localStorage.clear()
  setActivePinia(createPinia())
  fake = createFakeApi({
    'clinic:listLocations': () => ok([branchClinic, mainClinic]),
    'clinic:loadLocation': (request) =>
      ok(
        request.locationId === 98
          ? mainDetails
          : { location: branchClinic, schedules: [], clinicians: [] },
      ),
  })
  installApi(fake.api)
})

describe('clinic store', () => {
  it('opens the first location the first time', async () => {
    const clinic = useClinicStore()

    await clinic.load()

    expect(clinic.location).toEqual(branchClinic)
    expect(clinic.status).toBe('ready')
  })

  it('remembers the chosen location across restarts', async () => {
    await useClinicStore().load()
    await useClinicStore().select(98)
    setActivePinia(createPinia())
    const restarted = useClinicStore()

    await restarted.load()

    expect(restarted.location).toEqual(mainClinic)
    expect(restarted.schedules.map((schedule) => schedule.name)).toEqual([
      'Main Appointment Schedule',
      'Main Surgery Schedule',
    ])
  })

  it('lists every bookable type of the location once', async () => {
    const clinic = useClinicStore()
    await clinic.select(98)

    expect(clinic.appointmentTypes.map((type) => type.id)).toEqual([79, 66, 63, 76])
  })

  describe('schedules shown', () => {
    const rooms = ['Room 10', 'Room 2', 'Room 1', 'room 11', 'Cattery'].map((name, index) => ({
      id: 500 + index,
      name,
      slotSize: 15,
      appointmentTypes: [],
    }))

    beforeEach(() => {
      fake.answer({
        'clinic:loadLocation': () => ok({ ...mainDetails, schedules: rooms }),
      })
    })

    const names = (schedules: readonly { name: string }[]): string[] =>
      schedules.map((schedule) => schedule.name)

    it('orders schedules naturally by name: Room 2 before Room 10', async () => {
      const clinic = useClinicStore()

      await clinic.select(98)

      expect(names(clinic.shownSchedules)).toEqual([
        'Cattery',
        'Room 1',
        'Room 2',
        'Room 10',
        'room 11',
      ])
    })

    it('remembers the schedules shown and their order per location, across restarts', async () => {
      const clinic = useClinicStore()
      await clinic.select(98)

      clinic.chooseSchedules({ order: [501, 500], hidden: [504, 999] })
      setActivePinia(createPinia())
      const restarted = useClinicStore()
      await restarted.select(98)

      expect(names(restarted.shownSchedules)).toEqual(['Room 2', 'Room 10', 'Room 1', 'room 11'])
      expect(restarted.scheduleChoice?.hidden).toEqual([504])
    })

    it('treats an unreadable remembered choice as none', async () => {
      localStorage.setItem(
        'frontdesk.scheduleChoices',
        JSON.stringify({ 'demo|98': { order: 'x' } }),
      )
      const clinic = useClinicStore()

      await clinic.select(98)

      expect(clinic.shownSchedules).toHaveLength(5)
    })
  })
})
