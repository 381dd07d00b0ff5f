import { describe, expect, it } from 'vitest'
import {
  createDispatcher,
  registerIpc,
  UNEXPECTED_MESSAGE,
  type Handlers,
  type IpcInvokeEventLike,
  type IpcMainLike,
  type Logger,
} from '../../../src/main/ipc/handle'
import { channelNames, type ChannelName } from '../../../src/shared/ipc-contract'
import { AppFailure, type Result } from '../../../src/shared/result'
import { guideDraft } from '../../helpers/booking-draft'

class RecordingLog implements Logger {
  readonly lines: { level: string; message: string; meta?: object }[] = []
  debug = (message: string, meta?: object) => this.lines.push({ level: 'debug', message, meta })
  info = (message: string, meta?: object) => this.lines.push({ level: 'info', message, meta })
  warn = (message: string, meta?: object) => this.lines.push({ level: 'warn', message, meta })
  error = (message: string, meta?: object) => this.lines.push({ level: 'error', message, meta })
}

type Listener = (event: IpcInvokeEventLike, ...args: unknown[]) => unknown
class FakeIpcMain implements IpcMainLike {
  readonly listeners = new Map<string, Listener>()
  handle(channel: string, listener: Listener): void {
    if (this.listeners.has(channel)) throw new Error(`second handler for ${channel}`)
    this.listeners.set(channel, listener)
  }
  removeHandler(channel: string): void {
    this.listeners.delete(channel)
  }
  invoke(channel: string, event: IpcInvokeEventLike, request: unknown): Promise<Result<unknown>> {
    const listener = this.listeners.get(channel)
    if (!listener) throw new Error(`no handler for ${channel}`)
    return Promise.resolve(listener(event, request)) as Promise<Result<unknown>>
  }
}

const APP_URL = 'file:///app/out/renderer/index.html'
const appWindow: IpcInvokeEventLike = { sender: { id: 1 }, senderFrame: { url: APP_URL } }
const foreignFrame: IpcInvokeEventLike = {
  sender: { id: 1 },
  senderFrame: { url: 'https://evil.example/' },
}
const trusted = (event: IpcInvokeEventLike) => event.senderFrame?.url === APP_URL

const notWired = () => Promise.reject(new Error('not wired in this test'))
function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const all = Object.fromEntries(
    channelNames.map((name) => [name, notWired]),
  ) as unknown as Handlers
  return { ...all, ...overrides }
}

const draft = guideDraft({ title: '', start: 1, end: 2 })

describe('createDispatcher', () => {
  it('passes a valid request to its handler and wraps the answer', async () => {
    const seen: unknown[] = []
    const dispatch = createDispatcher(
      handlers({
        'clinic:loadLocation': async (request) => {
          seen.push(request)
          return {
            location: { id: 98, name: 'Main Clinic', timeZone: 'Australia/Sydney' },
            schedules: [],
            clinicians: [],
          }
        },
      }),
      new RecordingLog(),
    )

    const result = await dispatch('clinic:loadLocation', { locationId: 98, refresh: true })

    expect(result).toEqual({
      ok: true,
      data: {
        location: { id: 98, name: 'Main Clinic', timeZone: 'Australia/Sydney' },
        schedules: [],
        clinicians: [],
      },
    })
    expect(seen).toEqual([{ locationId: 98, refresh: true }])
  })

  it('answers VALIDATION naming each malformed field, without calling the handler', async () => {
    let called = false
    const log = new RecordingLog()
    const dispatch = createDispatcher(
      handlers({
        'calendar:loadDay': async () => {
          called = true
          throw new Error('unreachable')
        },
      }),
      log,
    )

    const result = await dispatch('calendar:loadDay', {
      locationId: -1,
      date: '15/02/2019',
      scheduleIds: ['a'],
    })

    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('VALIDATION')
    expect(result.error.fieldErrors?.map((e) => e.field)).toEqual([
      'locationId',
      'date',
      'scheduleIds.0',
    ])
    expect(called).toBe(false)
    expect(log.lines.some((line) => line.level === 'warn')).toBe(true)
  })

  it('names an over-long booking field as the form does, with the limit in words', async () => {
    const dispatch = createDispatcher(handlers(), new RecordingLog())

    const result = await dispatch('booking:create', {
      draft: { ...draft, notes: 'x'.repeat(4_001), firstName: 'J'.repeat(201) },
    })

    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.message).toBe(
      'Some text is too long (firstName, notes): shorten it and try again.',
    )
    expect(result.error.fieldErrors).toEqual([
      { field: 'firstName', message: 'Keep this to at most 200 characters.' },
      { field: 'notes', message: 'Keep this to at most 4000 characters.' },
    ])
  })

  it('refuses unknown properties, missing requests and unknown channels', async () => {
    const dispatch = createDispatcher(handlers(), new RecordingLog())

    const extra = await dispatch('booking:create', { draft: { ...draft, customerId: 3 } })
    const missing = await dispatch('booking:get', undefined)
    const unknown = await dispatch('booking:drop' as ChannelName, {})
    const prototype = await dispatch('__proto__' as ChannelName, {})

    for (const result of [extra, missing, unknown, prototype]) {
      expect(result.ok ? 'ok' : result.error.code).toBe('VALIDATION')
    }
  })

  it('turns an AppFailure into its error Result', async () => {
    const dispatch = createDispatcher(
      handlers({
        'booking:cancel': async () => {
          throw new AppFailure({
            code: 'NOT_PENDING',
            message: 'no longer pending',
            serverMessage: 'The booking must be pending to cancel',
          })
        },
      }),
      new RecordingLog(),
    )

    const result = await dispatch('booking:cancel', { reference: '1:abc' })

    expect(result).toEqual({
      ok: false,
      error: {
        code: 'NOT_PENDING',
        message: 'no longer pending',
        serverMessage: 'The booking must be pending to cancel',
      },
    })
  })

  it('turns any other throw into UNEXPECTED with a generic message, logging the stack in main only', async () => {
    const log = new RecordingLog()
    const dispatch = createDispatcher(
      handlers({
        'clinic:listLocations': async () => {
          throw new TypeError('Cannot read properties of undefined (reading "id")')
        },
      }),
      log,
    )

    const result = await dispatch('clinic:listLocations', {})

    expect(result).toEqual({
      ok: false,
      error: { code: 'UNEXPECTED', message: UNEXPECTED_MESSAGE },
    })
    expect(JSON.stringify(result)).not.toMatch(/reading|TypeError|at /)
    const logged = log.lines.find((line) => line.level === 'error')
    expect(JSON.stringify(logged?.meta)).toContain('TypeError')
  })
})

describe('registerIpc', () => {
  it('registers every channel of the contract and unregisters them all', () => {
    const ipcMain = new FakeIpcMain()

    const unregister = registerIpc(
      ipcMain,
      createDispatcher(handlers(), new RecordingLog()),
      trusted,
      new RecordingLog(),
    )

    expect([...ipcMain.listeners.keys()].sort()).toEqual([...channelNames].sort())
    unregister()
    expect(ipcMain.listeners.size).toBe(0)
  })

  it('serves the trusted window', async () => {
    const ipcMain = new FakeIpcMain()
    const dispatch = createDispatcher(
      handlers({ 'booking:listJournal': async () => [] }),
      new RecordingLog(),
    )
    registerIpc(ipcMain, dispatch, trusted, new RecordingLog())

    const result = await ipcMain.invoke('booking:listJournal', appWindow, {})

    expect(result).toEqual({ ok: true, data: [] })
  })

  it('refuses a foreign sender with an error Result, logs it, and never reaches the handler', async () => {
    const ipcMain = new FakeIpcMain()
    const log = new RecordingLog()
    let called = false
    const dispatch = createDispatcher(
      handlers({
        'booking:listJournal': async () => {
          called = true
          return []
        },
      }),
      log,
    )
    registerIpc(ipcMain, dispatch, trusted, log)

    const foreign = await ipcMain.invoke('booking:listJournal', foreignFrame, {})
    const detached = await ipcMain.invoke(
      'booking:listJournal',
      { sender: { id: 2 }, senderFrame: null },
      {},
    )

    expect(foreign.ok ? 'ok' : foreign.error.code).toBe('FORBIDDEN')
    expect(detached.ok ? 'ok' : detached.error.code).toBe('FORBIDDEN')
    expect(called).toBe(false)
    expect(log.lines.filter((line) => line.message.includes('untrusted sender'))).toHaveLength(2)
  })

  it('treats a sender check that throws as untrusted', async () => {
    const ipcMain = new FakeIpcMain()
    const throwing = () => {
      throw new Error('frame disposed')
    }
    registerIpc(
      ipcMain,
      createDispatcher(handlers(), new RecordingLog()),
      throwing,
      new RecordingLog(),
    )

    const result = await ipcMain.invoke('session:getStatus', appWindow, {})

    expect(result.ok ? 'ok' : result.error.code).toBe('FORBIDDEN')
  })
})
