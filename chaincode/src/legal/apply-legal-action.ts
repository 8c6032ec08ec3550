import type { Context } from 'fabric-contract-api';
import type { AuditAction } from '@trestle/compliance/src/audit/audit-record';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import type { LedgerEvent } from '@trestle/compliance/src/events/ledger-event';
import type { Asset } from '@trestle/compliance/src/ledger/asset';
import { assetTransition } from '@trestle/compliance/src/ledger/asset-state';
import type { Holding } from '@trestle/compliance/src/ledger/holding';
import type { LegalAction } from '@trestle/compliance/src/ledger/legal-action';
import type { LegalProposal } from '@trestle/compliance/src/ledger/legal-proposal';
import type { LegalTransition, Redemption, RemediationWindow } from '@trestle/compliance/src/ledger/legal-transition';
import { redemptionOf } from '@trestle/compliance/src/ledger/redemption';
import { assetKey, readAsset } from '../assets/asset-key';
import { holdingsOf, writeHolding } from '../assets/holdings';
import { callerOf } from '../identity/caller';
import { emitLedgerEvent } from '../support/ledger-event';
import { writeRecord } from '../support/state';
import { txTimestampIso, txTimestampSeconds } from '../support/tx-time';
import { requireNoBridgedUnits } from './bridged-units';
import { auditLegalStep } from './legal-audit';
import { closedProposal } from './proposal-closure';
import { writeProposal } from './proposal-key';
import { remediationWindow, requireWindowEnded } from './remediation-window';
import { writeTransition } from './transition-key';

const EVENT_OF: { readonly [A in LegalAction]: Extract<LedgerEvent, { payload: { transition: LegalTransition } }>['type'] } = {
  'start-remediation': 'AssetRemediationStarted',
  cure: 'AssetCured',
  'write-off': 'AssetWrittenOff',
  redeem: 'AssetRedeemed',
};
const AUDIT_OF: { readonly [A in LegalAction]: AuditAction } = {
  'start-remediation': 'asset-remediation-started',
  cure: 'asset-cured',
  'write-off': 'asset-written-off',
  redeem: 'asset-redeemed',
};

// What the action does beyond the state: the window a remediation opens, the units a redemption retires.
type Effect = { readonly remediation: RemediationWindow | null; readonly redemption: Redemption | null; readonly retired: readonly Holding[] };

/**
 * Applies a proposal that has just reached its quorum (`proposal` carries the deciding vote): the
 * asset moves to the proposal's state, the transition is recorded with the whole proposal, a
 * redemption deletes every holding. Every check runs before the first write, so a refusal
 * (an asset no longer in the state, a window still open, units in escrow) writes nothing.
 */
export async function applyLegalAction(ctx: Context, proposal: LegalProposal): Promise<void> {
  const asset = await readAsset(ctx, proposal.assetId);
  const to = assetTransition(asset, proposal.action);
  const now = txTimestampSeconds(ctx);
  const seq = asset.legalTransitionCount + 1;
  const effect = await effectOf(ctx, asset, proposal, now, seq);

  const at = txTimestampIso(ctx);
  const applied = closedProposal(ctx, proposal, 'APPLIED', null, seq);
  const moved: Asset = {
    ...asset,
    state: to,
    legalTransitionCount: seq,
    remediation: effect.remediation ?? asset.remediation,
    updatedAt: at,
    updatedBy: callerOf(ctx).identityId,
  };
  const transition: LegalTransition = {
    assetId: asset.assetId,
    seq,
    action: proposal.action,
    from: asset.state,
    to,
    at,
    atSeconds: now,
    txId: ctx.stub.getTxID(),
    proposal: applied,
    remediation: effect.remediation,
    redemption: effect.redemption,
  };
  for (const holding of effect.retired) await writeHolding(ctx, holding, null);
  await writeProposal(ctx, applied, true);
  await writeTransition(ctx, transition);
  await writeRecord(ctx, assetKey(ctx, asset.assetId), moved);
  await auditLegalStep(ctx, moved, applied, AUDIT_OF[proposal.action], proposal.reason, effect.redemption?.unitsRetired ?? null);
  emitLedgerEvent(ctx, { type: EVENT_OF[proposal.action], payload: { asset: moved, transition } });
}

async function effectOf(ctx: Context, asset: Asset, proposal: LegalProposal, now: number, seq: number): Promise<Effect> {
  switch (proposal.action) {
    case 'start-remediation':
      return { remediation: remediationWindow(now, requireTerm(proposal, proposal.remediationWindowDays), seq), redemption: null, retired: [] };
    case 'write-off':
      requireWindowEnded(asset, now);
      return { remediation: null, redemption: null, retired: [] };
    case 'redeem':
      return redemptionEffect(ctx, asset, proposal);
    default:
      return { remediation: null, redemption: null, retired: [] };
  }
}

// Every unit is retired, so every unit must be in a holding here: none on the EVM side.
async function redemptionEffect(ctx: Context, asset: Asset, proposal: LegalProposal): Promise<Effect> {
  const holdings = await holdingsOf(ctx, asset.assetId);
  await requireNoBridgedUnits(ctx, asset.assetId, holdings);
  const cash = requireTerm(proposal, proposal.cashSettlement);
  const decimals = requireTerm(proposal, asset.tokenization?.decimals ?? null);
  return { remediation: null, redemption: redemptionOf(holdings, { ...cash, pricePerUnit: BigInt(cash.pricePerUnit) }, decimals), retired: holdings };
}

// The proposal reader allows null for every term, since each belongs to one action; the proposal
// of that action always has it, so a null here means a record written by something else.
function requireTerm<T>(proposal: LegalProposal, term: T | null): T {
  if (term === null) {
    throw new TrestleError('RECORD_MALFORMED', 'The legal proposal or its asset lacks a term its action needs; report it to the chaincode operators.', {
      details: { assetId: proposal.assetId, proposalId: proposal.proposalId, action: proposal.action },
    });
  }
  return term;
}
