import type { Context } from 'fabric-contract-api';
import { getAddress } from 'ethers';
import { assetOfToken, type BridgeChainConfig } from '@trestle/compliance/src/bridge/bridge-chain';
import { GATEWAY_TYPES, gatewayDomain } from '@trestle/compliance/src/bridge/gateway-types';
import { parseGatewayMessageRecord, type GatewayMessageFields, type GatewayMessageRecord, type LedgerGatewayMessage } from '@trestle/compliance/src/bridge/gateway-message';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { readAsset } from '../assets/asset-key';
import { callerOf } from '../identity/caller';
import { emitLedgerEvent } from '../support/ledger-event';
import { sortedJson } from '../support/sorted-json';
import { decodeJson, INDEX_ENTRY, readRecord, writeRecord } from '../support/state';
import { txTimestampIso } from '../support/tx-time';
import { recoverTypedDataSigner } from '../wallets/typed-data-signer';
import { gatewayMessageKey, legalSentKey, OPEN_MESSAGE_INDEX, openMessageKey } from './bridge-keys';
import { takeNonce } from './bridge-out-store';
import { activeChain, requireValidator } from './bridge-registry';

/** The gateway's LegalState for each ledger state that has one: the legal state crosses as data, never as a proposer's claim. */
const EVM_LEGAL_STATE_OF: Readonly<Record<string, number>> = { TOKENIZED: 0, CURED: 0, REMEDIATION: 1 };

/**
 * The message's fields, derived from the ledger where they can be: SetLegalState names only the
 * token, and the state comes from the asset's record, so no proposer can carry a state the ledger
 * does not hold. Pause and Unpause have no fields.
 */
async function fieldsFor(ctx: Context, chain: BridgeChainConfig, type: LedgerGatewayMessage, token: string | undefined): Promise<GatewayMessageFields> {
  if (type !== 'SetLegalState') return {};
  const assetId = token === undefined ? undefined : assetOfToken(chain, token);
  if (token === undefined || assetId === undefined) {
    throw new TrestleError('BRIDGE_TOKEN_UNKNOWN', "SetLegalState needs the token of an asset in this chain's bridge configuration.", { details: { chainId: chain.chainId, token: token ?? null } });
  }
  const asset = await readAsset(ctx, assetId);
  const state = EVM_LEGAL_STATE_OF[asset.state];
  if (state === undefined) {
    throw new TrestleError('BRIDGE_OUT_STATE_CONFLICT', `The asset is ${asset.state}; the gateway has no legal state for it (only TOKENIZED, CURED and REMEDIATION cross).`, { details: { assetId, state: asset.state } });
  }
  return { token: getAddress(token.toLowerCase()), state };
}

async function openMessages(ctx: Context, chainId: string, type: LedgerGatewayMessage): Promise<GatewayMessageRecord[]> {
  const open: GatewayMessageRecord[] = [];
  for await (const { key } of ctx.stub.getStateByPartialCompositeKey(OPEN_MESSAGE_INDEX, [chainId, type])) {
    const [, , nonce = ''] = ctx.stub.splitCompositeKey(key).attributes;
    const record = await readRecord(ctx, gatewayMessageKey(ctx, chainId, type, nonce), parseGatewayMessageRecord);
    if (record !== undefined) open.push(record);
  }
  return open;
}

/**
 * Proposes a gateway message as a validator of a bank with a registered address. An open message
 * of the same type and fields already waiting is the answer (nothing is written): several banks'
 * reconcilers raising the same alarm make one pause, not three.
 */
export async function proposeGatewayMessage(ctx: Context, chainId: string, type: LedgerGatewayMessage, token: string | undefined, reason: string): Promise<void> {
  const caller = callerOf(ctx);
  await requireValidator(ctx, caller.mspId);
  const chain = await activeChain(ctx, chainId);
  const fields = await fieldsFor(ctx, chain, type, token);
  if ((await openMessages(ctx, chainId, type)).some((record) => sortedJson(record.fields) === sortedJson(fields))) return;
  if (type === 'SetLegalState' && fields.token !== undefined && (await lastSentLegalState(ctx, chainId, fields.token)) === fields.state) return;
  const nonce = await takeNonce(ctx, chainId, type);
  const record: GatewayMessageRecord = {
    chainId,
    type,
    nonce: nonce.toString(),
    fields,
    reason,
    proposedBy: caller.identityId,
    proposerMsp: caller.mspId,
    proposedAt: txTimestampIso(ctx),
    status: 'PROPOSED',
    signatures: [],
    evmTxHash: null,
    relayedAt: null,
  };
  await writeRecord(ctx, gatewayMessageKey(ctx, chainId, type, nonce), record);
  await ctx.stub.putState(openMessageKey(ctx, chainId, type, nonce), INDEX_ENTRY);
  emitLedgerEvent(ctx, { type: 'GatewayMessageProposed', payload: record });
}

/** The message, or BRIDGE_MINT_UNKNOWN (no message has this nonce). */
export async function readGatewayMessage(ctx: Context, chainId: string, type: LedgerGatewayMessage, nonce: bigint): Promise<GatewayMessageRecord> {
  const record = await readRecord(ctx, gatewayMessageKey(ctx, chainId, type, nonce), parseGatewayMessageRecord);
  if (record === undefined) throw new TrestleError('BRIDGE_MINT_UNKNOWN', `No ${type} message has this nonce on this chain.`, { details: { chainId, type, nonce: nonce.toString() } });
  return record;
}

/** Records the caller's bank's validator signature of the message, checked as for a Mint; at the chain's threshold it is SIGNED. */
export async function recordGatewaySignature(ctx: Context, chainId: string, type: LedgerGatewayMessage, nonce: bigint, signature: string): Promise<void> {
  const caller = callerOf(ctx);
  const validator = await requireValidator(ctx, caller.mspId);
  const chain = await activeChain(ctx, chainId);
  const record = await readGatewayMessage(ctx, chainId, type, nonce);
  if (record.status === 'RELAYED') {
    throw new TrestleError('BRIDGE_OUT_STATE_CONFLICT', `The ${type} message is already RELAYED; it needs no more signatures.`, { details: { chainId, type, nonce: record.nonce } });
  }
  const message = { ...record.fields, nonce };
  const signer = recoverTypedDataSigner(gatewayDomain(BigInt(chain.chainId), chain.gateway), { [type]: GATEWAY_TYPES[type] }, message, signature, 'BRIDGE_SIGNATURE_INVALID');
  if (signer !== validator.address) {
    throw new TrestleError('BRIDGE_SIGNER_MISMATCH', `The signature was not made by your bank's registered validator key over this ${type} message in this chain's gateway domain.`, {
      details: { chainId, type, nonce: record.nonce, recovered: signer, validator: validator.address },
    });
  }
  const own = record.signatures.find((entry) => entry.bankMsp === caller.mspId);
  if (own !== undefined) {
    if (own.signature === signature.toLowerCase()) return;
    throw new TrestleError('BRIDGE_SIGNATURE_CONFLICT', `Your bank already recorded a different signature for this ${type} message; one signature per bank.`, { details: { chainId, type, nonce: record.nonce } });
  }
  const signatures = [...record.signatures, { bankMsp: caller.mspId, validator: signer, signature: signature.toLowerCase(), recordedAt: txTimestampIso(ctx) }];
  const signed: GatewayMessageRecord = { ...record, signatures, status: signatures.length >= chain.threshold ? 'SIGNED' : record.status };
  await writeRecord(ctx, gatewayMessageKey(ctx, chainId, type, nonce), signed);
  emitLedgerEvent(ctx, { type: 'GatewayMessageSigned', payload: signed });
}

/** Records the EVM transaction that carried a SIGNED message; the same hash again changes nothing. */
export async function recordGatewayRelayed(ctx: Context, chainId: string, type: LedgerGatewayMessage, nonce: bigint, evmTxHash: string): Promise<void> {
  await requireValidator(ctx, callerOf(ctx).mspId);
  const record = await readGatewayMessage(ctx, chainId, type, nonce);
  if (record.status === 'RELAYED') {
    if (record.evmTxHash === evmTxHash) return;
    throw new TrestleError('BRIDGE_MINTED_CONFLICT', `The ${type} message is already recorded as relayed by another EVM transaction.`, { details: { chainId, type, nonce: record.nonce, recorded: record.evmTxHash } });
  }
  if (record.status !== 'SIGNED') {
    throw new TrestleError('BRIDGE_OUT_STATE_CONFLICT', `The ${type} message is ${record.status}; only a SIGNED message can have been relayed.`, { details: { chainId, type, nonce: record.nonce } });
  }
  const relayed: GatewayMessageRecord = { ...record, status: 'RELAYED', evmTxHash, relayedAt: txTimestampIso(ctx) };
  await writeRecord(ctx, gatewayMessageKey(ctx, chainId, type, nonce), relayed);
  await ctx.stub.deleteState(openMessageKey(ctx, chainId, type, nonce));
  if (type === 'SetLegalState' && record.fields.token !== undefined) await writeRecord(ctx, legalSentKey(ctx, chainId, record.fields.token), record.fields.state ?? 0);
  emitLedgerEvent(ctx, { type: 'GatewayMessageRelayed', payload: relayed });
}

/** Every message of the chain not yet relayed, by type then nonce. */
export async function listOpenGatewayMessages(ctx: Context, chainId: string): Promise<GatewayMessageRecord[]> {
  const open: GatewayMessageRecord[] = [];
  for await (const { key } of ctx.stub.getStateByPartialCompositeKey(OPEN_MESSAGE_INDEX, [chainId])) {
    const [, type = '', nonce = ''] = ctx.stub.splitCompositeKey(key).attributes;
    const bytes = await ctx.stub.getState(gatewayMessageKey(ctx, chainId, type, nonce));
    if (bytes !== undefined && bytes.length > 0) open.push(parseGatewayMessageRecord(decodeJson(bytes)));
  }
  return open;
}

/** The legal state last relayed to the gateway for `token`; Normal (0) before any, as the gateway starts. */
async function lastSentLegalState(ctx: Context, chainId: string, token: string): Promise<number> {
  const bytes = await ctx.stub.getState(legalSentKey(ctx, chainId, token));
  return bytes === undefined || bytes.length === 0 ? 0 : Number(decodeJson(bytes));
}

/** A bridged asset whose legal state on the ledger differs from the one last carried to the gateway. */
export type LegalStateDrift = { readonly assetId: string; readonly token: string; readonly ledgerState: string; readonly gatewayState: number; readonly wantedState: number };

/**
 * The chain's assets whose ledger state maps to a gateway legal state other than the one last
 * relayed, with no message for it waiting: what validators propose SetLegalState for.
 */
export async function legalStateDrift(ctx: Context, chainId: string): Promise<LegalStateDrift[]> {
  const chain = await activeChain(ctx, chainId);
  const open = await openMessages(ctx, chainId, 'SetLegalState');
  const drift: LegalStateDrift[] = [];
  for (const { assetId, token } of chain.tokens) {
    const asset = await readAsset(ctx, assetId);
    const wanted = EVM_LEGAL_STATE_OF[asset.state];
    if (wanted === undefined || open.some((record) => record.fields.token === token)) continue;
    const sent = await lastSentLegalState(ctx, chainId, token);
    if (sent !== wanted) drift.push({ assetId, token, ledgerState: asset.state, gatewayState: sent, wantedState: wanted });
  }
  return drift;
}
