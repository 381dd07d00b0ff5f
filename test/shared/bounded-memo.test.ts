import { describe, expect, it } from 'vitest'
import { BoundedMemo } from '../../src/shared/bounded-memo'

describe('BoundedMemo', () => {
  it('makes each value once while it is kept, null and undefined included', () => {
    const memo = new BoundedMemo<object | null | undefined>(5)
    let made = 0
    const make = (value: object | null | undefined) => () => {
      made++
      return value
    }
    const first = memo.get('a', make({}))
    expect(memo.get('a', make({}))).toBe(first)
    expect(memo.get('none', make(null))).toBeNull()
    expect(memo.get('none', make({}))).toBeNull()
    expect(memo.get('missing', make(undefined))).toBeUndefined()
    expect(memo.get('missing', make({}))).toBeUndefined()
    expect(made).toBe(3)
    expect(memo.size).toBe(3)
  })

  it('keeps every key up to its limit, never more, and starts again once full', () => {
    const memo = new BoundedMemo<string>(3)
    let made = 0
    const make = (key: string) => () => {
      made++
      return key.toUpperCase()
    }
    for (const key of ['a', 'b', 'c']) memo.get(key, make(key))
    expect(memo.size).toBe(3)
    for (const key of ['a', 'b', 'c']) expect(memo.get(key, make(key))).toBe(key.toUpperCase())
    expect(made).toBe(3)

    expect(memo.get('d', make('d'))).toBe('D')
    expect(memo.size).toBe(1)
    expect(memo.get('a', make('a'))).toBe('A')
    expect(made).toBe(5)
    for (let i = 0; i < 100; i++) memo.get(`k${i}`, make(`k${i}`))
    expect(memo.size).toBeLessThanOrEqual(3)
  })
})
