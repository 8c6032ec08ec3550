import { Context, Contract, Info, Returns, Transaction } from 'fabric-contract-api';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { parseAdoptionRequest } from '@trestle/compliance/src/ledger/adoption-request';
import type { InvestorRecord } from '@trestle/compliance/src/ledger/investor';
import { callerOf } from '../identity/caller';
import { requireOwnBank } from '../identity/require-own-bank';
import { INVESTOR_READERS } from '../roles/reader-roles';
import { requireAnyRole, requireRole } from '../roles/require-role';
import { ledgerIdArgument, mspIdArgument, reasonArgument } from '../support/arguments';
import { emitLedgerEvent } from '../support/ledger-event';
import { pageSizeArgument, readPage } from '../support/pagination';
import { sortedJson } from '../support/sorted-json';
import { decodeJson, writeRecord } from '../support/state';
import { txTimestampIso } from '../support/tx-time';
import { approveAdoption, rejectAdoption, requestAdoption } from './adopt-investor';
import { discardStagedPii } from './discard-staged-pii';
import { ADOPTION_REQUEST_KEY_TYPE, readAdoptionRequest } from './adoption-request-store';
import { INVESTOR_BANK_INDEX, investorKey, readInvestor } from './investor-key';
import { loadPii, purgePii } from './investor-pii-store';
import { changeInvestorStatus, STATUS_CHANGES } from './investor-status';
import { onboardInvestor, updateInvestor } from './onboard-investor';
import { recordScreening } from './record-screening';
import { stageInvestorPii } from './stage-investor-pii';

/**
 * Investors, each onboarded by one bank. Their public record (jurisdiction, type, KYC and
 * sanctions standing, PII hash) is shared state; their personal data lives only in that bank's
 * implicit private collection, arrives only in the transient map of StageInvestorPii (a transaction
 * the bank's own peer alone endorses), and only that bank's compliance officers change the record
 * or read the PII. The transactions that write the record take the staged PII's hash, so the other
 * bank whose peer endorses them never receives the PII. Writes need the compliance-officer role.
 */
@Info({ title: 'InvestorContract', description: "Investors' KYC standing on the shared ledger, their personal data in their bank's private collection" })
export class InvestorContract extends Contract {
  constructor() {
    super('InvestorContract');
  }

  /**
   * Stages an investor's PII (JSON in the transient map under "pii") in the caller's bank's implicit
   * collection and returns its SHA-256 (hex), which OnboardInvestor, UpdateInvestor or AdoptInvestor
   * then take. Writes nothing else: endorsed by the caller's bank's peer alone.
   */
  @Transaction()
  @Returns('string')
  async StageInvestorPii(ctx: Context, investorId: string): Promise<string> {
    await requireRole(ctx, 'compliance-officer');
    return stageInvestorPii(ctx, ledgerIdArgument(investorId, 'investorId'));
  }

  /**
   * Purges PII the caller's bank staged with StageInvestorPii under `piiHash` when the transaction
   * that was to name it failed; refused while the bank's investor record or waiting adoption
   * request names it. Writes only the caller's bank's collection (no event either): endorsed by
   * the caller's bank's peer alone.
   */
  @Transaction()
  async DiscardStagedInvestorPii(ctx: Context, investorId: string, piiHash: string): Promise<void> {
    await requireRole(ctx, 'compliance-officer');
    await discardStagedPii(ctx, ledgerIdArgument(investorId, 'investorId'), piiHash);
  }

  /** Onboards an investor (JSON public record; the hash of PII staged with StageInvestorPii) for the caller's bank. */
  @Transaction()
  async OnboardInvestor(ctx: Context, investorJson: string, piiHash: string): Promise<void> {
    await requireRole(ctx, 'compliance-officer');
    await onboardInvestor(ctx, investorJson, piiHash);
  }

  /**
   * Requests, for the caller's bank, the adoption of an investor whose bank has left the consortium:
   * the document OnboardInvestor takes (the KYC done again, naming the existing investor), the hash
   * of fresh PII the caller's bank staged with StageInvestorPii, and the reason. The regulator approves or rejects it
   * (ApproveAdoption, RejectAdoption); only then do the record, holdings and waiting requests move.
   */
  @Transaction()
  async AdoptInvestor(ctx: Context, investorJson: string, piiHash: string, reason: string): Promise<void> {
    await requireRole(ctx, 'compliance-officer');
    await requestAdoption(ctx, investorJson, piiHash, reasonArgument(reason));
  }

  /** Carries out the adoption waiting for the investor (regulator only), if it still holds. */
  @Transaction()
  async ApproveAdoption(ctx: Context, investorId: string, reason: string): Promise<void> {
    await requireRole(ctx, 'regulator');
    await approveAdoption(ctx, ledgerIdArgument(investorId, 'investorId'), reasonArgument(reason));
  }

  /** Rejects the adoption waiting for the investor (the regulator), or withdraws it (an officer of the requesting bank). */
  @Transaction()
  async RejectAdoption(ctx: Context, investorId: string, reason: string): Promise<void> {
    const grant = await requireAnyRole(ctx, ['regulator', 'compliance-officer']);
    await rejectAdoption(ctx, ledgerIdArgument(investorId, 'investorId'), reasonArgument(reason), grant.role === 'regulator');
  }

  /**
   * A page of the adoption requests waiting, in investor id order: the regulator's work list. A bank's
   * compliance officer sees only its own bank's requests on the page (the page may then hold fewer).
   */
  @Transaction(false)
  @Returns('string')
  async ListAdoptionRequests(ctx: Context, pageSize: string, bookmark: string): Promise<string> {
    const grant = await requireAnyRole(ctx, ['regulator', 'compliance-officer']);
    const caller = callerOf(ctx);
    const page = await readPage(ctx, ADOPTION_REQUEST_KEY_TYPE, [], pageSizeArgument(pageSize), bookmark, async (row) => parseAdoptionRequest(decodeJson(row.value)));
    return sortedJson(grant.role === 'regulator' ? page : { ...page, records: page.records.filter((request) => request.toBankMsp === caller.mspId) });
  }

  /** The adoption request waiting for the investor, as JSON (no personal data). */
  @Transaction(false)
  @Returns('string')
  async GetAdoption(ctx: Context, investorId: string): Promise<string> {
    await requireAnyRole(ctx, INVESTOR_READERS);
    return sortedJson(await readAdoptionRequest(ctx, ledgerIdArgument(investorId, 'investorId')));
  }

  /** Replaces an investor's public fields (JSON), and their PII when `piiHash` names PII staged with StageInvestorPii ("" keeps it). */
  @Transaction()
  async UpdateInvestor(ctx: Context, investorJson: string, piiHash: string): Promise<void> {
    await requireRole(ctx, 'compliance-officer');
    await updateInvestor(ctx, investorJson, piiHash);
  }

  /**
   * Records a sanctions screening (JSON `{status, listVersion, screenedAt?, matches}`, the screener's
   * vocabulary) on an investor of the caller's bank; a new hit suspends them and blocks their pending requests.
   */
  @Transaction()
  async RecordScreening(ctx: Context, investorId: string, screeningJson: string): Promise<void> {
    await requireRole(ctx, 'compliance-officer');
    await recordScreening(ctx, ledgerIdArgument(investorId, 'investorId'), screeningJson);
  }

  /** Suspends an active investor: the transfer rules refuse them until reinstated. */
  @Transaction()
  async SuspendInvestor(ctx: Context, investorId: string, reason: string): Promise<void> {
    await requireRole(ctx, 'compliance-officer');
    await changeInvestorStatus(ctx, ledgerIdArgument(investorId, 'investorId'), reasonArgument(reason), STATUS_CHANGES.suspend);
  }

  /** Lifts a suspension. */
  @Transaction()
  async ReinstateInvestor(ctx: Context, investorId: string, reason: string): Promise<void> {
    await requireRole(ctx, 'compliance-officer');
    await changeInvestorStatus(ctx, ledgerIdArgument(investorId, 'investorId'), reasonArgument(reason), STATUS_CHANGES.reinstate);
  }

  /** Revokes an investor's KYC for good; the bank may onboard them again later. */
  @Transaction()
  async RevokeInvestor(ctx: Context, investorId: string, reason: string): Promise<void> {
    await requireRole(ctx, 'compliance-officer');
    await changeInvestorStatus(ctx, ledgerIdArgument(investorId, 'investorId'), reasonArgument(reason), STATUS_CHANGES.revoke);
  }

  /** Erases an investor's PII on request with purgePrivateData; the hash and the record's history stay. */
  @Transaction()
  async EraseInvestorPii(ctx: Context, investorId: string, reason: string): Promise<void> {
    await requireRole(ctx, 'compliance-officer');
    const caller = callerOf(ctx);
    const id = ledgerIdArgument(investorId, 'investorId');
    const why = reasonArgument(reason);
    const investor = await readInvestor(ctx, id);
    requireOwnBank(caller, investor.bankMsp, 'investor');
    if (investor.piiErasure !== null) {
      throw new TrestleError('INVESTOR_PII_ERASED', "The investor's personal data is already erased; there is nothing left to erase.", {
        details: { investorId: investor.investorId, erasedAt: investor.piiErasure.erasedAt },
      });
    }
    await purgePii(ctx, investor.bankMsp, investor.investorId, investor.piiHash);
    const at = txTimestampIso(ctx);
    const erased: InvestorRecord = { ...investor, piiErasure: { erasedAt: at, erasedBy: caller.identityId, reason: why }, updatedAt: at, updatedBy: caller.identityId };
    await writeRecord(ctx, investorKey(ctx, erased.investorId), erased);
    emitLedgerEvent(ctx, { type: 'InvestorPiiErased', payload: erased });
  }

  /** An investor's public record as JSON (no personal data). */
  @Transaction(false)
  @Returns('string')
  async GetInvestor(ctx: Context, investorId: string): Promise<string> {
    await requireAnyRole(ctx, INVESTOR_READERS);
    return sortedJson(await readInvestor(ctx, ledgerIdArgument(investorId, 'investorId')));
  }

  /** A page of one bank's investors in id order, for that bank's officers and operators or a regulator. */
  @Transaction(false)
  @Returns('string')
  async ListInvestorsOfBank(ctx: Context, bankMsp: string, pageSize: string, bookmark: string): Promise<string> {
    const grant = await requireAnyRole(ctx, ['compliance-officer', 'operator', 'regulator']);
    const bank = mspIdArgument(bankMsp, 'bankMsp');
    if (grant.role !== 'regulator') requireOwnBank(callerOf(ctx), bank, 'list of investors');
    const page = await readPage(ctx, INVESTOR_BANK_INDEX, [bank], pageSizeArgument(pageSize), bookmark, async (row) => {
      const [, investorId = ''] = ctx.stub.splitCompositeKey(row.key).attributes;
      return readInvestor(ctx, investorId);
    });
    return sortedJson(page);
  }

  /**
   * An investor's PII as JSON, for compliance officers of the investor's bank only. Checked here,
   * before the collection is touched: Fabric's implicit collections do not stop another org's
   * client from reading through a peer of the bank.
   */
  @Transaction(false)
  @Returns('string')
  async GetInvestorPii(ctx: Context, investorId: string): Promise<string> {
    await requireRole(ctx, 'compliance-officer');
    const caller = callerOf(ctx);
    const investor = await readInvestor(ctx, ledgerIdArgument(investorId, 'investorId'));
    if (caller.mspId !== investor.bankMsp) {
      throw new TrestleError('PII_ACCESS_DENIED', "Only compliance officers of the investor's own bank may read their personal data; the public record and its PII hash are open to you.", {
        details: { investorId: investor.investorId, callerMsp: caller.mspId, bankMsp: investor.bankMsp },
      });
    }
    if (investor.piiErasure !== null) {
      throw new TrestleError('INVESTOR_PII_ERASED', "The investor's personal data was erased on request; only its hash remains.", {
        details: { investorId: investor.investorId, erasedAt: investor.piiErasure.erasedAt },
      });
    }
    return sortedJson(await loadPii(ctx, investor));
  }
}
