import { formatDecimalAmount } from './decimal-amount';
import type { InvestorType } from './investor-type';
import type { Jurisdiction } from './jurisdiction';

/** The only `schemaVersion` this code reads; a new shape of the document gets a new number. */
export const POLICY_SCHEMA_VERSION = 1;

/**
 * The transfer policy of one asset, as code uses it: amounts in base units as bigint. Each change
 * is a new `version`; the ledger stores every version and records its `policyHash`.
 */
export type Policy = {
  readonly schemaVersion: typeof POLICY_SCHEMA_VERSION;
  readonly assetId: string;
  /** 1 for the first policy of the asset, then one more for each change. */
  readonly version: number;
  /** Investors must reside in one of these (a set, kept sorted). */
  readonly allowedJurisdictions: readonly Jurisdiction[];
  /** Investors must not reside in any of these; disjoint from `allowedJurisdictions`. */
  readonly blockedJurisdictions: readonly Jurisdiction[];
  /** Both sides of a transfer must be of one of these types (a set, kept sorted). */
  readonly allowedInvestorTypes: readonly InvestorType[];
  /** Units may move only this many seconds after their acquisition. */
  readonly lockupSeconds: number;
  /** Most beneficial owners the asset may have; units in bridge escrow count for their owner. */
  readonly maxHolders: number;
  /** Most units one beneficial owner may hold, escrowed units included. */
  readonly maxBalancePerHolder: bigint;
  /** Fewest units one transfer may move. */
  readonly minTransfer: bigint;
  /** Transfers of at least this many units need two distinct officers' approvals. */
  readonly fourEyesThreshold: bigint;
  /** Transfers of at least this many units need originator and beneficiary data. */
  readonly travelRuleThreshold: bigint;
  /** Whether units may be bridged to the EVM chain and used as collateral. */
  readonly defiEligible: boolean;
};

/** A policy as JSON on the wire and on the ledger: the shape `POLICY_SCHEMA` describes. */
export type PolicyDocument = {
  readonly [K in keyof Policy]: Policy[K] extends bigint ? string : Policy[K];
};

/** The fields of a policy document, in the order problems are reported. */
export const POLICY_FIELDS = [
  'schemaVersion',
  'assetId',
  'version',
  'allowedJurisdictions',
  'blockedJurisdictions',
  'allowedInvestorTypes',
  'lockupSeconds',
  'maxHolders',
  'maxBalancePerHolder',
  'minTransfer',
  'fourEyesThreshold',
  'travelRuleThreshold',
  'defiEligible',
] as const satisfies readonly (keyof Policy)[];

/** The wire form of a policy: amounts as decimal strings, sets sorted, so equal policies give equal JSON. */
export function policyToDocument(policy: Policy): PolicyDocument {
  return {
    schemaVersion: policy.schemaVersion,
    assetId: policy.assetId,
    version: policy.version,
    allowedJurisdictions: [...policy.allowedJurisdictions].sort(),
    blockedJurisdictions: [...policy.blockedJurisdictions].sort(),
    allowedInvestorTypes: [...policy.allowedInvestorTypes].sort(),
    lockupSeconds: policy.lockupSeconds,
    maxHolders: policy.maxHolders,
    maxBalancePerHolder: formatDecimalAmount(policy.maxBalancePerHolder),
    minTransfer: formatDecimalAmount(policy.minTransfer),
    fourEyesThreshold: formatDecimalAmount(policy.fourEyesThreshold),
    travelRuleThreshold: formatDecimalAmount(policy.travelRuleThreshold),
    defiEligible: policy.defiEligible,
  };
}
