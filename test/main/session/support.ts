// Helpers for the session suites: a temp user-data folder, a log recorder, typed dispatch and local listeners.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { createServer, type RequestListener, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AppCore } from '../../../src/main/app-core'
import type { Logger } from '../../../src/main/log'
import type { ChannelName, RequestOf, ResponseOf } from '../../../src/shared/ipc-contract'
import type { AppError, Result } from '../../../src/shared/result'

/** A fresh user-data folder, removed by the returned function. */
export async function tempUserData(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'front-desk-session-'))
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) }
}

/**
 * A logger that keeps every line exactly as the code logged it, at every level — without the redaction the app's
 * logger applies, so a test sees what the code itself would have written.
 */
export function recordingLog(): { log: Logger; lines: string[] } {
  const lines: string[] = []
  const write =
    (level: string) =>
    (message: string, meta?: object): void =>
      void lines.push(`${level} ${message}${meta === undefined ? '' : ` ${JSON.stringify(meta)}`}`)
  return {
    log: { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') },
    lines,
  }
}

/** Dispatches and returns the whole Result, typed by channel. */
export function send<C extends ChannelName>(
  core: AppCore,
  channel: C,
  request: RequestOf<C>,
): Promise<Result<ResponseOf<C>>> {
  return core.dispatch(channel, request) as Promise<Result<ResponseOf<C>>>
}

/** Dispatches and returns the data, failing the test with the error when the call failed. */
export async function call<C extends ChannelName>(
  core: AppCore,
  channel: C,
  request: RequestOf<C>,
): Promise<ResponseOf<C>> {
  const result = await send(core, channel, request)
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`)
  return result.data
}

/** The error of a failed Result, failing the test when it succeeded. */
export function errorOf<T>(result: Result<T>): AppError {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.data)}`)
  return result.error
}

/** Every file under a folder, with its text. */
export async function filesUnder(dir: string): Promise<{ path: string; text: string }[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return Promise.all(
    entries
      .filter((entry) => entry.isFile())
      .map(async (entry) => {
        const path = join(entry.parentPath, entry.name)
        return { path, text: await readFile(path, 'utf8') }
      }),
  )
}

/** A plain HTTP listener on a free loopback port; close ends any hung connection too. */
export async function listen(
  handler: RequestListener,
): Promise<{ url: string; close: () => Promise<void>; server: Server }> {
  const server = createServer(handler)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** A loopback port with nothing listening on it (taken, then released). */
export async function unusedPort(): Promise<number> {
  const { server, close } = await listen(() => undefined)
  const { port } = server.address() as AddressInfo
  await close()
  return port
}

/** An empty request. */
export const empty = {} as Record<string, never>
