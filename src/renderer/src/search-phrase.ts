// What a receptionist types while the caller talks — "tomorrow pm", "fri morning", "next tue 3pm", "turner",
// "vacc any vet any location" — read into next-available filters. Dates and times go to chrono-node (a maintained
// natural-language date parser), in the clinic location's zone, never the computer's; names are matched against the
// clinic's own types, clinicians and locations. Whatever is not understood is reported, never guessed.
import * as chrono from 'chrono-node'
import { DateTime } from 'luxon'
import type { Instant, IsoDate } from '../../shared/domain'
import type { PartOfDay } from '../../shared/waitlist'

// The parts of the day are the waitlist's too: one definition in shared.
export { partsOfDay, type PartOfDay } from '../../shared/waitlist'

interface Named {
  readonly id: number
  readonly name: string
}

/** What the phrase is read against. */
export interface PhraseContext {
  readonly now: Instant
  /** The clinic location's zone: "tomorrow" and "3pm" are the clinic's. */
  readonly zone: string
  readonly types: readonly Named[]
  readonly clinicians: readonly Named[]
  readonly locations: readonly Named[]
}

/** The filters a phrase asks for; a field left out was not mentioned. */
export interface PhraseFilters {
  readonly fromDate?: IsoDate
  readonly partOfDay?: PartOfDay
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  readonly weekday?: number
  /** Minutes from midnight of a time asked for. */
  readonly near?: number
  readonly appointmentTypeId?: number
  /** null = any clinician ("any vet"). */
  readonly clinicianId?: number | null
  /** null = every location ("any location"). */
  readonly locationId?: number | null
  /** Words the desk could not place (shown, so nothing is guessed silently). */
  readonly unknown: readonly string[]
  /** Words that matched more than one type, clinician or location. */
  readonly ambiguous: readonly string[]
}

// Words of the call that carry no filter.
const FILLER = new Set(
  'a an the with for at on in to of and or please appt appointment booking book needs need wants want would like her his their my dog cat pet vet dr doctor mr mrs ms miss can could get some time times free slot slots first earliest soonest next available from is be'.split(
    ' ',
  ),
)
const ANY_CLINICIAN =
  /\b(?:any|whichever|whoever|any one|anyone)\s*(?:vet|vets|clinician|doctor|dr|one|body)?\b(?!\s*(?:location|locations|clinic|clinics|branch|where))/
const ANY_LOCATION =
  /\b(?:any|all|either|every|both)\s+(?:location|locations|clinic|clinics|branch|branches|site|sites|practice|practices)\b|\banywhere\b/
// Shorthands chrono does not know.
const SHORTHANDS: readonly [RegExp, string][] = [
  [/\btmrw?\b|\btmw\b|\btomoz\b/g, 'tomorrow'],
  [/\barvo\b/g, 'afternoon'],
  [/\beve\b/g, 'evening'],
  [/\bmorn\b/g, 'morning'],
  [/(^|[^\d\s:])\s*\bam\b/g, '$1 morning'],
  [/(^|[^\d\s:])\s*\bpm\b/g, '$1 afternoon'],
]

/** Reads a phrase into filters (see PhraseFilters). */
export function parsePhrase(phrase: string, context: PhraseContext): PhraseFilters {
  let text = ` ${phrase.toLowerCase().replace(/[,.;!?]/g, ' ')} `
  for (const [pattern, replacement] of SHORTHANDS) text = text.replace(pattern, replacement)
  const ambiguous: string[] = []
  const result: {
    -readonly [K in keyof PhraseFilters]: PhraseFilters[K]
  } = { unknown: [], ambiguous }

  if (ANY_LOCATION.test(text)) {
    result.locationId = null
    text = text.replace(ANY_LOCATION, ' ')
  }
  if (ANY_CLINICIAN.test(text)) {
    result.clinicianId = null
    text = text.replace(ANY_CLINICIAN, ' ')
  }

  const dates = readDates(text, context)
  Object.assign(result, dates.filters)
  text = dates.rest

  const words = text.split(/\s+/).filter((word) => word !== '' && !FILLER.has(word))
  const unknown: string[] = []
  const take = (
    field: 'appointmentTypeId' | 'clinicianId' | 'locationId',
    items: readonly Named[],
  ) => {
    const match = bestMatch(words, items, field === 'locationId' ? LOCATION_NOISE : NO_NOISE)
    if (match.kind === 'one') {
      result[field] = match.id
      for (const word of match.used) words.splice(words.indexOf(word), 1)
    } else if (match.kind === 'many') {
      ambiguous.push(...match.used)
      for (const word of match.used) words.splice(words.indexOf(word), 1)
    }
  }
  take('clinicianId', context.clinicians)
  take('locationId', context.locations)
  take('appointmentTypeId', context.types)
  unknown.push(...words)
  result.unknown = [...new Set(unknown)]
  return result
}

const NO_NOISE = new Set<string>()
// "Main Clinic": "clinic" says nothing about which one.
const LOCATION_NOISE = new Set([
  'clinic',
  'clinics',
  'hospital',
  'practice',
  'centre',
  'center',
  'vet',
  'vets',
])

type Match =
  { kind: 'none' } | { kind: 'one'; id: number; used: string[] } | { kind: 'many'; used: string[] }

// A word matches a name's word when it is that word or its start (3 letters at least: "vacc", "turn").
function bestMatch(words: readonly string[], items: readonly Named[], noise: Set<string>): Match {
  let best: { ids: number[]; used: string[]; score: number } = { ids: [], used: [], score: 0 }
  for (const item of items) {
    const parts = item.name
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((part) => part !== '' && !noise.has(part))
    const used = words.filter(
      (word) => word.length >= 3 && parts.some((part) => part.startsWith(word)),
    )
    // A whole word counts more than the start of one, so "long consult" picks Long Consult over Standard Consult.
    const score = used.reduce((sum, word) => sum + (parts.includes(word) ? 2 : 1), 0)
    if (score === 0) continue
    if (score > best.score) best = { ids: [item.id], used, score }
    else if (score === best.score)
      best = { ids: [...best.ids, item.id], used: [...new Set([...best.used, ...used])], score }
  }
  if (best.score === 0) return { kind: 'none' }
  const [only] = best.ids
  return best.ids.length === 1 && only !== undefined
    ? { kind: 'one', id: only, used: best.used }
    : { kind: 'many', used: best.used }
}

const PARTS: readonly PartOfDay[] = ['morning', 'afternoon', 'evening']

function readDates(
  text: string,
  { now, zone }: PhraseContext,
): { filters: Partial<PhraseFilters>; rest: string } {
  const local = DateTime.fromMillis(now, { zone })
  const reference = { instant: new Date(now), timezone: local.offset }
  const parsed = chrono.en.GB.parse(text, reference, { forwardDate: true })
  const filters: {
    fromDate?: IsoDate
    partOfDay?: PartOfDay
    weekday?: number
    near?: number
  } = {}
  let rest = text
  for (const found of parsed) {
    rest = rest.replace(found.text, ' ')
    const { start } = found
    const tags = found.tags()
    if (start.isCertain('day') || start.isCertain('weekday')) {
      filters.fromDate = DateTime.fromObject(
        {
          year: start.get('year') ?? local.year,
          month: start.get('month') ?? 1,
          day: start.get('day') ?? 1,
        },
        { zone },
      ).toISODate() as IsoDate
    }
    if (start.isCertain('weekday') && !start.isCertain('day')) {
      const weekday = start.get('weekday') ?? 0
      filters.weekday = weekday === 0 ? 7 : weekday
    }
    for (const part of PARTS) if (tags.has(`casualReference/${part}`)) filters.partOfDay = part
    if (start.isCertain('hour')) {
      filters.near = (start.get('hour') ?? 0) * 60 + (start.get('minute') ?? 0)
    }
  }
  // "morning" alone (no day): chrono reads it as a time; it still means the part of the day.
  for (const part of PARTS) {
    if (filters.partOfDay === undefined && new RegExp(`\\b${part}\\b`).test(rest)) {
      filters.partOfDay = part
      rest = rest.replace(new RegExp(`\\b${part}\\b`), ' ')
    }
  }
  return { filters, rest }
}
