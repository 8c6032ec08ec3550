import type { IncomingMessage } from 'node:http';
import { TrestleError } from '../../../errors/trestle-error';

/** A decryption share request is a few hundred bytes; anything much larger is not one. */
export const MAX_SHARE_REQUEST_BYTES = 16_384;

/**
 * The request body as JSON: VAULT_REQUEST_MALFORMED unless it is application/json, at most
 * `MAX_SHARE_REQUEST_BYTES`, valid UTF-8 and valid JSON. Nothing of the body is echoed back.
 */
export async function readShareRequest(req: IncomingMessage): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    req.resume();
    throw malformed('is not sent as Content-Type: application/json');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_SHARE_REQUEST_BYTES) {
      // Stop reading: a client flooding a share service gets its connection cut after the answer.
      req.resume();
      throw malformed(`is larger than ${MAX_SHARE_REQUEST_BYTES} bytes`);
    }
    chunks.push(chunk);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
    return JSON.parse(text) as unknown;
  } catch {
    throw malformed('is not UTF-8 JSON');
  }
}

function malformed(problem: string): TrestleError {
  return new TrestleError('VAULT_REQUEST_MALFORMED', `The request body ${problem}; send the decryption share request as a JSON object.`);
}
