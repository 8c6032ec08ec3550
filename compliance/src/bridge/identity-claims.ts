import { childPath } from '../policy/problem-list';
import type { RecordReader } from '../policy/record-reader';
import { readJsonDocument } from '../ledger/read-json-document';
import { readAddress, readSignature, readUintText } from './bridge-fields';

/**
 * The KYC claim topic (ONCHAINID): every asset's ClaimTopicsRegistry requires it. Mirrors
 * `bridge/contracts/compliance/ClaimTopics.sol` and bridge/src/evm/claim-topics.ts.
 */
export const KYC_CLAIM_TOPIC = '1';

/** Most claims one RegisterIdentity record keeps (the ledger accepts exactly one KYC claim today). */
export const MAX_IDENTITY_CLAIMS = 4;
/** Most bytes of a claim's data. */
export const MAX_CLAIM_DATA_BYTES = 256;

const CLAIM_DATA = new RegExp(`^0x(?:[0-9a-f]{2}){0,${MAX_CLAIM_DATA_BYTES}}$`);

/**
 * A claim as the gateway's `registerIdentity` takes it (IBridgeGateway.IdentityClaim): the topic
 * (decimal), the ClaimIssuer, the issuer key's EIP-191 signature over
 * keccak256(abi.encode(identity, topic, data)), and the data (lower-case hex bytes).
 */
export type IdentityClaimRecord = { readonly topic: string; readonly issuer: string; readonly signature: string; readonly data: string };

/** What a proposer hands the ledger: the wallet's ONCHAINID (which the ledger cannot predict) and the claims signed for it. */
export type IdentityClaimsDocument = { readonly identity: string; readonly claims: readonly IdentityClaimRecord[] };

export const CLAIM_FIELDS = ['topic', 'issuer', 'signature', 'data'] as const;

function readClaim(reader: RecordReader): IdentityClaimRecord {
  return {
    topic: readUintText(reader, 'topic', 1n),
    issuer: readAddress(reader, 'issuer'),
    signature: readSignature(reader, 'signature'),
    data: reader.string('data', (value) => CLAIM_DATA.test(value), `0x and at most ${MAX_CLAIM_DATA_BYTES} bytes in lower-case hex`),
  };
}

/** The claims field of a record or document: 1 to MAX_IDENTITY_CLAIMS claims. */
export function readClaims(reader: RecordReader, key: string): IdentityClaimRecord[] {
  const claims = reader.records(key, MAX_IDENTITY_CLAIMS, CLAIM_FIELDS, readClaim);
  if (reader.has(key) && claims.length === 0 && !reader.problems.touches(childPath(reader.path, key))) reader.problems.add(childPath(reader.path, key), 'must list at least one claim');
  return claims;
}

/** Validates a proposer's claims document (JSON text); `BRIDGE_CLAIM_INVALID` lists every problem. */
export function parseIdentityClaimsDocument(text: unknown): IdentityClaimsDocument {
  return readJsonDocument(text, {
    code: 'BRIDGE_CLAIM_INVALID',
    name: 'identity claims document',
    fields: ['identity', 'claims'],
    read: (reader) => ({ identity: readAddress(reader, 'identity'), claims: readClaims(reader, 'claims') }),
  });
}
