import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

// An ES module (.mts): Vite's native config loader takes it as it is.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'test/main/**/*.test.ts',
            'test/shared/**/*.test.ts',
            'test/scripts/**/*.test.ts',
          ],
          exclude: ['test/**/*.keyring.test.ts'],
          testTimeout: 20_000,
        },
      },
      {
        plugins: [vue()],
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          include: ['test/renderer/**/*.test.ts'],
        },
      },
      {
        test: {
          // Packs the built app (out/) with electron-builder: run after `npm run build` (npm test does).
          name: 'packaging',
          environment: 'node',
          include: ['test/packaging/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          // Needs a Secret Service: run through scripts/with-keyring.sh (npm test does).
          name: 'keyring',
          environment: 'node',
          include: ['test/**/*.keyring.test.ts'],
        },
      },
      {
        test: {
          // Needs OPENVPMS_URL/USER/PASSWORD: run through `npm run test:live`.
          name: 'live',
          environment: 'node',
          include: ['test/live/**/*.test.ts'],
          testTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
})
