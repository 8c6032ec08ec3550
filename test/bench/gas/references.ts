/**
 * Figures measured earlier on these machines, shown beside ours for context (DESIGN §10 and the
 * "Public chain" issue). They are not goals.
 */
const DESIGN = 'DESIGN §10';

export const REFERENCE = {
  trexMintToHolder: { gas: 149_000n, source: `T-REX mint alone, no gateway, ${DESIGN}` },
  trexRepeatTransfer: { gas: 154_000n, source: `T-REX repeat transfer, ${DESIGN}` },
  trexBurn: { gas: 49_000n, source: `T-REX burn alone, no gateway, ${DESIGN}` },
  identityAsThreeTransactions: { gas: 822_000n, source: `createIdentity 457k + addClaim 307k + registerIdentity 58k as separate transactions, ${DESIGN}` },
} as const;

/** Plain Morpho Blue on a local node, measured earlier (issue "Public chain"). */
export const PLAIN_MORPHO_REFERENCE: Readonly<Record<string, bigint>> = {
  supplyCollateral: 91_000n,
  borrow: 115_000n,
  repay: 81_000n,
  liquidate: 124_000n,
};
