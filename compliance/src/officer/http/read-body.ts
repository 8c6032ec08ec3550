import type { IncomingMessage } from 'node:http';
import { TrestleError } from '../../errors/trestle-error';

/** Request bodies larger than this are refused: the chaincode takes JSON arguments of at most 65 536 characters. */
export const MAX_BODY_BYTES = 65_536;

// Past this much the client is not sending a form but flooding: the connection is cut.
const DRAIN_LIMIT_BYTES = 16 * MAX_BODY_BYTES;

// Requests that announced a flood: answered at once, their body unread, and the connection closed after the answer.
const announcedFloods = new WeakSet<IncomingMessage>();

/** Whether the service refused `req` for a Content-Length past the drain limit, so the answer must close the connection. */
export function announcedFlood(req: IncomingMessage): boolean {
  return announcedFloods.has(req);
}

/** Whether the request carries a body, as HTTP/1.1 frames one. */
export function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * Reads the body as UTF-8 JSON. OFFICER_MEDIA_TYPE_UNSUPPORTED unless Content-Type is
 * application/json (a cross-site form cannot send that without a preflight the service never
 * answers), OFFICER_BODY_TOO_LARGE past `MAX_BODY_BYTES` (the rest is read and dropped so the
 * client gets the answer), OFFICER_REQUEST_MALFORMED for invalid UTF-8 or JSON.
 */
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    req.resume();
    throw new TrestleError('OFFICER_MEDIA_TYPE_UNSUPPORTED', 'Send the request body as JSON with Content-Type: application/json.');
  }
  const declared = Number(req.headers['content-length'] ?? '0');
  // Reading a body this large only to drop it would feed the flood; cutting the connection would leave the client without an answer.
  if (declared > DRAIN_LIMIT_BYTES) {
    announcedFloods.add(req);
    throw tooLargeError();
  }
  const { chunks, size, flood } = await readUpTo(req, MAX_BODY_BYTES, DRAIN_LIMIT_BYTES);
  // A flood sent without a declared length (chunked) is found only while reading: answered like an announced one.
  if (flood) announcedFloods.add(req);
  if (flood || declared > MAX_BODY_BYTES || size > MAX_BODY_BYTES) throw tooLargeError();
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw malformed('The request body is not valid UTF-8.');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw malformed('The request body is not valid JSON.');
  }
}

/**
 * Reads the body, keeping at most `keep` bytes. Past `stopAt` it stops reading, the rest unread
 * (`flood`), without destroying the socket, so the answer still reaches the client; iterating the
 * request with for-await and breaking out would destroy it.
 */
function readUpTo(req: IncomingMessage, keep: number, stopAt: number): Promise<{ chunks: Buffer[]; size: number; flood: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > stopAt) {
        stop();
        req.pause();
        resolve({ chunks, size, flood: true });
        return;
      }
      if (size <= keep) chunks.push(chunk);
    };
    const onEnd = () => {
      stop();
      resolve({ chunks, size, flood: false });
    };
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

function tooLargeError(): TrestleError {
  return new TrestleError('OFFICER_BODY_TOO_LARGE', `The request body is larger than ${MAX_BODY_BYTES} bytes; send less.`, { details: { limitBytes: MAX_BODY_BYTES } });
}

function malformed(sentence: string): TrestleError {
  return new TrestleError('OFFICER_REQUEST_MALFORMED', sentence, { details: { problems: [{ path: '', problem: sentence }] } });
}
