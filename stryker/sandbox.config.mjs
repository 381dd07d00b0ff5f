import { group } from './group.mjs'

export default group('sandbox', {
  mutate: ['src/main/sandbox/schedule-free-busy.ts', 'src/main/sandbox/user-free-busy.ts'],
  testFiles: [
    'test/main/sandbox/schedule-free-busy.test.ts',
    'test/main/sandbox/user-free-busy.test.ts',
  ],
})
