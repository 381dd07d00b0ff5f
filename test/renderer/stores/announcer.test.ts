import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { correctSentence, daySentence } from '../../../src/renderer/src/announcements'
import { useAnnouncerStore } from '../../../src/renderer/src/stores/announcer'

describe('the live regions’ sentences', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    vi.useFakeTimers()
  })
  afterEach(() => vi.useRealTimers())

  it('says a day as the issue asks: weekday, day, month, location, free times', () => {
    expect(daySentence('2026-12-03', 'Main Clinic', 14)).toBe(
      'Thursday 3 December, Main Clinic, 14 free times',
    )
    expect(daySentence('2026-12-03', 'Main Clinic', 1)).toBe(
      'Thursday 3 December, Main Clinic, 1 free time',
    )
    expect(daySentence('2026-12-03', 'Main Clinic', 0)).toBe(
      'Thursday 3 December, Main Clinic, no free times',
    )
  })

  it('says a message standing beside several fields once', () => {
    const contact = 'Enter a mobile, a phone number or an email.'
    expect(correctSentence([contact, contact, contact])).toBe(
      `Not sent: 3 fields need correcting. ${contact}`,
    )
  })

  it('empties a region before each sentence, so the same sentence twice is read twice', () => {
    const announcer = useAnnouncerStore()
    announcer.say('Booked.')
    vi.advanceTimersByTime(100)
    expect(announcer.polite).toBe('Booked.')

    announcer.say('Booked.')
    expect(announcer.polite).toBe('')
    vi.advanceTimersByTime(100)
    expect(announcer.polite.trim()).toBe('Booked.')
    expect(announcer.polite).not.toBe('Booked.')
  })

  it('never says a pending polite sentence after a failure', () => {
    const announcer = useAnnouncerStore()
    announcer.say('Sending the booking…')
    announcer.say('Not booked.', 'assertive')
    vi.advanceTimersByTime(100)
    expect(announcer.polite).toBe('')
    expect(announcer.assertive.trim()).toBe('Not booked.')
  })
})
