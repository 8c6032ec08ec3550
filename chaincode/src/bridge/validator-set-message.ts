import type { Context } from 'fabric-contract-api';
import { getAddress } from 'ethers';
import type { BridgeChainConfig } from '@trestle/compliance/src/bridge/bridge-chain';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { grantInForce } from '../roles/grant-in-force';
import { allValidators } from './bridge-registry';
import type { DerivedMessage } from './message-fields';

/**
 * The registered validator addresses of the banks whose validator grant is in force now, in bank
 * order. BridgeGateway checks the order of a bundle's signatures (QuorumSignatures: ascending
 * signers), not of the set it is given, so bank order keeps the set readable beside the ledger's.
 */
export async function validatorAddressesInForce(ctx: Context): Promise<string[]> {
  const addresses: string[] = [];
  for (const validator of await allValidators(ctx)) {
    if (await grantInForce(ctx, validator.bankMsp, 'validator')) addresses.push(getAddress(validator.address.toLowerCase()));
  }
  return addresses;
}

function setInvalid(chain: BridgeChainConfig, n: number, superThreshold: bigint, sentence: string): TrestleError {
  return new TrestleError('BRIDGE_VALIDATOR_SET_INVALID', sentence, { details: { chainId: chain.chainId, validators: n, threshold: chain.threshold, superThreshold: superThreshold.toString() } });
}

/**
 * The SetValidators the ledger derives for the chain: the validators of the banks in force, the
 * chain configuration's threshold, and the proposer's `superThreshold`. Refuses
 * (BRIDGE_VALIDATOR_SET_INVALID) what BridgeGateway._setValidators would revert, so the ledger never
 * numbers a message the gateway cannot take: an empty set, a threshold above the set or not a strict
 * majority of it (a new chain configuration is needed first), a super threshold outside
 * threshold..n. Addresses are distinct: RegisterValidator refuses another bank's address.
 */
export async function validatorSetMessage(ctx: Context, chain: BridgeChainConfig, superThreshold: bigint): Promise<DerivedMessage> {
  const validators = await validatorAddressesInForce(ctx);
  const n = validators.length;
  const { threshold } = chain;
  if (n === 0) throw setInvalid(chain, n, superThreshold, 'No bank in force has registered a validator address; the gateway takes no empty set.');
  if (threshold > n) {
    throw setInvalid(chain, n, superThreshold, `The chain configuration's threshold (${threshold}) exceeds the ${n} validators of the banks in force; operators of two banks propose and approve a configuration with a threshold of at most ${n} (and more than half of it) first.`);
  }
  if (2 * threshold <= n) {
    throw setInvalid(chain, n, superThreshold, `The chain configuration's threshold (${threshold}) is not more than half of the ${n} validators of the banks in force, and the gateway takes only a strict majority; operators of two banks propose and approve a configuration with a higher threshold first.`);
  }
  if (superThreshold < BigInt(threshold) || superThreshold > BigInt(n)) {
    throw setInvalid(chain, n, superThreshold, `The super threshold must be from the threshold (${threshold}) to the number of validators (${n}).`);
  }
  return { fields: { validators, threshold, superThreshold: Number(superThreshold) }, verifyingContract: chain.gateway };
}
