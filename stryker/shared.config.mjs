import { group } from './group.mjs'

// Every module of src/shared with logic of its own and a test file about it: times and the day's clock (23/25-hour
// days), free/busy arithmetic, slots, availability, the draft's checks, references, unconfirmed bookings and the
// confirmation text. (series.ts is tested through the booking service's course tests, in the booking group's reach.)
export default group('shared', {
  mutate: [
    'src/shared/intervals.ts',
    'src/shared/time.ts',
    'src/shared/day-clock.ts',
    'src/shared/bounded-memo.ts',
    'src/shared/slots.ts',
    'src/shared/availability.ts',
    'src/shared/booking-draft.ts',
    'src/shared/booking-reference.ts',
    'src/shared/unconfirmed.ts',
    'src/shared/confirmation-text.ts',
  ],
  testFiles: [
    'test/shared/intervals.test.ts',
    'test/shared/time.test.ts',
    'test/shared/day-clock.test.ts',
    'test/shared/bounded-memo.test.ts',
    'test/shared/slots.test.ts',
    'test/shared/availability.test.ts',
    'test/shared/booking-draft.test.ts',
    'test/shared/booking-reference.test.ts',
    'test/shared/unconfirmed.test.ts',
    'test/shared/confirmation-text.test.ts',
  ],
})
