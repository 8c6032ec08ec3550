import type { Policy, PolicyDocument } from '../policy';

/** A valid policy document for tests: Swiss and German investors, 90-day lockup, 100 holders. */
export const POLICY_DOCUMENT: PolicyDocument = {
  schemaVersion: 1,
  assetId: 'ZOB',
  version: 3,
  allowedJurisdictions: ['CH', 'DE', 'LI'],
  blockedJurisdictions: ['IR', 'KP'],
  allowedInvestorTypes: ['accredited', 'professional', 'qualified-institutional'],
  lockupSeconds: 7_776_000,
  maxHolders: 100,
  maxBalancePerHolder: '1000000',
  minTransfer: '100',
  fourEyesThreshold: '50000',
  travelRuleThreshold: '10000',
  defiEligible: true,
};

/** `POLICY_DOCUMENT` as the `Policy` that `parsePolicy` returns for it, with `changes` applied. */
export function samplePolicy(changes: Partial<Policy> = {}): Policy {
  return {
    ...POLICY_DOCUMENT,
    maxBalancePerHolder: 1_000_000n,
    minTransfer: 100n,
    fourEyesThreshold: 50_000n,
    travelRuleThreshold: 10_000n,
    ...changes,
  };
}
