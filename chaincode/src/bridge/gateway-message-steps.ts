import type { Context } from 'fabric-contract-api';
import type { BridgeChainConfig } from '@trestle/compliance/src/bridge/bridge-chain';
import { ledgerMessageTypedData } from '@trestle/compliance/src/bridge/gateway-message-typed-data';
import { nonceSequenceOf, parseGatewayMessageRecord, sameNonceSequence, type GatewayMessageRecord, type LedgerGatewayMessage } from '@trestle/compliance/src/bridge/gateway-message';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { callerOf } from '../identity/caller';
import { emitLedgerEvent } from '../support/ledger-event';
import { sortedJson } from '../support/sorted-json';
import { decodeJson, INDEX_ENTRY, readRecord, writeRecord } from '../support/state';
import { txTimestampIso } from '../support/tx-time';
import { recoverTypedDataSigner } from '../wallets/typed-data-signer';
import { gatewayMessageKey, OPEN_MESSAGE_INDEX, openMessageKey, type MessageId } from './bridge-keys';
import { takeNonce } from './bridge-out-store';
import { activeChain, requireValidator } from './bridge-registry';
import { entriesInForce } from './entries-in-force';
import { deriveMessage, type DerivedMessage } from './message-fields';
import { alreadySent, recordSent } from './message-sent';
import { validatorAddressesInForce, validatorSetMessage } from './validator-set-message';

/** The chain's messages not yet relayed, optionally of one type, in key order (type, contract, nonce). */
export async function listOpenGatewayMessages(ctx: Context, chainId: string, type?: LedgerGatewayMessage): Promise<GatewayMessageRecord[]> {
  const open: GatewayMessageRecord[] = [];
  for await (const { key } of ctx.stub.getStateByPartialCompositeKey(OPEN_MESSAGE_INDEX, type === undefined ? [chainId] : [chainId, type])) {
    const [, kind = '', verifyingContract = '', nonce = ''] = ctx.stub.splitCompositeKey(key).attributes;
    const bytes = await ctx.stub.getState(gatewayMessageKey(ctx, { chainId, type: kind, verifyingContract, nonce }));
    if (bytes !== undefined && bytes.length > 0) open.push(parseGatewayMessageRecord(decodeJson(bytes)));
  }
  return open;
}

/**
 * Proposes a message as a validator of a bank with a registered address; the ledger derives its
 * fields. Nothing is written when an open message with the same fields waits (several banks'
 * reconcilers or mirrors raising the same thing make one message) or when the target already holds
 * what it would carry.
 */
export async function proposeGatewayMessage(ctx: Context, chainId: string, type: LedgerGatewayMessage, token: string | undefined, reason: string, wallet?: string): Promise<void> {
  await requireValidator(ctx, callerOf(ctx).mspId);
  const chain = await activeChain(ctx, chainId);
  await proposeDerived(ctx, chain, type, await deriveMessage(ctx, chain, type, token, wallet), reason);
}

/**
 * Proposes the SetValidators that makes the gateway's set the validators of the banks in force
 * (validator-set-message.ts), with the chain configuration's threshold and `superThreshold`. An
 * older SetValidators still open leaves the work list: the gateway keeps no order among its nonces,
 * and relaying a set from before a membership change would give a removed bank's key its power back.
 */
export async function proposeValidatorSet(ctx: Context, chainId: string, superThreshold: bigint, reason: string): Promise<void> {
  const chain = await activeChain(ctx, chainId);
  const derived = await validatorSetMessage(ctx, chain, superThreshold);
  for (const stale of await listOpenGatewayMessages(ctx, chainId, 'SetValidators')) {
    if (sortedJson(stale.fields) !== sortedJson(derived.fields)) await ctx.stub.deleteState(openMessageKey(ctx, stale));
  }
  await proposeDerived(ctx, chain, 'SetValidators', derived, reason);
}

/** Numbers and writes a derived message, unless one with the same fields waits or the target already holds it. */
export async function proposeDerived(ctx: Context, chain: BridgeChainConfig, type: LedgerGatewayMessage, derived: DerivedMessage, reason: string): Promise<void> {
  const caller = callerOf(ctx);
  const { chainId } = chain;
  const open = await listOpenGatewayMessages(ctx, chainId, type);
  if (open.some((record) => sortedJson(record.fields) === sortedJson(derived.fields))) return;
  if (await alreadySent(ctx, chainId, type, derived.fields, caller.mspId)) return;
  const nonce = derived.nonce ?? (await takeNonce(ctx, chainId, `${nonceSequenceOf(type)}@${derived.verifyingContract}`));
  const record: GatewayMessageRecord = {
    chainId,
    type,
    nonce: nonce.toString(),
    verifyingContract: derived.verifyingContract,
    fields: derived.fields,
    reason,
    proposedBy: caller.identityId,
    proposerMsp: caller.mspId,
    proposedAt: txTimestampIso(ctx),
    status: 'PROPOSED',
    signatures: [],
    evmTxHash: null,
    relayedAt: null,
  };
  await writeRecord(ctx, gatewayMessageKey(ctx, record), record);
  await ctx.stub.putState(openMessageKey(ctx, record), INDEX_ENTRY);
  emitLedgerEvent(ctx, { type: 'GatewayMessageProposed', payload: record });
}

/** The message, or BRIDGE_MINT_UNKNOWN (no message has this nonce for that contract). */
export async function readGatewayMessage(ctx: Context, id: MessageId): Promise<GatewayMessageRecord> {
  const record = await readRecord(ctx, gatewayMessageKey(ctx, id), parseGatewayMessageRecord);
  if (record === undefined) {
    throw new TrestleError('BRIDGE_MINT_UNKNOWN', `No ${id.type} message has this nonce for this contract on this chain.`, { details: { chainId: id.chainId, type: id.type, verifyingContract: id.verifyingContract, nonce: id.nonce.toString() } });
  }
  return record;
}

/**
 * Records the caller's bank's validator signature of the message, checked as for a Mint; at the
 * chain's threshold of signatures from banks in force now (entriesInForce) it is SIGNED. A
 * SetValidators whose set is no longer the banks in force is refused: signing it would help carry a
 * membership the consortium has left.
 */
export async function recordGatewaySignature(ctx: Context, id: MessageId, signature: string): Promise<void> {
  const caller = callerOf(ctx);
  const validator = await requireValidator(ctx, caller.mspId);
  const chain = await activeChain(ctx, id.chainId);
  const record = await readGatewayMessage(ctx, id);
  if (record.status === 'RELAYED') {
    throw new TrestleError('BRIDGE_OUT_STATE_CONFLICT', `The ${record.type} message is already RELAYED; it needs no more signatures.`, { details: { chainId: id.chainId, type: record.type, nonce: record.nonce } });
  }
  if (record.type === 'SetValidators' && sortedJson(record.fields.validators ?? []) !== sortedJson(await validatorAddressesInForce(ctx))) {
    throw new TrestleError('BRIDGE_OUT_STATE_CONFLICT', 'The SetValidators message names another set than the validators of the banks in force now; propose a new one.', { details: { chainId: id.chainId, type: record.type, nonce: record.nonce } });
  }
  const { domain, types, value } = ledgerMessageTypedData(record);
  const signer = recoverTypedDataSigner(domain, types, value, signature, 'BRIDGE_SIGNATURE_INVALID');
  if (signer !== validator.address) {
    throw new TrestleError('BRIDGE_SIGNER_MISMATCH', `The signature was not made by your bank's registered validator key over this ${record.type} message in its contract's domain.`, {
      details: { chainId: id.chainId, type: record.type, nonce: record.nonce, recovered: signer, validator: validator.address },
    });
  }
  const own = record.signatures.find((entry) => entry.bankMsp === caller.mspId);
  if (own !== undefined) {
    if (own.signature === signature.toLowerCase()) return;
    throw new TrestleError('BRIDGE_SIGNATURE_CONFLICT', `Your bank already recorded a different signature for this ${record.type} message; one signature per bank.`, { details: { chainId: id.chainId, type: record.type, nonce: record.nonce } });
  }
  const signatures = [...record.signatures, { bankMsp: caller.mspId, validator: signer, signature: signature.toLowerCase(), recordedAt: txTimestampIso(ctx) }];
  const counted = (await entriesInForce(ctx, signatures)).length;
  const signed: GatewayMessageRecord = { ...record, signatures, status: counted >= chain.threshold ? 'SIGNED' : record.status };
  await writeRecord(ctx, gatewayMessageKey(ctx, record), signed);
  emitLedgerEvent(ctx, { type: 'GatewayMessageSigned', payload: signed });
}

/**
 * Whether `carried`, once relayed, makes the still-open `open` useless: the target takes only a newer
 * message of the same nonce sequence (nonceSequenceOf) and subject. An oracle takes only a later
 * valuation sequence; the gateway applies validator sets, pauses and unpauses, an asset's legal
 * state, and a wallet's KYC phase and its registrations and revocations in nonce order
 * (MessageNonceStale). Write-offs are not ordered this way.
 */
function supersedes(carried: GatewayMessageRecord, open: GatewayMessageRecord): boolean {
  if (!sameNonceSequence(open.type, carried.type) || open.verifyingContract !== carried.verifyingContract || BigInt(open.nonce) >= BigInt(carried.nonce)) return false;
  switch (carried.type) {
    case 'Nav':
    case 'SetValidators':
    case 'Pause':
    case 'Unpause':
      return true;
    case 'SetLegalState':
      return open.fields.token === carried.fields.token;
    case 'SetKycPhase':
    case 'RegisterIdentity':
    case 'RevokeIdentity':
      return open.fields.token === carried.fields.token && open.fields.wallet === carried.fields.wallet;
    default:
      return false;
  }
}

/**
 * Records the EVM transaction that carried a SIGNED message, and what it carried; the same hash
 * again changes nothing. It closes the older messages still open that the target would now refuse
 * (supersedes).
 */
export async function recordGatewayRelayed(ctx: Context, id: MessageId, evmTxHash: string): Promise<void> {
  await requireValidator(ctx, callerOf(ctx).mspId);
  const record = await readGatewayMessage(ctx, id);
  if (record.status === 'RELAYED') {
    if (record.evmTxHash === evmTxHash) return;
    throw new TrestleError('BRIDGE_MINTED_CONFLICT', `The ${record.type} message is already recorded as relayed by another EVM transaction.`, { details: { chainId: id.chainId, type: record.type, nonce: record.nonce, recorded: record.evmTxHash } });
  }
  if (record.status !== 'SIGNED') {
    throw new TrestleError('BRIDGE_OUT_STATE_CONFLICT', `The ${record.type} message is ${record.status}; only a SIGNED message can have been relayed.`, { details: { chainId: id.chainId, type: record.type, nonce: record.nonce } });
  }
  const relayed: GatewayMessageRecord = { ...record, status: 'RELAYED', evmTxHash, relayedAt: txTimestampIso(ctx) };
  await writeRecord(ctx, gatewayMessageKey(ctx, record), relayed);
  await ctx.stub.deleteState(openMessageKey(ctx, record));
  const superseded = (await listOpenGatewayMessages(ctx, record.chainId)).filter((open) => supersedes(record, open));
  for (const stale of superseded) await ctx.stub.deleteState(openMessageKey(ctx, stale));
  await recordSent(ctx, record);
  emitLedgerEvent(ctx, { type: 'GatewayMessageRelayed', payload: relayed });
}
