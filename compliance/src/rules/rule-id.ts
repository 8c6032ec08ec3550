/**
 * Every rule, in the order `evaluateTransfer` lists their verdicts: the transfer itself, then each
 * party's standing (sender before receiver), then the amount against policy and holdings, then
 * the travel-rule paperwork. Stored verdict lists depend on this order: never reorder; add new
 * rules at the end.
 */
export const RULE_IDS = [
  'amount-positive',
  'asset-not-paused',
  'sender-kyc',
  'receiver-kyc',
  'sender-sanctions',
  'receiver-sanctions',
  'sender-jurisdiction',
  'receiver-jurisdiction',
  'sender-investor-type',
  'receiver-investor-type',
  'min-transfer',
  'unfrozen-balance',
  'lockup',
  'max-balance',
  'holder-count',
  'travel-rule',
] as const;

export type RuleId = (typeof RULE_IDS)[number];
