import { createHash } from 'node:crypto';
import type { Context } from 'fabric-contract-api';
import type { TravelRuleData } from '@trestle/compliance/src/rules/transfer-check-input';
import { parseTravelRuleData, TRAVEL_RULE_TRANSIENT_KEY } from '@trestle/compliance/src/transfers/transfer-request';
import { TRAVEL_RULE_FIELDS, type TransferRecord } from '@trestle/compliance/src/transfers/transfer-record';
import { sortedJson } from '../support/sorted-json';

/** The travel-rule data of the proposal's transient map, or undefined when it carries none. */
export function travelRuleOf(ctx: Context): TravelRuleData | undefined {
  const bytes = ctx.stub.getTransient().get(TRAVEL_RULE_TRANSIENT_KEY);
  return bytes === undefined ? undefined : parseTravelRuleData(Buffer.from(bytes).toString('utf8'));
}

/** What the ledger keeps of travel-rule data: the hash of its sorted JSON and which fields were filled. */
export function travelRuleTrace(data: TravelRuleData | undefined): TransferRecord['travelRule'] {
  if (data === undefined) return null;
  const given = TRAVEL_RULE_FIELDS.filter((field) => {
    const [party, name] = field.split('.') as ['originator' | 'beneficiary', 'name' | 'accountRef'];
    return data[party][name].trim() !== '';
  });
  return { sha256: createHash('sha256').update(sortedJson(data), 'utf8').digest('hex'), given };
}

// Stands in for a field the request filled: the rule only asks whether each field is there.
const ON_FILE = 'on file (see the request)';

/**
 * The travel-rule data to re-run the rules with at settlement. The data itself was judged at the
 * request and cannot change since; the ledger keeps which fields it filled, which is all the rule
 * reads, so a policy that meanwhile lowered its threshold is still applied correctly.
 */
export function travelRuleAtSettlement(trace: TransferRecord['travelRule']): TravelRuleData | undefined {
  if (trace === null) return undefined;
  const field = (name: string) => (trace.given.includes(name) ? ON_FILE : '');
  return {
    originator: { name: field('originator.name'), accountRef: field('originator.accountRef') },
    beneficiary: { name: field('beneficiary.name'), accountRef: field('beneficiary.accountRef') },
  };
}
