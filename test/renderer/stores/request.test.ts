import { describe, expect, it } from 'vitest'
import { fail, ok, type Result } from '../../../src/shared/result'
import { useRequest } from '../../../src/renderer/src/stores/request'
import { deferred } from '../helpers/fake-api'

describe('useRequest', () => {
  it('keeps only the latest answer when an older one arrives last', async () => {
    const request = useRequest()
    const shown: string[] = []
    const slow = deferred<Result<string>>()
    const fast = deferred<Result<string>>()

    const first = request.run(
      () => slow.promise,
      (day) => void shown.push(day),
    )
    const second = request.run(
      () => fast.promise,
      (day) => void shown.push(day),
    )
    fast.resolve(ok('Friday'))
    slow.resolve(ok('Thursday'))

    expect(await Promise.all([first, second])).toEqual([false, true])
    expect(shown).toEqual(['Friday'])
    expect(request.status.value).toBe('ready')
  })

  it('is loading while it runs, and a quiet run leaves the shown state alone', async () => {
    const request = useRequest()
    request.fail({ code: 'NETWORK', message: 'Cannot reach the server.' })
    const answer = deferred<Result<number>>()

    const quiet = request.run(
      () => answer.promise,
      () => undefined,
      { quiet: true },
    )
    const during = [request.status.value, request.error.value?.code]
    answer.resolve(ok(1))
    await quiet

    expect(during).toEqual(['error', 'NETWORK'])
    expect([request.status.value, request.error.value]).toEqual(['ready', null])
  })

  it('says whether trying again can help, from the error’s code', async () => {
    const request = useRequest()
    const retryable: Record<string, boolean | undefined> = {}

    for (const code of [
      'NETWORK',
      'TIMEOUT',
      'AUTH',
      'NOT_CONNECTED',
      'OUTCOME_UNKNOWN',
    ] as const) {
      await request.run(
        () => Promise.resolve(fail(code, 'No.')),
        () => undefined,
      )
      retryable[code] = request.error.value?.retryable
    }

    expect(retryable).toEqual({
      NETWORK: true,
      TIMEOUT: true,
      AUTH: false,
      NOT_CONNECTED: false,
      OUTCOME_UNKNOWN: false,
    })
  })

  it('turns a call that throws into an error the desk can show', async () => {
    const request = useRequest()

    const applied = await request.run(
      () => Promise.reject(new Error('preload missing')),
      () => undefined,
    )

    expect(applied).toBe(false)
    expect(request.status.value).toBe('error')
    expect(request.error.value?.message).toBe(
      'The desk could not reach its main process: preload missing',
    )
  })

  it('drops an answer still on its way once reset or settled by an event', async () => {
    const request = useRequest()
    const shown: number[] = []
    const answer = deferred<Result<number>>()

    const running = request.run(
      () => answer.promise,
      (value) => void shown.push(value),
    )
    request.done()
    answer.resolve(ok(7))

    expect(await running).toBe(false)
    expect(shown).toEqual([])
    expect(request.status.value).toBe('ready')
  })
})
