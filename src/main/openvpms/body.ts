// Reading a response body with a ceiling: a server (or anything pretending to be one) cannot make the main process
// hold more than a few megabytes for one answer.

/** The largest answer read; a busy week of free/busy for a large clinic is well under 1 MB. */
export const MAX_RESPONSE_BYTES = 4 * 1024 * 1024

/** A body read whole, or one that was over the limit (`bytes`: its declared size, or what had come when it stopped). */
export type CappedBody =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly bytes: number; readonly declared: boolean }

/**
 * Reads a response body as UTF-8 up to `limit` bytes. A declared Content-Length past the limit is refused without
 * reading; a body that grows past it is cancelled at that point. A connection that drops mid-body throws (the
 * caller's network error, which a GET may retry).
 */
export async function readCappedBody(
  response: Response,
  limit = MAX_RESPONSE_BYTES,
): Promise<CappedBody> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN)
  if (Number.isFinite(declared) && declared > limit) {
    await response.body?.cancel()
    return { ok: false, bytes: declared, declared: true }
  }
  if (response.body === null) return { ok: true, text: '' }
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel()
      return { ok: false, bytes: size, declared: false }
    }
    chunks.push(value)
  }
  return { ok: true, text: Buffer.concat(chunks).toString('utf8') }
}

/** "5.6 MB", "812 KB": a size as a person reads it. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
  return `${Math.ceil(bytes / 1024)} KB`
}
