import { describe, expect, it } from 'vitest'
import { normaliseReference } from '../../src/shared/booking-reference'

const REF = '603:be08f3c6-1afb-11e6-be41-3dbaef689d97'

describe('normaliseReference', () => {
  it.each([
    [REF, REF],
    [`  ${REF}\n`, REF],
    ['603: be08f3c6-1afb-11e6-be41-3dbaef689d97', REF],
    ['603:BE08F3C6-1AFB-11E6-BE41-3DBAEF689D97', REF],
    ['6 0 3 : be08f3c6 - 1afb-11e6-be41-3dbaef689d97', REF],
    ['603:\u00a0be08f3c6-1afb-11e6-be41-3dbaef689d97\u200b', REF],
    ['603:3:be08f3c6-1afb-11e6-be41-3dbaef689d97', REF],
    ['603 : 3 : BE08F3C6-1AFB-11E6-BE41-3DBAEF689D97', REF],
    ['603:31:BE08F3C6-1AFB-11E6-BE41-3DBAEF689D97', REF],
  ])('makes %j into the reference the server knows', (typed, expected) => {
    expect(normaliseReference(typed)).toBe(expected)
  })

  it.each([
    ['', ''],
    ['   ', ''],
    ['123', '123'],
    ['abc:DEF', 'abc:DEF'],
    ['603:x:be08f3c6-1afb-11e6-be41-3dbaef689d97', '603:x:be08f3c6-1afb-11e6-be41-3dbaef689d97'],
    ['1:2:3:be08f3c6-1afb-11e6-be41-3dbaef689d97', '1:2:3:be08f3c6-1afb-11e6-be41-3dbaef689d97'],
    ['603:ABC', '603:ABC'],
    ['abc:BE08F3C6-1AFB-11E6-BE41-3DBAEF689D97', 'abc:BE08F3C6-1AFB-11E6-BE41-3DBAEF689D97'],
    ['x603:BE08F3C6-1AFB-11E6-BE41-3DBAEF689D97', 'x603:BE08F3C6-1AFB-11E6-BE41-3DBAEF689D97'],
    ['603x:BE08F3C6-1AFB-11E6-BE41-3DBAEF689D97', '603x:BE08F3C6-1AFB-11E6-BE41-3DBAEF689D97'],
    ['603:3x:BE08F3C6-1AFB-11E6-BE41-3DBAEF689D97', '603:3x:BE08F3C6-1AFB-11E6-BE41-3DBAEF689D97'],
    ['603:x3:BE08F3C6-1AFB-11E6-BE41-3DBAEF689D97', '603:x3:BE08F3C6-1AFB-11E6-BE41-3DBAEF689D97'],
    ['603:BE08F3C6-1AFB-11E6-BE41-3DBAEF689D97X', '603:BE08F3C6-1AFB-11E6-BE41-3DBAEF689D97X'],
    ['603:BE08F3C6-1AFB-11E6-BE41-3DBAEF689D97:1', '603:BE08F3C6-1AFB-11E6-BE41-3DBAEF689D97:1'],
  ])(
    'leaves %j (not a reference shape it knows) to the server, without its spaces',
    (typed, expected) => {
      expect(normaliseReference(typed)).toBe(expected)
    },
  )
})
