// What a receptionist types as a booking reference, made into what the server expects (spec §7.2, §7.3): the
// reference is `<id>:<linkId>`, the linkId a lower-case UUID compared exactly, so a reference read over the phone
// ("six oh three colon B E zero eight…") or copied with spaces would otherwise be "not found".
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
// Every kind of space, including the no-break and zero-width ones that copying from mail or PDFs brings along.
const SPACES = /[\s\u200b-\u200d\u2060\ufeff]+/g

/**
 * A typed reference made ready to send: every space removed, the UUID lower-cased, and the older three-part form
 * `<id>:<customer>:<uuid>` (printed by the seed guide) turned into `<id>:<uuid>`. Anything else is returned with
 * its spaces removed, for the server to judge.
 */
export function normaliseReference(typed: string): string {
  return typed
    .replace(SPACES, '')
    .replace(/^(\d+):(?:\d+:)?([^:]+)$/, (whole, id: string, uuid: string) =>
      UUID.test(uuid) ? `${id}:${uuid.toLowerCase()}` : whole,
    )
}
