import { pass, fail, type RuleVerdict } from './rule-verdict';
import type { TransferCheckInput, TravelRuleData } from './transfer-check-input';
import { joined, units } from './wording';

const FIELDS = [
  { party: 'originator', field: 'name', words: "the originator's name" },
  { party: 'originator', field: 'accountRef', words: "the originator's account reference" },
  { party: 'beneficiary', field: 'name', words: "the beneficiary's name" },
  { party: 'beneficiary', field: 'accountRef', words: "the beneficiary's account reference" },
] as const;

/**
 * Transfers at or above the travel-rule threshold must carry originator and beneficiary data
 * (blank strings count as missing). The verdict names missing fields, never values: verdicts go on
 * the shared ledger, the data itself does not.
 */
export function checkTravelRuleData(input: TransferCheckInput): RuleVerdict {
  const threshold = input.policy.travelRuleThreshold;
  const required = input.amount >= threshold;
  const missing = required ? FIELDS.filter((entry) => isBlank(input.travelRule, entry.party, entry.field)) : [];
  const details = {
    amount: input.amount.toString(),
    travelRuleThreshold: threshold.toString(),
    required,
    missing: missing.map((entry) => `${entry.party}.${entry.field}`),
  };
  if (!required) return pass('travel-rule', `Travel-rule data is not required below ${units(threshold)}.`, details);
  if (missing.length === 0) return pass('travel-rule', `Originator and beneficiary data are present, as required from ${units(threshold)}.`, details);
  const list = joined(missing.map((entry) => entry.words));
  return fail('travel-rule', 'TRAVEL_RULE_DATA_MISSING', `Transfers of ${units(threshold)} or more must carry originator and beneficiary data; supply ${list}.`, details);
}

function isBlank(data: TravelRuleData | undefined, party: 'originator' | 'beneficiary', field: 'name' | 'accountRef'): boolean {
  return data === undefined || data[party][field].trim() === '';
}
