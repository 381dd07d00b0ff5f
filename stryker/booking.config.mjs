import { group } from './group.mjs'

export default group('booking', {
  mutate: ['src/main/booking/service.ts'],
  testFiles: ['test/main/booking/service.test.ts'],
})
