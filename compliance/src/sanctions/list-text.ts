import { malformedList } from './list-errors';

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * The text of a list file. OFAC publishes UTF-8; a byte sequence that is not UTF-8 means a damaged
 * or mislabelled download, which is refused rather than imported with replacement characters.
 */
export function decodeListText(input: string | Uint8Array, file: string): string {
  if (typeof input === 'string') return input.startsWith('\uFEFF') ? input.slice(1) : input;
  try {
    return UTF8.decode(input);
  } catch {
    throw malformedList({ file }, 'it is not valid UTF-8 text');
  }
}
