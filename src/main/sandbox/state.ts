// The clinic's changes (new bookings, status changes) kept in a state file, written atomically: a crash mid-write
// leaves either the old file or the new one, never a torn one.
import { existsSync, readFileSync } from 'node:fs'
import { z } from 'zod'
import type { Clinic } from './clinic'
import { DatasetError } from './dataset'
import { writeFileAtomicSync } from '../atomic-file'
import { APPOINTMENT_STATUSES, type AppointmentRecord, type AppointmentStatus } from './model'

/** What the state file holds. */
export interface StateSnapshot {
  version: 1
  /** Appointments created through the API, in creation order. */
  appointments: AppointmentRecord[]
  /** Status of any other appointment (dataset or generated) that was changed, by id. */
  statuses: Record<string, AppointmentStatus>
}

const status = z.enum(APPOINTMENT_STATUSES)
// Ids are OpenVPMS longs; past 2^53 a JavaScript number is no longer the id it claims (1e30 + 1 === 1e30).
const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)
const nullableId = id.nullable()
const instant = z.number().int().min(-8.64e15).max(8.64e15)
const stateSchema = z.strictObject({
  version: z.literal(1),
  appointments: z.array(
    z.strictObject({
      id,
      linkId: z.string().min(1),
      schedule: id,
      appointmentType: z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER),
      start: instant,
      end: instant,
      status,
      customer: nullableId,
      patient: nullableId,
      clinician: nullableId,
      onlineBooking: z.boolean(),
      bookingNotes: z.string().nullable(),
    }),
  ),
  statuses: z.record(z.string().regex(/^\d{1,15}$/), status),
})

/** Reads a state file, or null when there is none yet; a damaged one is refused like a bad dataset. */
export function readState(file: string): StateSnapshot | null {
  if (!existsSync(file)) return null
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    throw new DatasetError(file, '', `not valid JSON (${(error as Error).message})`)
  }
  const parsed = stateSchema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new DatasetError(file, (issue?.path ?? []).join('.'), issue?.message ?? 'invalid')
  }
  return parsed.data
}

/** Writes the state file atomically. Synchronous, so a write is complete before the response goes out. */
export function writeState(file: string, snapshot: StateSnapshot): void {
  writeFileAtomicSync(file, `${JSON.stringify(snapshot, null, 1)}\n`)
}

/**
 * Tracks the clinic's changes and keeps them in the state file (when there is one): bookings whole, other
 * appointments' status changes by id (generated days are rebuilt from their date, so only the status is kept).
 */
export class StateKeeper {
  private readonly created = new Map<number, AppointmentRecord>()
  private readonly statuses: Record<string, AppointmentStatus> = {}

  constructor(private readonly file: string | undefined) {}

  /** Applies the state file's changes to the clinic; a damaged file is refused (DatasetError naming it). */
  restore(clinic: Clinic): void {
    if (!this.file) return
    const state = readState(this.file)
    for (const record of state?.appointments ?? []) {
      if (!clinic.schedule(record.schedule)) {
        throw new DatasetError(
          this.file,
          `appointments.${record.id}.schedule`,
          `no schedule with id ${record.schedule}`,
        )
      }
      clinic.addAppointment(record)
      this.created.set(record.id, record)
    }
    for (const [id, status] of Object.entries(state?.statuses ?? {})) {
      clinic.restoreStatus(Number(id), status)
      this.statuses[id] = status
    }
  }

  /** A booking was made: saved before the 201 goes out, so an acknowledged booking survives a crash. */
  bookingMade(record: AppointmentRecord): void {
    this.created.set(record.id, record)
    this.save()
  }

  /** An appointment's status changed (the record is already updated). */
  statusChanged(record: AppointmentRecord): void {
    if (!this.created.has(record.id)) this.statuses[String(record.id)] = record.status
    this.save()
  }

  private save(): void {
    if (!this.file) return
    writeState(this.file, {
      version: 1,
      appointments: [...this.created.values()],
      statuses: this.statuses,
    })
  }
}
