// The end-to-end harness: the built renderer in Chromium, window.api from the preload's own createApi, and behind
// it the real main-process core (createAppCore) with its demo clinic or a test's own sandbox.
import { test as base, expect, type Page } from '@playwright/test'
import { buildSync } from 'esbuild'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createAppCore, type AppCore } from '../../../src/main/app-core'
import { MemoryCredentialStore } from '../../../src/main/credentials'
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../../src/main/sandbox'
import { eventNames, type ChannelName } from '../../../src/shared/ipc-contract'
import { serveStatic, type StaticServer } from './static-server'
import { sandboxClient, seedCredentials, type SandboxClient } from './sandbox-client'

const rendererDir = resolve(process.env.FRONT_DESK_RENDERER_DIR ?? 'out/renderer')

let pageApiScript: string | null = null

/** window.api for the page: src/shared/ipc-api.ts bundled as the preload bundles it. */
function pageApi(): string {
  pageApiScript ??= buildSync({
    entryPoints: [resolve(__dirname, 'page-api.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
  }).outputFiles[0]!.text
  return pageApiScript
}

/** A desk: the app core, its page, and helpers to reach a sandbox directly. */
export interface Desk {
  readonly core: AppCore
  readonly page: Page
  /** The core's user-data folder (settings, journals, demo state). */
  readonly userDataDir: string
  /** Opens the app (after any setup through `core`). */
  open(): Promise<void>
  /** Starts a sandbox owned by the test (stopped after it). */
  startSandbox(
    options?: SandboxOptions,
  ): Promise<{ sandbox: RunningSandbox; client: SandboxClient }>
  /** Starts a sandbox and connects the desk to it through main (session:connect) before the page opens. */
  connectTo(options?: SandboxOptions): Promise<{ sandbox: RunningSandbox; client: SandboxClient }>
  /**
   * Closes the app core and starts a new one on the same user-data folder and keychain, as when the desk is closed
   * and opened again; the page then needs `open()` again.
   */
  restart(): Promise<void>
}

interface Fixtures {
  desk: Desk
  /** Per-attempt time limit of the core's OpenVPMS client (short, so a hung server fails fast). */
  clientTimeoutMs: number
}

interface WorkerFixtures {
  server: StaticServer
}

/** Playwright's test with a `desk` fixture. */
export const test = base.extend<Fixtures, WorkerFixtures>({
  server: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await serveStatic(rendererDir)
      await use(server)
      await server.close()
    },
    { scope: 'worker' },
  ],
  clientTimeoutMs: [5_000, { option: true }],
  desk: async ({ page, context, server, clientTimeoutMs }, use) => {
    const userDataDir = mkdtempSync(join(tmpdir(), 'front-desk-e2e-'))
    const credentialStore = new MemoryCredentialStore()
    const startCore = (): Promise<AppCore> =>
      createAppCore({
        userDataDir,
        credentialStore,
        client: { timeoutMs: clientTimeoutMs },
        // Quick to try again when a server is down, so a test sees the desk recover within seconds.
        retryDelaysMs: [250, 500, 1_000],
      })
    let core = await startCore()
    const sandboxes: RunningSandbox[] = []
    await context.exposeBinding(
      '__frontDeskCall',
      (_source, channel: ChannelName, request: unknown) => core.dispatch(channel, request),
    )
    await context.addInitScript({ content: pageApi() })
    const forward = (from: AppCore): (() => void)[] =>
      eventNames.map((event) =>
        from.on(event, (payload) => {
          void page
            .evaluate(
              ([name, value]) =>
                (
                  globalThis as unknown as { __frontDeskEmit: (n: string, p: unknown) => void }
                ).__frontDeskEmit(name, value),
              [event, payload] as const,
            )
            .catch(() => undefined)
        }),
      )
    let unsubscribe = forward(core)
    const problems: string[] = []
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
    page.on('console', (message) => {
      // The meta policy's frame-ancestors only works as a header (main sends it); Chromium says so, harmlessly.
      if (message.type() === 'error' && !message.text().includes("'frame-ancestors' is ignored"))
        problems.push(`console error: ${message.text()}`)
    })
    const desk: Desk = {
      get core() {
        return core
      },
      page,
      userDataDir,
      open: async () => {
        await page.goto(server.url)
        await expect(page.locator('.fd-column').first()).toBeVisible()
      },
      startSandbox: async (options = {}) => {
        const sandbox = await startSandbox({ port: 0, host: '127.0.0.1', ...options })
        sandboxes.push(sandbox)
        return { sandbox, client: sandboxClient(sandbox.baseUrl) }
      },
      connectTo: async (options = {}) => {
        const { sandbox, client } = await desk.startSandbox(options)
        const result = await core.dispatch('session:connect', {
          serverUrl: sandbox.baseUrl,
          username: seedCredentials.login,
          password: seedCredentials.password,
          rememberPassword: false,
          allowInsecure: false,
        })
        if (!result.ok) throw new Error(`connect failed: ${result.error.message}`)
        return { sandbox, client }
      },
      restart: async () => {
        for (const stop of unsubscribe) stop()
        await core.close()
        core = await startCore()
        unsubscribe = forward(core)
      },
    }
    await use(desk)
    for (const stop of unsubscribe) stop()
    await core.close()
    for (const sandbox of sandboxes) await sandbox.close()
    rmSync(userDataDir, { recursive: true, force: true })
    expect(problems, 'the page logged no errors').toEqual([])
  },
})

export { expect }
