// A development run (npm start, npm run dev) beside the installed app: Electron replaced by a recorder whose
// single-instance lock is held by another instance, as it is while the installed app runs.
import { join } from 'node:path'
import { beforeAll, describe, expect, it, vi } from 'vitest'

const electron = vi.hoisted(() => {
  const calls: string[] = []
  const paths = new Map<string, string>([['appData', '/home/desk/.config']])
  const app = {
    isPackaged: false,
    getName: () => 'OpenVPMS Front Desk',
    getPath: (name: string) => paths.get(name) ?? '',
    setPath: (name: string, path: string) => {
      calls.push(`setPath ${name} ${path}`)
      paths.set(name, path)
    },
    setAppLogsPath: (path: string) => void calls.push(`setAppLogsPath ${path}`),
    requestSingleInstanceLock: () => {
      calls.push(`requestSingleInstanceLock in ${paths.get('userData') ?? 'the default folder'}`)
      return paths.get('userData') !== '/home/desk/.config/OpenVPMS Front Desk'
    },
    quit: () => void calls.push('quit'),
    enableSandbox: () => void calls.push('enableSandbox'),
    on: () => undefined,
    whenReady: () => new Promise<void>(() => undefined),
  }
  const protocol = { registerSchemesAsPrivileged: () => undefined, handle: () => undefined }
  return { calls, module: { app, protocol } }
})

vi.mock('electron', () => ({ ...electron.module, default: electron.module }))
vi.mock('electron-log/main', () => {
  const noop = (): void => undefined
  const log = { hooks: [], debug: noop, info: noop, warn: noop, error: noop }
  return { ...log, default: log }
})

beforeAll(async () => {
  await import('../../src/main/index')
})

describe('a development run', () => {
  it('takes its own user-data folder, logs and single-instance lock, so it starts beside the installed app', () => {
    const devData = join('/home/desk/.config', 'OpenVPMS Front Desk (development)')

    expect(electron.calls.slice(0, 3)).toEqual([
      `setPath userData ${devData}`,
      `setAppLogsPath ${join(devData, 'logs')}`,
      `requestSingleInstanceLock in ${devData}`,
    ])
    expect(electron.calls).toContain('enableSandbox')
    expect(electron.calls).not.toContain('quit')
  })
})
