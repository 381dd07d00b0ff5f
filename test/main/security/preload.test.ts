import { beforeEach, describe, expect, it, vi } from 'vitest'
import { channelNames, ipcContract } from '../../../src/shared/ipc-contract'

// The preload must import electron; a stand-in records what it exposes and what it invokes.
const exposed = new Map<string, unknown>()
const invoked: unknown[][] = []
vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value),
  },
  ipcRenderer: {
    invoke: (...args: unknown[]) => {
      invoked.push(args)
      return Promise.resolve({ ok: true, data: null })
    },
    on: () => undefined,
    removeListener: () => undefined,
  },
}))

type ApiObject = Record<string, Record<string, (request: unknown) => Promise<unknown>> | unknown>

describe('preload', () => {
  beforeEach(async () => {
    exposed.clear()
    invoked.length = 0
    vi.resetModules()
    await import('../../../src/preload/index')
  })

  it('exposes exactly one object, `api`', () => {
    expect([...exposed.keys()]).toEqual(['api'])
  })

  it('has one method per contract channel, grouped by domain, and nothing else but `on`', () => {
    const api = exposed.get('api') as ApiObject

    const methods = Object.keys(api)
      .filter((key) => key !== 'on')
      .flatMap((domain) => Object.keys(api[domain] as object).map((m) => `${domain}:${m}`))

    expect(Object.keys(api).sort()).toEqual([...Object.keys(ipcContract), 'on'].sort())
    expect(methods.sort()).toEqual([...channelNames].sort())
  })

  it('calls ipcRenderer.invoke with that channel name and the request only', async () => {
    const api = exposed.get('api') as Record<
      string,
      Record<string, (r: unknown) => Promise<unknown>>
    >

    for (const name of channelNames) {
      const [domain, method] = name.split(':') as [string, string]
      await api[domain]?.[method]?.({ probe: name })
    }

    expect(invoked).toEqual(channelNames.map((name) => [name, { probe: name }]))
  })

  it('refuses to subscribe to an event outside the contract', () => {
    const api = exposed.get('api') as { on: (name: string, listener: () => void) => unknown }

    expect(() => api.on('ipc:anything', () => undefined)).toThrow(/Unknown event/)
  })
})
