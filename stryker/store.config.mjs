import { group } from './group.mjs'

// The booking store is exercised through its components as much as directly: every renderer test runs.
export default group('store', {
  mutate: ['src/renderer/src/stores/booking.ts'],
  testFiles: ['test/renderer/**/*.test.ts'],
})
