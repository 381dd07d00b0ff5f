// Finding a free time to book in a sandbox, from its own free/busy answer.
import type { Range } from '../../../src/shared/domain'
import { addDays, dayBounds, todayIn } from '../../../src/shared/time'
import type { SandboxClient } from './sandbox-client'

/** A free range of at least `minutes` on the schedule, on the first day after today that has one. */
export async function firstFreeSlot(
  client: SandboxClient,
  scheduleId: number,
  zone: string,
  minutes: number,
): Promise<{ date: string; slot: Range }> {
  for (let offset = 1; offset <= 14; offset++) {
    const date = addDays(todayIn(zone, Date.now()), offset)
    const { free } = await client.freeBusy(scheduleId, dayBounds(date, zone))
    const range = free.find((candidate) => candidate.end - candidate.start >= minutes * 60_000)
    if (range) return { date, slot: { start: range.start, end: range.start + minutes * 60_000 } }
  }
  throw new Error(`no free ${minutes} minutes on schedule ${scheduleId} in two weeks`)
}

/** The first free range of `minutes` on each of `count` different days after today (one per day, in date order). */
export async function freeSlotsOnDays(
  client: SandboxClient,
  scheduleId: number,
  zone: string,
  minutes: number,
  count: number,
): Promise<Range[]> {
  const slots: Range[] = []
  for (let offset = 1; offset <= 60 && slots.length < count; offset++) {
    const date = addDays(todayIn(zone, Date.now()), offset)
    const { free } = await client.freeBusy(scheduleId, dayBounds(date, zone))
    const range = free.find((candidate) => candidate.end - candidate.start >= minutes * 60_000)
    if (range) slots.push({ start: range.start, end: range.start + minutes * 60_000 })
  }
  if (slots.length < count)
    throw new Error(`only ${slots.length} days with ${minutes} free minutes`)
  return slots
}
