import { group } from './group.mjs'

export default group('openvpms', {
  mutate: ['src/main/openvpms/client.ts', 'src/main/openvpms/errors.ts'],
  // http.test.ts drives the client over loopback against servers the sandbox cannot imitate (its POST answers too).
  testFiles: [
    'test/main/openvpms/client.test.ts',
    'test/main/openvpms/errors.test.ts',
    'test/main/openvpms/http.test.ts',
    // The caps on what a server can make the client read (answers past 4 MB, lists past 1,000 items).
    'test/main/openvpms/limits.test.ts',
  ],
})
