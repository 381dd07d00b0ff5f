import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Reconnect, type AttemptOutcome } from '../../../src/main/calendar/reconnect'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

/** A loop whose attempts answer from a script, recording when each ran. */
function scripted(outcomes: AttemptOutcome[], delays = [100, 200, 400]) {
  const ranAt: number[] = []
  const loop = new Reconnect(async () => {
    ranAt.push(Date.now())
    return outcomes.shift() ?? 'done'
  }, delays)
  return { loop, ranAt }
}

describe('Reconnect', () => {
  it('waits longer after each unreachable attempt, the last pause repeating, until one is done', async () => {
    const start = Date.now()
    const { loop, ranAt } = scripted(['unreachable', 'unreachable', 'unreachable', 'unreachable'])

    loop.start()
    await vi.advanceTimersByTimeAsync(10_000)

    expect(ranAt.map((at) => at - start)).toEqual([100, 300, 700, 1_100, 1_500])
    expect(loop.running).toBe(false)
  })

  it('runs one loop at a time, and stop leaves no attempt pending', async () => {
    const { loop, ranAt } = scripted(['unreachable', 'unreachable', 'unreachable'])

    loop.start()
    loop.start()
    await vi.advanceTimersByTimeAsync(150)
    loop.stop()
    await vi.advanceTimersByTimeAsync(10_000)

    expect(ranAt).toHaveLength(1)
    expect(loop.running).toBe(false)
    expect(vi.getTimerCount()).toBe(0)
  })

  it('ends when an attempt throws: asking again cannot help then', async () => {
    let calls = 0
    const loop = new Reconnect(() => {
      calls++
      return Promise.reject(new Error('a bug'))
    }, [10])

    loop.start()
    await vi.advanceTimersByTimeAsync(1_000)

    expect(calls).toBe(1)
    expect(loop.running).toBe(false)
  })
})
