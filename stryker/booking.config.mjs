import { group } from './group.mjs'

// The service and its parts (check: the draft and the free time; send: one POST, journalled; outcome: what an
// unanswered POST did), and the draft rules it shares with the form (names, email, phone, lengths, trimming).
export default group('booking', {
  mutate: [
    'src/main/booking/service.ts',
    'src/main/booking/check.ts',
    'src/main/booking/send.ts',
    'src/main/booking/outcome.ts',
    'src/shared/booking-draft.ts',
  ],
  testFiles: [
    'test/main/booking/service.test.ts',
    'test/main/booking/outcome.test.ts',
    'test/main/booking/draft-location.test.ts',
    'test/main/booking/reference.test.ts',
    'test/main/booking/lookup-names.test.ts',
    'test/main/booking/alternatives.test.ts',
    'test/main/booking/unconfirmed.test.ts',
    'test/shared/booking-draft.test.ts',
  ],
})
