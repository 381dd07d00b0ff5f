// The IPC boundary, and the only code that touches ipcMain (received as a parameter, so this file imports nothing
// from electron and tests in Node). Every request is checked for its sender and its shape before a service sees it,
// and every answer is a Result: Electron passes only `message` across invoke, so a thrown error would lose its code.
import type { z } from 'zod'
import {
  channelNames,
  type ChannelName,
  type RequestOf,
  type ResponseOf,
} from '../../shared/ipc-contract'
import {
  AppFailure,
  fail,
  ok,
  type AppError,
  type FieldError,
  type Result,
} from '../../shared/result'
import { SANE_DATES_MESSAGE } from '../../shared/time'
import { requestSchemas } from './schemas'

/** One async function per channel; services throw AppFailure for expected failures. */
export type Handlers = {
  [C in ChannelName]: (request: RequestOf<C>) => Promise<ResponseOf<C>>
}

/** The part of Electron's IpcMainInvokeEvent the boundary reads. */
export interface IpcInvokeEventLike {
  sender: { id: number }
  senderFrame: { url: string } | null
}

/** The part of Electron's ipcMain the boundary uses. */
export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: IpcInvokeEventLike, ...args: unknown[]) => unknown,
  ): void
  removeHandler(channel: string): void
}

/** Where main writes what happened (electron-log in the app, a recorder in tests). */
export interface Logger {
  debug(message: string, meta?: object): void
  info(message: string, meta?: object): void
  warn(message: string, meta?: object): void
  error(message: string, meta?: object): void
}

/** Validates, runs and wraps one request: what each ipcMain handler (and the end-to-end binding) calls. */
export type Dispatch = (channel: ChannelName, request: unknown) => Promise<Result<unknown>>

/** The generic sentence sent for a bug; the details stay in main's log. */
export const UNEXPECTED_MESSAGE =
  'Something went wrong inside the app. The details were written to its log; please try again.'

const isChannel = (channel: unknown): channel is ChannelName =>
  typeof channel === 'string' && Object.hasOwn(requestSchemas, channel)

// The booking form's fields arrive wrapped in `draft`; named as the form names them, an error (say, pasted notes
// over the length limit) is shown beside its field instead of as an unplaced technical path.
const FORM_ROOT: Partial<Record<ChannelName, string>> = {
  'booking:create': 'draft',
  'booking:checkSeries': 'draft',
  'booking:createSeries': 'draft',
  'waitlist:addEntry': 'entry',
  'waitlist:updateEntry': 'entry',
}

function fieldErrorsOf(channel: ChannelName, error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String)
    if (path.length > 1 && path[0] === FORM_ROOT[channel]) path.shift()
    return { field: path.join('.') || '(request)', message: issue.message }
  })
}

/** An AppFailure's error as plain data (structured-clone safe, nothing but the AppError fields). */
function appErrorOf(thrown: unknown): AppError | null {
  if (!(thrown instanceof AppFailure)) return null
  const { code, message, fieldErrors, serverMessage, alternatives } = thrown.error
  return {
    code,
    message,
    ...(fieldErrors ? { fieldErrors } : {}),
    ...(serverMessage !== undefined ? { serverMessage } : {}),
    ...(alternatives ? { alternatives } : {}),
  }
}

/** Builds the dispatcher: request schema check, then the channel's handler, every outcome as a Result. */
export function createDispatcher(handlers: Handlers, log: Logger): Dispatch {
  return async (channel, request) => {
    if (!isChannel(channel)) {
      log.warn('ipc: unknown channel', { channel: String(channel) })
      return fail('VALIDATION', `Unknown request: ${String(channel)}`)
    }
    const parsed = requestSchemas[channel].safeParse(request)
    if (!parsed.success) {
      const fieldErrors = fieldErrorsOf(channel, parsed.error)
      log.warn('ipc: malformed request', { channel, fieldErrors })
      const fields = fieldErrors.map((e) => e.field).join(', ')
      // Text over its length limit is something a person typed or pasted, not a bug: say so in their words.
      const tooLong = parsed.error.issues.every(
        (issue) => issue.code === 'too_big' && issue.origin === 'string',
      )
      const farDate = parsed.error.issues.every((issue) => issue.message === SANE_DATES_MESSAGE)
      const message = tooLong
        ? `Some text is too long (${fields}): shorten it and try again.`
        : farDate
          ? SANE_DATES_MESSAGE
          : `The app sent a malformed ${channel} request (${fields}).`
      return fail('VALIDATION', message, { fieldErrors })
    }
    const handler = handlers[channel] as (request: unknown) => Promise<unknown>
    try {
      return ok(await handler(parsed.data))
    } catch (thrown) {
      const error = appErrorOf(thrown)
      if (error) {
        log.info('ipc: request failed', { channel, code: error.code, message: error.message })
        return { ok: false, error }
      }
      log.error('ipc: unexpected error', {
        channel,
        error: thrown instanceof Error ? thrown.message : String(thrown),
        stack: thrown instanceof Error ? thrown.stack : undefined,
      })
      return fail('UNEXPECTED', UNEXPECTED_MESSAGE)
    }
  }
}

/**
 * Registers one ipcMain handler per contract channel. Requests from a sender `isTrustedSender` refuses (another
 * window, a navigated or embedded frame) get an error Result and are logged. Returns the function that unregisters.
 */
export function registerIpc(
  ipcMain: IpcMainLike,
  dispatch: Dispatch,
  isTrustedSender: (event: IpcInvokeEventLike) => boolean,
  log: Logger,
): () => void {
  for (const channel of channelNames) {
    ipcMain.handle(channel, async (event, ...args) => {
      let trusted = false
      try {
        trusted = isTrustedSender(event)
      } catch (thrown) {
        log.error('ipc: sender check threw', { channel, error: String(thrown) })
      }
      if (!trusted) {
        log.warn('ipc: refused a request from an untrusted sender', {
          channel,
          senderId: event.sender.id,
          url: event.senderFrame?.url ?? null,
        })
        return fail('FORBIDDEN', 'This window is not allowed to use the app’s data.')
      }
      return dispatch(channel, args[0])
    })
  }
  return () => {
    for (const channel of channelNames) ipcMain.removeHandler(channel)
  }
}
