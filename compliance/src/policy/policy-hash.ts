import { createHash } from 'node:crypto';
import { policyToDocument, type Policy } from './policy';

/**
 * The canonical JSON of a policy: keys sorted by UTF-16 code unit (the order chaincode's sorted
 * JSON writes), no whitespace, amounts as decimal strings, set-valued lists sorted. Every field of
 * a policy document is a string, number, boolean or list of strings, so `JSON.stringify` of each
 * value is already canonical and only the keys need ordering.
 */
export function canonicalPolicyJson(policy: Policy): string {
  const document: Readonly<Record<string, unknown>> = policyToDocument(policy);
  const members = Object.keys(document)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${JSON.stringify(document[key])}`);
  return `{${members.join(',')}}`;
}

/** SHA-256 of the UTF-8 canonical JSON, as 64 lower-case hex digits: the policy's id on the ledger. */
export function policyHash(policy: Policy): string {
  return createHash('sha256').update(canonicalPolicyJson(policy), 'utf8').digest('hex');
}
