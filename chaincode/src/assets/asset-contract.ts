import { Context, Contract, Info, Returns, Transaction } from 'fabric-contract-api';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { parseAssetDocument, parseAssetRecord, parseLegalDocuments, type Asset } from '@trestle/compliance/src/ledger/asset';
import { assetTransition } from '@trestle/compliance/src/ledger/asset-state';
import type { JsonValue } from '@trestle/compliance/src/json/json-value';
import { currentValuation, isValuationValid, parseValuationDocument, valuationRecord } from '@trestle/compliance/src/ledger/valuation';
import { holdingRecord } from '@trestle/compliance/src/ledger/holding';
import { callerOf } from '../identity/caller';
import { requireOwnBank } from '../identity/require-own-bank';
import { HOLDING_READERS, LEDGER_READERS } from '../roles/reader-roles';
import { requireAnyRole, requireRole } from '../roles/require-role';
import { readSpv } from '../spv/spv-key';
import { ledgerIdArgument, reasonArgument } from '../support/arguments';
import { keyHistory } from '../support/key-history';
import { emitLedgerEvent } from '../support/ledger-event';
import { sortedJson } from '../support/sorted-json';
import { hasState, readRecord, writeRecord } from '../support/state';
import { txTimestampIso, txTimestampSeconds } from '../support/tx-time';
import { assetKey, readAsset } from './asset-key';
import { requireCurrentValuation } from './current-valuation';
import { readHolding } from './holding-key';
import { policyKey } from './policy-key';
import { approvePolicyChange, rejectPolicyChange } from './policy-change-decide';
import { proposePolicyChange } from './policy-change-propose';
import { policyVersionArgument, readPolicyChanges } from './policy-change-store';
import { tokenizeAsset } from './tokenize-asset';
import { readValuations, valuationKey } from './valuation-key';

/**
 * Real-world assets held by SPVs, from DRAFT to TOKENIZED. The SPV's administrator creates the
 * asset, records the true-sale papers and tokenizes it; an appraiser of another org values it; a
 * compliance officer of another bank approves it. Each step checks the state table in
 * compliance/src/ledger/asset-state.ts and names what is missing when it does not fit.
 */
@Info({ title: 'AssetContract', description: 'Assets held by SPVs: legal documents, independent valuations, approval and tokenization' })
export class AssetContract extends Contract {
  constructor() {
    super('AssetContract');
  }

  /** Creates an asset (JSON document) of an SPV in DRAFT; only an spv-admin of the SPV's bank may. */
  @Transaction()
  async CreateAsset(ctx: Context, assetJson: string): Promise<void> {
    await requireRole(ctx, 'spv-admin');
    const caller = callerOf(ctx);
    const document = parseAssetDocument(assetJson);
    const spv = await readSpv(ctx, document.spvId);
    requireOwnBank(caller, spv.administeringBankMsp, 'SPV');
    const key = assetKey(ctx, document.assetId);
    if (await hasState(ctx, key)) {
      throw new TrestleError('ASSET_ALREADY_EXISTS', 'An asset with this id already exists; choose another id.', { details: { assetId: document.assetId } });
    }
    const at = txTimestampIso(ctx);
    const asset: Asset = {
      ...document,
      administeringBankMsp: spv.administeringBankMsp,
      state: 'DRAFT',
      createdAt: at,
      createdBy: caller.identityId,
      updatedAt: at,
      updatedBy: caller.identityId,
      legalDocuments: null,
      valuationCount: 0,
      approval: null,
      tokenization: null,
      legalTransitionCount: 0,
      remediation: null,
    };
    await writeRecord(ctx, key, asset);
    emitLedgerEvent(ctx, { type: 'AssetCreated', payload: asset });
  }

  /** Records the true-sale deed and legal opinion (JSON) and moves DRAFT to DOCUMENTED; only an spv-admin of the asset's bank may. */
  @Transaction()
  async RecordLegalDocuments(ctx: Context, assetId: string, documentsJson: string): Promise<void> {
    await requireRole(ctx, 'spv-admin');
    const caller = callerOf(ctx);
    const id = ledgerIdArgument(assetId, 'assetId');
    const documents = parseLegalDocuments(documentsJson);
    const asset = await readAsset(ctx, id);
    requireOwnBank(caller, asset.administeringBankMsp, 'asset');
    const at = txTimestampIso(ctx);
    const documented: Asset = {
      ...asset,
      state: assetTransition(asset, 'record-legal-documents'),
      legalDocuments: { ...documents, recordedAt: at, recordedBy: caller.identityId },
      updatedAt: at,
      updatedBy: caller.identityId,
    };
    await writeRecord(ctx, assetKey(ctx, id), documented);
    emitLedgerEvent(ctx, { type: 'AssetDocumented', payload: documented });
  }

  /** Records a valuation (JSON); the first moves DOCUMENTED to VALUED. Only an appraiser of an org other than the SPV's bank may. */
  @Transaction()
  async RecordValuation(ctx: Context, assetId: string, valuationJson: string): Promise<void> {
    await requireRole(ctx, 'appraiser');
    const caller = callerOf(ctx);
    const id = ledgerIdArgument(assetId, 'assetId');
    const document = parseValuationDocument(valuationJson, txTimestampSeconds(ctx));
    const asset = await readAsset(ctx, id);
    if (caller.mspId === asset.administeringBankMsp) {
      throw new TrestleError('APPRAISER_NOT_INDEPENDENT', "An appraiser of the SPV's own administering bank cannot value its asset; an appraiser of another org must.", {
        details: { assetId: id, appraiserMsp: caller.mspId, administeringBankMsp: asset.administeringBankMsp },
      });
    }
    const state = assetTransition(asset, 'record-valuation');
    const at = txTimestampIso(ctx);
    const seq = asset.valuationCount + 1;
    const valuation = valuationRecord(document, { assetId: id, seq, appraiserMsp: caller.mspId, appraiserId: caller.identityId, recordedAt: at });
    const valued: Asset = { ...asset, state, valuationCount: seq, updatedAt: at, updatedBy: caller.identityId };
    await writeRecord(ctx, valuationKey(ctx, id, seq), valuation);
    await writeRecord(ctx, assetKey(ctx, id), valued);
    emitLedgerEvent(ctx, { type: 'ValuationRecorded', payload: { asset: valued, valuation } });
  }

  /** Approves a VALUED asset with a current valuation; only a compliance officer of a bank other than the SPV's may. */
  @Transaction()
  async ApproveAsset(ctx: Context, assetId: string): Promise<void> {
    await requireRole(ctx, 'compliance-officer');
    const caller = callerOf(ctx);
    const asset = await readAsset(ctx, ledgerIdArgument(assetId, 'assetId'));
    // The SPV's bank requested everything up to here; its own officers cannot sign it off.
    if (caller.mspId === asset.administeringBankMsp) {
      throw new TrestleError('APPROVER_NOT_INDEPENDENT', "A compliance officer of the SPV's administering bank cannot approve its asset; an officer of another bank must.", {
        details: { assetId: asset.assetId, approverMsp: caller.mspId, administeringBankMsp: asset.administeringBankMsp },
      });
    }
    const state = assetTransition(asset, 'approve');
    const valuation = await requireCurrentValuation(ctx, asset, 'approve', txTimestampSeconds(ctx));
    const at = txTimestampIso(ctx);
    const approved: Asset = {
      ...asset,
      state,
      approval: { approvedAt: at, approvedBy: caller.identityId, approverMsp: caller.mspId, valuationSeq: valuation.seq },
      updatedAt: at,
      updatedBy: caller.identityId,
    };
    await writeRecord(ctx, assetKey(ctx, asset.assetId), approved);
    emitLedgerEvent(ctx, { type: 'AssetApproved', payload: approved });
  }

  /** Mints the units (JSON: units, decimals, allocations, policy) to KYC-verified initial holders; only an spv-admin of the asset's bank may. */
  @Transaction()
  async TokenizeAsset(ctx: Context, assetId: string, tokenizationJson: string): Promise<void> {
    await requireRole(ctx, 'spv-admin');
    await tokenizeAsset(ctx, ledgerIdArgument(assetId, 'assetId'), tokenizationJson);
  }

  /** Proposes the next version of a tokenized asset's policy (JSON policy document); a compliance officer of any bank may, one open proposal per asset. */
  @Transaction()
  async ProposePolicyChange(ctx: Context, assetId: string, policyJson: string): Promise<void> {
    await requireRole(ctx, 'compliance-officer');
    await proposePolicyChange(ctx, ledgerIdArgument(assetId, 'assetId'), policyJson);
  }

  /** Puts a proposed policy version in force; only a compliance officer of a bank other than the proposer's may (reason may be ""). */
  @Transaction()
  async ApprovePolicyChange(ctx: Context, assetId: string, version: string, reason: string): Promise<void> {
    await requireRole(ctx, 'compliance-officer');
    const id = ledgerIdArgument(assetId, 'assetId');
    await approvePolicyChange(ctx, id, policyVersionArgument(version, id), reason === undefined || reason === '' ? null : reasonArgument(reason));
  }

  /** Rejects a proposed policy version, with a reason: its proposer withdrawing it, or a compliance officer of another bank. */
  @Transaction()
  async RejectPolicyChange(ctx: Context, assetId: string, version: string, reason: string): Promise<void> {
    await requireRole(ctx, 'compliance-officer');
    const id = ledgerIdArgument(assetId, 'assetId');
    await rejectPolicyChange(ctx, id, policyVersionArgument(version, id), reasonArgument(reason));
  }

  /** Every policy change proposed for an asset, newest first, as JSON: each with its document, hash, proposer, status and decision. */
  @Transaction(false)
  @Returns('string')
  async ListPolicyChanges(ctx: Context, assetId: string): Promise<string> {
    await requireAnyRole(ctx, LEDGER_READERS);
    const asset = await readAsset(ctx, ledgerIdArgument(assetId, 'assetId'));
    return sortedJson((await readPolicyChanges(ctx, asset.assetId)).reverse());
  }

  /** One asset as JSON. */
  @Transaction(false)
  @Returns('string')
  async GetAsset(ctx: Context, assetId: string): Promise<string> {
    await requireAnyRole(ctx, LEDGER_READERS);
    return sortedJson(await readAsset(ctx, ledgerIdArgument(assetId, 'assetId')));
  }

  /** Every version of an asset, newest first, as JSON `[{txId, timestamp, isDelete, record}]`. */
  @Transaction(false)
  @Returns('string')
  async GetAssetHistory(ctx: Context, assetId: string): Promise<string> {
    await requireAnyRole(ctx, LEDGER_READERS);
    const asset = await readAsset(ctx, ledgerIdArgument(assetId, 'assetId'));
    return sortedJson(await keyHistory(ctx, assetKey(ctx, asset.assetId), parseAssetRecord));
  }

  /**
   * Every valuation of an asset, oldest first, as JSON `{assetId, currentSeq, valuations}`: each
   * with `valid` at this query's time, and `currentSeq` the current one (null when all expired).
   */
  @Transaction(false)
  @Returns('string')
  async ListValuations(ctx: Context, assetId: string): Promise<string> {
    await requireAnyRole(ctx, LEDGER_READERS);
    const asset = await readAsset(ctx, ledgerIdArgument(assetId, 'assetId'));
    const now = txTimestampSeconds(ctx);
    const valuations = await readValuations(ctx, asset.assetId);
    const current = currentValuation(valuations, now);
    return sortedJson({
      assetId: asset.assetId,
      currentSeq: current?.seq ?? null,
      valuations: valuations.map((valuation) => ({ ...valuation, valid: isValuationValid(valuation, now) })),
    });
  }

  /**
   * The policy version in force for an asset's units (version 1 from tokenization, later ones from
   * approved policy changes): JSON `{assetId, version, policyHash, document, attachedAt, attachedBy}`.
   * Still readable once the asset is written off or redeemed, since officers and auditors look back at what applied.
   */
  @Transaction(false)
  @Returns('string')
  async GetPolicy(ctx: Context, assetId: string): Promise<string> {
    await requireAnyRole(ctx, LEDGER_READERS);
    const asset = await readAsset(ctx, ledgerIdArgument(assetId, 'assetId'));
    if (asset.tokenization === null) {
      throw new TrestleError('ASSET_NOT_TOKENIZED', `The asset is ${asset.state}; a policy is attached when it is tokenized.`, { details: { assetId: asset.assetId, state: asset.state } });
    }
    const version = asset.tokenization.policyVersion;
    // JSON.parse only ever yields JSON values, and the record was written sorted by this chaincode.
    const record = await readRecord(ctx, policyKey(ctx, asset.assetId, version), (value) => value as JsonValue);
    if (record === undefined) throw new TrestleError('RECORD_MALFORMED', 'The policy version the asset names is missing from the ledger; report it to the chaincode operators.', { details: { assetId: asset.assetId, version } });
    return sortedJson(record);
  }

  /** One investor's holding of an asset as JSON (amounts as decimal strings, lots with acquisition times). */
  @Transaction(false)
  @Returns('string')
  async GetHolding(ctx: Context, assetId: string, investorId: string): Promise<string> {
    await requireAnyRole(ctx, HOLDING_READERS);
    const holding = await readHolding(ctx, ledgerIdArgument(assetId, 'assetId'), ledgerIdArgument(investorId, 'investorId'));
    return sortedJson(holdingRecord(holding));
  }
}
