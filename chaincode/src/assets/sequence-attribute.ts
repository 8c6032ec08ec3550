/**
 * A sequence number as a composite-key attribute: ten zero-padded digits, so key order (bytes) is
 * number order and a partial-key scan returns valuations or policy versions oldest first.
 */
export function sequenceAttribute(seq: number): string {
  return String(seq).padStart(10, '0');
}
