// The desk most store tests start from: fresh stores, an empty localStorage, and a fake api answering the Main
// Clinic, its day and an empty journal. A test adds or replaces channels with `extra`.
import { createPinia, setActivePinia } from 'pinia'
import { ok } from '../../../src/shared/result'
import { installApi } from './api-module'
import { createFakeApi, type FakeApi, type Handlers } from './fake-api'
import { dayView, mainClinic, mainDetails } from './fixtures'

/** Starts a fresh desk over a fake api (installed for the stores) and returns the fake. */
export function freshDesk(extra: Handlers = {}): FakeApi {
  localStorage.clear()
  setActivePinia(createPinia())
  const fake = createFakeApi({
    'clinic:listLocations': () => ok([mainClinic]),
    'clinic:loadLocation': () => ok(mainDetails),
    'calendar:loadDay': (request) => ok(dayView(request.date)),
    'booking:listJournal': () => ok([]),
    ...extra,
  })
  installApi(fake.api)
  return fake
}
