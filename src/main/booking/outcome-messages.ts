// What a receptionist reads after a booking got no usable answer (OUTCOME_UNKNOWN), and when the desk looks again.

/** When the desk looks again, by itself, at a time whose booking got no usable answer: a server that saves late. */
export const RECHECK_DELAYS_MS: readonly number[] = [5_000, 20_000]

/**
 * Messages a receptionist reads after a booking got no usable answer (OUTCOME_UNKNOWN). Each says what the desk
 * saw and when (`at`: the clinic's hh:mm:ss), never what it cannot know: a time seen free may still be booked by a
 * server that saves late, so "free" is never "did not go through" until the desk has looked again.
 */
export const outcomeMessages = {
  taken: (at: string): string =>
    `No usable answer came back from OpenVPMS. At ${at} the time showed as taken: the booking most likely went through — check the appointment book before booking again.`,
  free: (at: string): string =>
    `No usable answer came back from OpenVPMS. At ${at} the time still showed as free, but the server may still be saving the booking: Front Desk looks again in a few seconds. Check the appointment book before booking again.`,
  stillFree: (at: string): string =>
    `No usable answer came back from OpenVPMS. Looked again at ${at}: the time still shows as free, so the booking most likely did not go through — check the appointment book before booking again.`,
  unclear: (at: string): string =>
    `No usable answer came back from OpenVPMS, and at ${at} the time could not be checked: look in the appointment book before booking again.`,
} as const

/** What the desk saw of the time after an unanswered booking. */
export type Seen = 'taken' | 'free' | 'unclear'
