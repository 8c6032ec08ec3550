import type { Context } from 'fabric-contract-api';
import { getAddress } from 'ethers';
import type { BridgeChainConfig, BridgeChainRecord } from '@trestle/compliance/src/bridge/bridge-chain';
import type { BridgeValidator } from '@trestle/compliance/src/bridge/bridge-validator';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { callerOf, isOrgAdmin } from '../identity/caller';
import { emitLedgerEvent } from '../support/ledger-event';
import { sortedJson } from '../support/sorted-json';
import { txTimestampIso } from '../support/tx-time';
import { allValidators, checksummed, findChain, findValidator, writeChain, writeValidator } from './bridge-registry';

/**
 * Registers (or rotates) the caller's bank's validator address, as an admin of the bank's org.
 * An address serves one bank only, so M signatures always come from M distinct banks.
 */
export async function registerValidator(ctx: Context, address: string): Promise<void> {
  const caller = callerOf(ctx);
  if (!isOrgAdmin(ctx)) {
    throw new TrestleError('CALLER_NOT_ORG_ADMIN', "Only an admin of your org registers its validator address; submit with an identity whose certificate has OU admin.", { details: { mspId: caller.mspId } });
  }
  const current = await findValidator(ctx, caller.mspId);
  if (current?.address === address) return;
  const taken = (await allValidators(ctx)).find((validator) => validator.address === address && validator.bankMsp !== caller.mspId);
  if (taken !== undefined) {
    throw new TrestleError('BRIDGE_VALIDATOR_TAKEN', "This address is another bank's validator; each bank signs with its own key.", { details: { address, bankMsp: taken.bankMsp } });
  }
  const validator: BridgeValidator = { bankMsp: caller.mspId, address: getAddress(address), registeredAt: txTimestampIso(ctx), registeredBy: caller.identityId };
  await writeValidator(ctx, validator);
  emitLedgerEvent(ctx, { type: 'BridgeValidatorRegistered', payload: validator });
}

/**
 * Proposes a chain configuration as an operator. One proposal at a time: a bank may replace its
 * own, not another bank's, which must first be approved or withdrawn.
 */
export async function proposeChain(ctx: Context, proposed: BridgeChainConfig): Promise<void> {
  const caller = callerOf(ctx);
  const config = checksummed(proposed);
  const record: BridgeChainRecord = (await findChain(ctx, config.chainId)) ?? { chainId: config.chainId, version: 0, active: null, approvedBy: [], approvedAt: null, proposal: null };
  if (record.proposal !== null && record.proposal.proposerMsp !== caller.mspId) {
    throw new TrestleError('BRIDGE_CHAIN_PROPOSAL_CONFLICT', 'Another bank has a proposal for this chain waiting; approve it or ask that bank to withdraw it first.', {
      details: { chainId: config.chainId, proposerMsp: record.proposal.proposerMsp },
    });
  }
  const next: BridgeChainRecord = { ...record, proposal: { config, proposedBy: caller.identityId, proposerMsp: caller.mspId, proposedAt: txTimestampIso(ctx) } };
  await writeChain(ctx, next);
  emitLedgerEvent(ctx, { type: 'BridgeChainProposed', payload: next });
}

/**
 * Puts the proposal in force, as an operator of a bank other than the proposer's. The approver
 * restates the configuration, so what they approve is what they read, not whatever the proposal
 * became in between.
 */
export async function approveChain(ctx: Context, restated: BridgeChainConfig): Promise<void> {
  const caller = callerOf(ctx);
  const config = checksummed(restated);
  const record = await findChain(ctx, config.chainId);
  const proposal = record?.proposal ?? null;
  if (record === undefined || proposal === null) {
    throw new TrestleError('BRIDGE_CHAIN_PROPOSAL_CONFLICT', 'No proposal for this chain is waiting; an operator proposes one first.', { details: { chainId: config.chainId } });
  }
  if (proposal.proposerMsp === caller.mspId) {
    throw new TrestleError('APPROVER_NOT_INDEPENDENT', "A bridge configuration needs an operator of a bank other than the proposer's.", { details: { chainId: config.chainId, proposerMsp: proposal.proposerMsp } });
  }
  if (sortedJson(proposal.config) !== sortedJson(config)) {
    throw new TrestleError('BRIDGE_CHAIN_PROPOSAL_CONFLICT', 'The configuration you approve differs from the proposal waiting; read the proposal again (GetBridgeChain) and restate it exactly.', {
      details: { chainId: config.chainId },
    });
  }
  const approved: BridgeChainRecord = { ...record, version: record.version + 1, active: config, approvedBy: [proposal.proposerMsp, caller.mspId], approvedAt: txTimestampIso(ctx), proposal: null };
  await writeChain(ctx, approved);
  emitLedgerEvent(ctx, { type: 'BridgeChainApproved', payload: approved });
}
