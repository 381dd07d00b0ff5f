import { group } from './group.mjs'

export default group('shared', {
  mutate: [
    'src/shared/intervals.ts',
    'src/shared/time.ts',
    'src/shared/slots.ts',
    'src/shared/availability.ts',
  ],
  testFiles: [
    'test/shared/intervals.test.ts',
    'test/shared/time.test.ts',
    'test/shared/slots.test.ts',
    'test/shared/availability.test.ts',
  ],
})
