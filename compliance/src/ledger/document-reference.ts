import { childPath } from '../policy/problem-list';
import type { RecordReader } from '../policy/record-reader';
import { MAX_URI_CHARS } from './ledger-limits';
import { isSha256Hex, SHA256_HEX_FORM } from './sha256-hex';

/**
 * A document kept off the ledger: where to fetch it and the SHA-256 of its bytes, so anyone who
 * fetches it can prove it is the one that was recorded.
 */
export type DocumentReference = { readonly sha256: string; readonly uri: string };

/** A document reference with a kind chosen by the recorder, such as `articles-of-association`. */
export type NamedDocument = DocumentReference & { readonly kind: string };

/** The fields of a document reference in JSON. */
export const DOCUMENT_REFERENCE_FIELDS = ['sha256', 'uri'] as const;

/** The fields of a named document in JSON. */
export const NAMED_DOCUMENT_FIELDS = ['kind', 'sha256', 'uri'] as const;

// A scheme, a colon, then printable ASCII without spaces: what a URI is once percent-encoded.
const URI = new RegExp(`^[a-zA-Z][a-zA-Z0-9+.-]*:[!-~]{1,${MAX_URI_CHARS}}$`);
const URI_FORM = `a URI with a scheme, such as "https://…" or "ipfs://…": at most ${MAX_URI_CHARS} printable ASCII characters without spaces`;

const KIND = /^[a-z0-9][a-z0-9-]{0,63}$/;
const KIND_FORM = 'a document kind of 1 to 64 lower-case letters, digits and hyphens, such as "articles-of-association"';

/** Whether `value` can be a document URI. */
export function isDocumentUri(value: string): boolean {
  return value.length <= MAX_URI_CHARS && URI.test(value);
}

/** Reads a document reference through `reader`, opened on it with `DOCUMENT_REFERENCE_FIELDS`. */
export function readDocumentReference(reader: RecordReader): DocumentReference {
  return { sha256: reader.string('sha256', isSha256Hex, SHA256_HEX_FORM), uri: reader.string('uri', isDocumentUri, URI_FORM) };
}

/** Reads a named document through `reader`, opened on it with `NAMED_DOCUMENT_FIELDS`. */
export function readNamedDocument(reader: RecordReader): NamedDocument {
  return { kind: reader.string('kind', (value) => KIND.test(value), KIND_FORM), ...readDocumentReference(reader) };
}

/** Reads the list `key` of at most `maxItems` named documents; the same bytes may not be listed twice. */
export function readNamedDocuments(reader: RecordReader, key: string, maxItems: number): NamedDocument[] {
  const documents = reader.records(key, maxItems, NAMED_DOCUMENT_FIELDS, readNamedDocument);
  const seen = new Set<string>();
  documents.forEach((document, index) => {
    const path = childPath(childPath(childPath(reader.path, key), index), 'sha256');
    if (document.sha256 !== '' && seen.has(document.sha256)) reader.problems.add(path, 'repeats the hash of an earlier document; list each document once');
    seen.add(document.sha256);
  });
  return documents;
}
