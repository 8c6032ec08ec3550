import type { BaseWallet, TypedDataDomain, TypedDataField } from 'ethers';
import { DOMAIN_VERSION } from './messages';
import { signQuorum } from './quorum-signer';

/** QuorumOwner's EIP-712 domain name (bridge/contracts/governance/QuorumOwner.sol). */
export const QUORUM_OWNER_DOMAIN_NAME = 'Trestle QuorumOwner';

/** One owner call as the validators sign it: `data` is the calldata for `target`, runnable until `validUntil` (unix seconds). */
export const QUORUM_OWNER_TYPES: Record<string, TypedDataField[]> = {
  Execute: [
    { name: 'target', type: 'address' },
    { name: 'data', type: 'bytes' },
    { name: 'nonce', type: 'uint256' },
    { name: 'validUntil', type: 'uint64' },
  ],
};

export type OwnerCall = { readonly target: string; readonly data: string; readonly nonce: bigint; readonly validUntil: bigint };

export function quorumOwnerDomain(chainId: bigint, quorumOwner: string): TypedDataDomain {
  return { name: QUORUM_OWNER_DOMAIN_NAME, version: DOMAIN_VERSION, chainId, verifyingContract: quorumOwner };
}

/**
 * The validators' signatures over one owner call, ordered as the contract requires. It needs the
 * gateway's super threshold of them: owner powers reach past every quorum the gateway enforces.
 */
export function signOwnerCall(validators: readonly BaseWallet[], chainId: bigint, quorumOwner: string, call: OwnerCall): Promise<string[]> {
  return signQuorum(validators, quorumOwnerDomain(chainId, quorumOwner), QUORUM_OWNER_TYPES, { ...call });
}
