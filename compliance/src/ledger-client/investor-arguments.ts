import { randomBytes } from 'node:crypto';
import type { JsonObject } from '../json/json-value';
import { parseInvestorDocument } from '../ledger/investor';
import { parseInvestorPii, PII_TRANSIENT_KEY } from '../ledger/investor-pii';

// What every ledger client (the officer service, the CLI) sends for an investor, checked by the
// chaincode's own readers before it leaves, so a mistake costs no ledger round trip.

/**
 * The investor document as the chaincode will read it, checked by the same compliance reader
 * first (INVESTOR_INVALID listing every problem), so a mistake costs no ledger round trip.
 */
export function investorArgument(investor: JsonObject, nowMs: number): string {
  const text = JSON.stringify(investor);
  parseInvestorDocument(text, Math.floor(nowMs / 1000));
  return text;
}

/**
 * The PII as transient bytes, with a random salt when the officer's client sent none (the salt keeps
 * the hash on the shared ledger from being matched against guessed names), checked by the
 * chaincode's own reader (INVESTOR_PII_INVALID).
 */
export function piiTransient(pii: JsonObject): Record<string, Uint8Array> {
  const salted = Object.hasOwn(pii, 'salt') ? pii : { ...pii, salt: randomBytes(16).toString('hex') };
  const bytes = Buffer.from(JSON.stringify(salted), 'utf8');
  parseInvestorPii(bytes);
  return { [PII_TRANSIENT_KEY]: bytes };
}
