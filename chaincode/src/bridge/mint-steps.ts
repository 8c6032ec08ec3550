import type { Context } from 'fabric-contract-api';
import type { BridgeOutRecord } from '@trestle/compliance/src/bridge/bridge-out';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { callerOf } from '../identity/caller';
import { emitLedgerEvent } from '../support/ledger-event';
import { txTimestampIso } from '../support/tx-time';
import { readBridgeOutByNonce, writeBridgeOut } from './bridge-out-store';
import { activeChain, requireValidator } from './bridge-registry';
import { entriesInForce } from './entries-in-force';
import { recoverMintSigner } from './mint-signature';

type Escrowed = BridgeOutRecord & { readonly nonce: string; readonly fabricTxId: string };

function requireEscrowed(record: BridgeOutRecord): Escrowed {
  const { nonce, fabricTxId } = record;
  if (nonce === null || fabricTxId === null) {
    throw new TrestleError('BRIDGE_OUT_STATE_CONFLICT', `The bridge-out is ${record.status}; it has no Mint to sign.`, { details: { bridgeOutId: record.bridgeOutId, status: record.status } });
  }
  return { ...record, nonce, fabricTxId };
}

/**
 * Records the caller's bank's validator signature of the Mint with `nonce`. The signature must
 * recover to the bank's registered validator address in the chain's gateway domain, so the ledger
 * only holds signatures the gateway will accept. Repeating the same signature changes nothing; a
 * different one from the same bank is refused. At the chain's threshold of signatures from banks in
 * force now (entriesInForce) the bridge-out is SIGNED.
 */
export async function recordMintSignature(ctx: Context, chainId: string, nonce: bigint, signature: string): Promise<void> {
  const caller = callerOf(ctx);
  const validator = await requireValidator(ctx, caller.mspId);
  const chain = await activeChain(ctx, chainId);
  const record = requireEscrowed(await readBridgeOutByNonce(ctx, chainId, nonce));
  if (record.status === 'MINTED') {
    throw new TrestleError('BRIDGE_OUT_STATE_CONFLICT', 'The bridge-out is already MINTED; it needs no more signatures.', { details: { bridgeOutId: record.bridgeOutId, nonce: record.nonce } });
  }
  const signer = recoverMintSigner(chain, record, signature);
  if (signer !== validator.address) {
    throw new TrestleError('BRIDGE_SIGNER_MISMATCH', "The signature was not made by your bank's registered validator key over this Mint in this chain's gateway domain.", {
      details: { chainId, nonce: record.nonce, recovered: signer, validator: validator.address },
    });
  }
  const own = record.signatures.find((entry) => entry.bankMsp === caller.mspId);
  if (own !== undefined) {
    if (own.signature.toLowerCase() === signature.toLowerCase()) return;
    throw new TrestleError('BRIDGE_SIGNATURE_CONFLICT', 'Your bank already recorded a different signature for this Mint; one signature per bank.', { details: { chainId, nonce: record.nonce, bankMsp: caller.mspId } });
  }
  const signatures = [...record.signatures, { bankMsp: caller.mspId, validator: signer, signature: signature.toLowerCase(), recordedAt: txTimestampIso(ctx) }];
  const counted = (await entriesInForce(ctx, signatures)).length;
  const signed: BridgeOutRecord = { ...record, signatures, status: counted >= chain.threshold ? 'SIGNED' : record.status };
  await writeBridgeOut(ctx, signed, record.status);
  emitLedgerEvent(ctx, { type: 'MintSignatureRecorded', payload: signed });
}

/**
 * Records that the gateway minted the bridge-out in `evmTxHash`. Only a SIGNED bridge-out can have
 * been minted (the relayer takes the signatures from the ledger); the same hash again changes
 * nothing, another hash is refused. The reconciler, not this record, proves the mint on chain.
 */
export async function recordMinted(ctx: Context, chainId: string, nonce: bigint, evmTxHash: string): Promise<void> {
  await requireValidator(ctx, callerOf(ctx).mspId);
  const record = await readBridgeOutByNonce(ctx, chainId, nonce);
  if (record.status === 'MINTED') {
    if (record.evmTxHash === evmTxHash) return;
    throw new TrestleError('BRIDGE_MINTED_CONFLICT', 'The nonce is already recorded as minted by another EVM transaction.', { details: { chainId, nonce: nonce.toString(), recorded: record.evmTxHash, offered: evmTxHash } });
  }
  if (record.status !== 'SIGNED') {
    throw new TrestleError('BRIDGE_OUT_STATE_CONFLICT', `The bridge-out is ${record.status}; only a SIGNED bridge-out can have been minted.`, { details: { bridgeOutId: record.bridgeOutId, status: record.status } });
  }
  const minted: BridgeOutRecord = { ...record, status: 'MINTED', evmTxHash, mintedAt: txTimestampIso(ctx) };
  await writeBridgeOut(ctx, minted, record.status);
  emitLedgerEvent(ctx, { type: 'MintRecorded', payload: minted });
}
