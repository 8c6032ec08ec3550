import type { Role } from '@trestle/compliance/src/roles/roles';

// Who may run each kind of query. Deny by default: an identity with no role in its org reads
// nothing, however it reached the peer.

/**
 * SPVs, assets, valuations and their histories: anyone who takes part in the consortium, but not a
 * share service of the evidence vault (`vault`), which only records file accesses.
 */
export const LEDGER_READERS: readonly Role[] = ['compliance-officer', 'operator', 'spv-admin', 'appraiser', 'validator', 'regulator'];

/** Investors' public records: those who onboard, trade for, tokenize to or supervise them. */
export const INVESTOR_READERS: readonly Role[] = ['compliance-officer', 'operator', 'spv-admin', 'regulator'];

/** Holdings: the parties to transfers, the transfer agent, the bridge validators and the regulator. */
export const HOLDING_READERS: readonly Role[] = ['compliance-officer', 'operator', 'spv-admin', 'validator', 'regulator'];

/** Wallet bindings: the banks, the bridge validators that mirror them, and the regulator. */
export const WALLET_READERS: readonly Role[] = ['compliance-officer', 'operator', 'validator', 'regulator'];
