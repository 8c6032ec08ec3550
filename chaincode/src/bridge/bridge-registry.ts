import type { Context } from 'fabric-contract-api';
import { getAddress } from 'ethers';
import { parseBridgeChainRecord, type BridgeChainConfig, type BridgeChainRecord } from '@trestle/compliance/src/bridge/bridge-chain';
import { parseBridgeEscrow, type BridgeEscrow } from '@trestle/compliance/src/bridge/bridge-escrow';
import { parseBridgeValidator, type BridgeValidator } from '@trestle/compliance/src/bridge/bridge-validator';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { decodeJson, readRecord, valuesByPartialKey, writeRecord } from '../support/state';
import { chainKey, escrowKey, VALIDATOR_KEY_TYPE, validatorKey } from './bridge-keys';

// Reading and writing the bridge's configuration: chains, validators, escrow per asset and chain.

/** The chain's record, or undefined when no bank has proposed one. */
export async function findChain(ctx: Context, chainId: string): Promise<BridgeChainRecord | undefined> {
  return readRecord(ctx, chainKey(ctx, chainId), parseBridgeChainRecord);
}

/** The configuration in force for the chain, or BRIDGE_CHAIN_UNKNOWN. */
export async function activeChain(ctx: Context, chainId: string): Promise<BridgeChainConfig> {
  const active = (await findChain(ctx, chainId))?.active ?? null;
  if (active === null) {
    throw new TrestleError('BRIDGE_CHAIN_UNKNOWN', 'No bridge configuration is in force for this chain; operators of two banks propose and approve one first.', { details: { chainId } });
  }
  return active;
}

export async function writeChain(ctx: Context, record: BridgeChainRecord): Promise<void> {
  await writeRecord(ctx, chainKey(ctx, record.chainId), record);
}

/** The configuration with every address in its EIP-55 form, so comparisons and signatures see one spelling. */
export function checksummed(config: BridgeChainConfig): BridgeChainConfig {
  return {
    ...config,
    gateway: getAddress(config.gateway.toLowerCase()),
    tokens: config.tokens.map((entry) => ({
      ...entry,
      token: getAddress(entry.token.toLowerCase()),
      ...(entry.oracle === undefined ? {} : { oracle: { ...entry.oracle, address: getAddress(entry.oracle.address.toLowerCase()) } }),
    })),
    ...(config.claimIssuer === undefined ? {} : { claimIssuer: getAddress(config.claimIssuer.toLowerCase()) }),
  };
}

/** The bank's validator, or undefined. */
export async function findValidator(ctx: Context, bankMsp: string): Promise<BridgeValidator | undefined> {
  return readRecord(ctx, validatorKey(ctx, bankMsp), parseBridgeValidator);
}

/** The bank's validator, or BRIDGE_VALIDATOR_UNKNOWN. */
export async function requireValidator(ctx: Context, bankMsp: string): Promise<BridgeValidator> {
  const validator = await findValidator(ctx, bankMsp);
  if (validator === undefined) {
    throw new TrestleError('BRIDGE_VALIDATOR_UNKNOWN', "Your bank has registered no validator address; an admin of your org registers one with RegisterValidator first.", { details: { bankMsp } });
  }
  return validator;
}

/** Every bank's validator, in bank order. */
export async function allValidators(ctx: Context): Promise<BridgeValidator[]> {
  return (await valuesByPartialKey(ctx, VALIDATOR_KEY_TYPE, [])).map((value) => parseBridgeValidator(decodeJson(value)));
}

export async function writeValidator(ctx: Context, validator: BridgeValidator): Promise<void> {
  await writeRecord(ctx, validatorKey(ctx, validator.bankMsp), validator);
}

/** The asset's escrow for the chain; zero when nothing was ever escrowed. */
export async function readEscrow(ctx: Context, assetId: string, chainId: string): Promise<BridgeEscrow> {
  return (await readRecord(ctx, escrowKey(ctx, assetId, chainId), parseBridgeEscrow)) ?? { assetId, chainId, escrowed: '0', suspense: '0' };
}

export async function writeEscrow(ctx: Context, escrow: BridgeEscrow): Promise<void> {
  await writeRecord(ctx, escrowKey(ctx, escrow.assetId, escrow.chainId), escrow);
}
