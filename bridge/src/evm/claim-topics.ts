/**
 * ONCHAINID claim topics the consortium's ClaimIssuer signs. Mirrors
 * `bridge/contracts/compliance/ClaimTopics.sol`; the two must not drift.
 */
export const CLAIM_TOPICS = {
  /** KYC passed: required by every asset's ClaimTopicsRegistry, venues and liquidators included. */
  KYC: 1n,
  /** The wallet is a lending venue (a Morpho Blue instance); remediation blocks transfers to it. */
  VENUE: 2n,
  /** The wallet is a permitted liquidator of the consortium's markets. */
  LIQUIDATOR: 3n,
} as const;

export type ClaimTopicName = keyof typeof CLAIM_TOPICS;
