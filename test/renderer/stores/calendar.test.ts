import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ok, fail } from '../../../src/shared/result'
import { useCalendarStore } from '../../../src/renderer/src/stores/calendar'
import { useClinicStore } from '../../../src/renderer/src/stores/clinic'
import { createFakeApi, deferred, type FakeApi } from '../helpers/fake-api'
import { installApi } from '../helpers/api-module'
import { dayView, mainClinic, mainDetails } from '../helpers/fixtures'
import type { DayView } from '../../../src/shared/domain'
import type { Result } from '../../../src/shared/result'

vi.mock(
  '../../../src/renderer/src/api',
  async () => (await import('../helpers/api-module')).apiModule,
)

let fake: FakeApi

async function openClinic(): Promise<void> {
  await useClinicStore().load()
}

beforeEach(() => {
  localStorage.clear()
  setActivePinia(createPinia())
  fake = createFakeApi({
    'clinic:listLocations': () => ok([mainClinic]),
    'clinic:loadLocation': () => ok(mainDetails),
    'calendar:loadDay': (request) => ok(dayView(request.date)),
  })
  installApi(fake.api)
})

describe('calendar store', () => {
  it('loads the shown day of the chosen location, every schedule', async () => {
    await openClinic()
    const calendar = useCalendarStore()

    await calendar.show('2030-02-15')

    expect(fake.callsTo('calendar:loadDay')).toEqual([
      { locationId: 98, date: '2030-02-15', scheduleIds: [], refresh: undefined },
    ])
    expect(calendar.status).toBe('ready')
    expect(calendar.day?.date).toBe('2030-02-15')
  })

  it('drops a slow answer for a day the user has already left', async () => {
    await openClinic()
    const calendar = useCalendarStore()
    const slow = deferred<Result<DayView>>()
    fake.answer({
      'calendar:loadDay': (request) =>
        request.date === '2030-02-15' ? slow.promise : ok(dayView(request.date)),
    })

    const first = calendar.show('2030-02-15')
    await calendar.show('2030-02-16')
    slow.resolve(ok(dayView('2030-02-15')))
    await first

    expect(calendar.date).toBe('2030-02-16')
    expect(calendar.day?.date).toBe('2030-02-16')
  })

  it('moves by days and back to today in the location zone', async () => {
    await openClinic()
    const calendar = useCalendarStore()
    await calendar.show('2030-02-28')

    await calendar.shift(1)
    const afterNext = calendar.date
    await calendar.goToday()

    expect(afterNext).toBe('2030-03-01')
    expect(calendar.date).toBe(calendar.today)
    expect(calendar.isToday).toBe(true)
  })

  it('applies a day main refreshed in the background only when it is on screen', async () => {
    await openClinic()
    const calendar = useCalendarStore()
    calendar.listen()
    await calendar.show('2030-02-15')
    const refreshed = { ...dayView('2030-02-15'), loadedAt: 42 }

    fake.emit('calendar:dayUpdated', dayView('2030-02-16'))
    const afterOtherDay = calendar.day?.loadedAt
    fake.emit('calendar:dayUpdated', refreshed)

    expect(afterOtherDay).toBe(dayView('2030-02-15').loadedAt)
    expect(calendar.day?.loadedAt).toBe(42)
  })

  it('keeps the board on screen during a periodic refresh and reports a failure', async () => {
    await openClinic()
    const calendar = useCalendarStore()
    await calendar.show('2030-02-15')
    const held = deferred<Result<DayView>>()
    fake.answer({ 'calendar:loadDay': () => held.promise })

    const refreshing = calendar.load({ refresh: true })
    const statusWhileRefreshing = calendar.status
    held.resolve(fail('NETWORK', 'The server at vets.example.com cannot be reached.'))
    await refreshing

    expect(statusWhileRefreshing).toBe('ready')
    expect(fake.callsTo('calendar:loadDay').at(-1)?.refresh).toBe(true)
    expect(calendar.status).toBe('error')
    expect(calendar.error?.message).toBe('The server at vets.example.com cannot be reached.')
  })

  it('remembers which clinicians are drawn on the board', () => {
    const calendar = useCalendarStore()

    calendar.toggleClinician(1158)
    calendar.toggleClinician(1159)
    calendar.toggleClinician(1158)
    setActivePinia(createPinia())

    expect(useCalendarStore().shownClinicians).toEqual([1159])
  })
})
