import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

const alias = {
  '@shared': resolve(__dirname, 'src/shared'),
  '@renderer': resolve(__dirname, 'src/renderer/src'),
}

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/main/**/*.test.ts', 'test/shared/**/*.test.ts'],
          exclude: ['test/**/*.keyring.test.ts'],
          testTimeout: 20_000,
        },
      },
      {
        resolve: { alias },
        plugins: [vue()],
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          include: ['test/renderer/**/*.test.ts'],
        },
      },
      {
        resolve: { alias },
        test: {
          // Needs a Secret Service: run through scripts/with-keyring.sh (npm test does).
          name: 'keyring',
          environment: 'node',
          include: ['test/**/*.keyring.test.ts'],
        },
      },
      {
        resolve: { alias },
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
