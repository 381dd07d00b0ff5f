import { randomBytes } from 'node:crypto'

// 100-ns intervals between the Gregorian epoch (1582-10-15) and the Unix epoch: a v1 UUID counts from the former.
const GREGORIAN_OFFSET = 122_192_928_000_000_000n

let lastTicks = 0n
const node = randomBytes(6)
node[0] = (node[0] ?? 0) | 0x01 // multicast bit: a random node id, not a MAC (RFC 4122 §4.5)
const clockSeq = randomBytes(2).readUInt16BE(0) & 0x3fff

/** Formats a v1 UUID from its 60-bit timestamp, 14-bit clock sequence and 6-byte node. */
export function formatV1Uuid(ticks: bigint, sequence: number, nodeBytes: Uint8Array): string {
  const timeLow = (ticks & 0xffffffffn).toString(16).padStart(8, '0')
  const timeMid = ((ticks >> 32n) & 0xffffn).toString(16).padStart(4, '0')
  const timeHigh = (((ticks >> 48n) & 0x0fffn) | 0x1000n).toString(16).padStart(4, '0')
  const seq = ((sequence & 0x3fff) | 0x8000).toString(16).padStart(4, '0')
  const nodeHex = Buffer.from(nodeBytes).toString('hex').padStart(12, '0').slice(0, 12)
  return `${timeLow}-${timeMid}-${timeHigh}-${seq}-${nodeHex}`
}

/**
 * A new linkId: a time-based (v1) UUID, lower-case with hyphens, like the JUG ids OpenVPMS gives every act
 * (spec §7.2). Strictly increasing ticks keep ids unique within the process.
 */
export function newLinkId(now: number = Date.now()): string {
  let ticks = BigInt(now) * 10_000n + GREGORIAN_OFFSET
  if (ticks <= lastTicks) ticks = lastTicks + 1n
  lastTicks = ticks
  return formatV1Uuid(ticks, clockSeq, node)
}
