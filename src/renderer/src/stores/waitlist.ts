import { defineStore } from 'pinia'
import { computed, shallowRef, watch } from 'vue'
import type { BookingDraft, Instant, IsoDate } from '../../../shared/domain'
import { addDays, isoDateOf, minuteOfDay, todayIn } from '../../../shared/time'
import {
  partOfDayNames,
  partsOfDay,
  type PartOfDay,
  type WaitlistCustomer,
  type WaitlistEntry,
  type WaitlistMatch,
  type WaitlistRequest,
} from '../../../shared/waitlist'
import { api } from '../api'
import { useBookingStore } from './booking'
import { useCalendarStore } from './calendar'
import { useClinicStore } from './clinic'
import { useRequest } from './request'

/** An entry being written: new (`id` null) or an edit. */
export interface WaitlistEditing {
  readonly id: string | null
  readonly request: WaitlistRequest
  /** Started from the booking form: once saved, the unsent form has nothing the entry does not keep. */
  readonly fromDraft?: boolean
}

/** What a search asked for, to start an entry from (next-available's filters). */
export interface WaitlistSearch {
  readonly locationId: number | null
  readonly appointmentTypeId: number | null
  readonly clinicianId: number | null
  readonly fromDate: IsoDate | null
  readonly partOfDay: PartOfDay | null
  readonly weekday: number | null
  readonly days: number
}

/** Days an entry covers unless the receptionist says otherwise: two weeks. */
export const DEFAULT_WAITLIST_DAYS = 14

const noCustomer: WaitlistCustomer = {
  title: '',
  firstName: '',
  lastName: '',
  mobile: '',
  phone: '',
  email: '',
  patientName: '',
}

const customerOf = (draft: BookingDraft | null): WaitlistCustomer =>
  draft
    ? {
        title: draft.title,
        firstName: draft.firstName,
        lastName: draft.lastName,
        mobile: draft.mobile,
        phone: draft.phone,
        email: draft.email,
        patientName: draft.patientName,
      }
    : noCustomer

/** The part of the day a time falls in. */
export function partOf(instant: Instant, zone: string): PartOfDay {
  const minute = minuteOfDay(instant, zone)
  return partOfDayNames.find((part) => minute < partsOfDay[part].to) ?? 'evening'
}

/** The waitlist: its entries, the entry being written, and the times that opened for the callers on it. */
export const useWaitlistStore = defineStore('waitlist', () => {
  const clinic = useClinicStore()
  const calendar = useCalendarStore()
  const booking = useBookingStore()
  const entries = shallowRef<readonly WaitlistEntry[]>([])
  const listing = useRequest()
  const saving = useRequest()
  const editing = shallowRef<WaitlistEditing | null>(null)
  /** Openings not yet acted on, newest first, one per entry. */
  const matches = shallowRef<readonly WaitlistMatch[]>([])
  /** The entry whose opening is in the booking form: booking it marks the entry done. */
  const bookingFor = shallowRef<string | null>(null)
  let unsubscribe: (() => void)[] = []

  const waiting = computed(() => entries.value.filter((entry) => entry.status === 'waiting'))
  /** Openings still ahead whose entry is still waiting. */
  const openings = computed(() => {
    const ids = new Set(waiting.value.map((entry) => entry.id))
    return matches.value.filter((match) => ids.has(match.entryId))
  })

  async function load(): Promise<void> {
    await listing.run(
      () => api.waitlist.listEntries({}),
      (listed) => {
        entries.value = listed
      },
    )
  }

  /** Follows main: the list as it changes, and each time that opens. */
  function listen(): void {
    if (unsubscribe.length > 0) return
    unsubscribe = [
      api.on('waitlist:entriesChanged', (changed) => {
        entries.value = changed
        listing.done()
      }),
      api.on('waitlist:matched', (match) => {
        matches.value = [match, ...matches.value.filter((m) => m.entryId !== match.entryId)]
      }),
    ]
  }

  const today = (): IsoDate => todayIn(clinic.timeZone ?? 'UTC', Date.now())

  function blank(): WaitlistRequest {
    const from = today()
    return {
      customer: customerOf(booking.draft),
      appointmentTypeId: clinic.appointmentTypes[0]?.id ?? 0,
      clinicianId: null,
      locationId: clinic.locationId,
      fromDate: from,
      toDate: addDays(from, DEFAULT_WAITLIST_DAYS - 1),
      parts: [...partOfDayNames],
      weekdays: [],
      note: '',
    }
  }

  /** A new entry with nothing chosen but the board's location. */
  function openNew(): void {
    saving.reset()
    editing.value = { id: null, request: blank() }
  }

  /** A new entry from the booking form (or its clash): who, what, with whom and where it said, from that day. */
  function openFromDraft(draft: BookingDraft): void {
    const zone = clinic.timeZone ?? 'UTC'
    const day = isoDateOf(draft.start, zone)
    const from = day < today() ? today() : day
    saving.reset()
    editing.value = {
      id: null,
      fromDraft: true,
      request: {
        ...blank(),
        customer: customerOf(draft),
        appointmentTypeId: draft.appointmentTypeId,
        clinicianId: draft.clinicianId,
        locationId: draft.locationId,
        fromDate: from,
        toDate: addDays(from, DEFAULT_WAITLIST_DAYS - 1),
        parts: [partOf(draft.start, zone)],
      },
    }
  }

  /** A new entry from a next-available search that found nothing suitable: what it searched for. */
  function openFromSearch(search: WaitlistSearch): void {
    const from = search.fromDate && search.fromDate > today() ? search.fromDate : today()
    const base = blank()
    saving.reset()
    editing.value = {
      id: null,
      request: {
        ...base,
        appointmentTypeId: search.appointmentTypeId ?? base.appointmentTypeId,
        clinicianId: search.clinicianId,
        locationId: search.locationId,
        fromDate: from,
        toDate: addDays(from, Math.min(Math.max(search.days, 1), 90) - 1),
        parts: search.partOfDay ? [search.partOfDay] : [...partOfDayNames],
        weekdays: search.weekday ? [search.weekday] : [],
      },
    }
  }

  function openEdit(entry: WaitlistEntry): void {
    const { customer, appointmentTypeId, clinicianId, locationId, fromDate, toDate } = entry
    saving.reset()
    editing.value = {
      id: entry.id,
      request: {
        customer,
        appointmentTypeId,
        clinicianId,
        locationId,
        fromDate,
        toDate,
        parts: entry.parts,
        weekdays: entry.weekdays,
        note: entry.note,
      },
    }
  }

  function closeEditor(): void {
    editing.value = null
    saving.reset()
  }

  /** Saves the entry being written; the editor stays open with the problems beside their fields otherwise. */
  async function save(request: WaitlistRequest): Promise<boolean> {
    const current = editing.value
    if (!current) return false
    // Plain copies: a Vue proxy does not cross the context bridge.
    const entry: WaitlistRequest = JSON.parse(JSON.stringify(request)) as WaitlistRequest
    editing.value = { ...current, request: entry }
    const saved = await saving.run(
      () =>
        current.id === null
          ? api.waitlist.addEntry({ entry })
          : api.waitlist.updateEntry({ id: current.id, entry }),
      () => undefined,
    )
    if (saved) {
      editing.value = null
      // Everything typed in the form but its notes is in the entry now; the notes are kept with the form otherwise.
      if (current.fromDraft && booking.phase === 'closed' && booking.draft?.notes.trim() === '')
        booking.discard()
      await load()
    }
    return saved
  }

  async function remove(id: string): Promise<void> {
    await listing.run(
      () => api.waitlist.removeEntry({ id }),
      () => load(),
    )
  }

  function dismiss(entryId: string): void {
    matches.value = matches.value.filter((match) => match.entryId !== entryId)
  }

  /** Opens the booking form on the opening, with the entry's caller filled in; booking it marks the entry done. */
  async function book(match: WaitlistMatch): Promise<void> {
    bookingFor.value = match.entryId
    booking.beginFromSuggestion(match.opening, match.customer)
    await calendar.show(isoDateOf(match.opening.start, match.labels.timeZone))
  }

  // The booking made from an opening settles its entry.
  watch(
    () => booking.confirmation,
    (confirmation) => {
      const id = bookingFor.value
      if (!confirmation || id === null) return
      bookingFor.value = null
      // Only a booking for the entry's caller settles it (the form may have been used for someone else since).
      const entry = entries.value.find((e) => e.id === id)
      const name = (c: WaitlistCustomer): string =>
        `${c.firstName.trim()} ${c.lastName.trim()}`.toLocaleLowerCase()
      if (!entry || name(entry.customer) !== name(customerOf(confirmation.draft))) return
      dismiss(id)
      void listing.run(
        () => api.waitlist.markDone({ id, reference: confirmation.reference }),
        () => load(),
      )
    },
  )

  function $reset(): void {
    for (const stop of unsubscribe) stop()
    unsubscribe = []
    entries.value = []
    matches.value = []
    editing.value = null
    bookingFor.value = null
    listing.reset()
    saving.reset()
  }

  return {
    entries,
    waiting,
    openings,
    editing,
    bookingFor,
    status: listing.status,
    error: listing.error,
    saveStatus: saving.status,
    saveError: saving.error,
    load,
    listen,
    openNew,
    openFromDraft,
    openFromSearch,
    openEdit,
    closeEditor,
    save,
    remove,
    dismiss,
    book,
    $reset,
  }
})
