import { Context, Contract, Info, Returns, Transaction } from 'fabric-contract-api';
import { parseEvidenceAccessEntry, parseEvidenceAccessRecord, type EvidenceAccessRecord } from '@trestle/compliance/src/ledger/evidence-access';
import { parseEvidenceFileRecord } from '@trestle/compliance/src/ledger/evidence-file';
import { isLedgerId, LEDGER_ID_FORM } from '@trestle/compliance/src/policy/ledger-id';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { accessConditionsHash } from '@trestle/compliance/src/vault/conditions/access-conditions';
import { callerOf } from '../identity/caller';
import { requireOwnBank } from '../identity/require-own-bank';
import { requireAnyRole, requireRole } from '../roles/require-role';
import { ledgerIdArgument, mspIdArgument } from '../support/arguments';
import { emitLedgerEvent } from '../support/ledger-event';
import { pageSizeArgument, readPage } from '../support/pagination';
import { sortedJson } from '../support/sorted-json';
import { decodeJson, writeRecord } from '../support/state';
import { txTimestampIso } from '../support/tx-time';
import { EVIDENCE_ACCESS_KEY_TYPE, evidenceAccessKey } from './evidence-access-key';
import { EVIDENCE_FILE_KEY_TYPE } from './evidence-file-key';
import { requireFoundedGrant } from './evidence-grant';
import { investorForEvidenceReader, readRegisteredFile } from './evidence-reader';
import { registerEvidence } from './register-evidence';

/**
 * The evidence vault on the ledger: the registry of sealed files (an investor's KYC files and legal
 * documents by content hash, registered by their bank's officers), and the access log: every
 * attempt to open one, granted or refused, recorded by the share service of the bank that answered
 * it, so "who opened which file when" is on the ledger. Officers of the investor's bank and the
 * regulator read both.
 */
@Info({ title: 'EvidenceContract', description: 'Which evidence files an investor has, and who asked to open which when, granted or refused' })
export class EvidenceContract extends Contract {
  constructor() {
    super('EvidenceContract');
  }

  /**
   * Registers a sealed file (JSON: investorId, fileId, kind, contentHash, dataHash, size) as a
   * compliance officer of the investor's bank; returns the record. The same content again is a
   * no-op; other content under a registered file id is EVIDENCE_CONFLICT (use a new file id).
   */
  @Transaction()
  @Returns('string')
  async RegisterEvidence(ctx: Context, evidenceJson: string): Promise<string> {
    return sortedJson(await registerEvidence(ctx, evidenceJson));
  }

  /** One registered file of an investor, for officers of the investor's bank and the regulator. */
  @Transaction(false)
  @Returns('string')
  async GetEvidence(ctx: Context, investorId: string, fileId: string): Promise<string> {
    return sortedJson(await readRegisteredFile(ctx, investorId, fileId));
  }

  /** A page of an investor's registered files in file id order, for officers of the investor's bank and the regulator. */
  @Transaction(false)
  @Returns('string')
  async ListEvidence(ctx: Context, investorId: string, pageSize: string, bookmark: string): Promise<string> {
    const investor = await investorForEvidenceReader(ctx, investorId);
    const page = await readPage(ctx, EVIDENCE_FILE_KEY_TYPE, [investor.investorId], pageSizeArgument(pageSize), bookmark, async (row) => parseEvidenceFileRecord(decodeJson(row.value)));
    return sortedJson(page);
  }

  /**
   * Records one attempt (JSON: conditions, dataHash, requester, outcome, reason, shareIndex) as a
   * bank's share service (`vault` role). A grant must agree with the requester's roles on the ledger.
   */
  @Transaction()
  async RecordEvidenceAccess(ctx: Context, entryJson: string): Promise<void> {
    await requireRole(ctx, 'vault');
    const entry = parseEvidenceAccessEntry(entryJson);
    await requireFoundedGrant(ctx, entry);
    const caller = callerOf(ctx);
    const at = txTimestampIso(ctx);
    const { conditions } = entry;
    const record: EvidenceAccessRecord = {
      txId: ctx.stub.getTxID(),
      at,
      answeringMsp: caller.mspId,
      answeredBy: caller.identityId,
      shareIndex: entry.shareIndex,
      requester: entry.requester,
      fileId: conditions.fileId,
      investorId: conditions.investorId,
      bankMsp: conditions.bankMsp,
      conditionsHash: accessConditionsHash(conditions),
      dataHash: entry.dataHash,
      outcome: entry.outcome,
      reason: entry.reason,
    };
    await writeRecord(ctx, evidenceAccessKey(ctx, conditions.bankMsp, conditions.investorId, conditions.fileId, at), record);
    emitLedgerEvent(ctx, { type: 'EvidenceAccessRecorded', payload: record });
  }

  /**
   * A page of the access records of one investor of `bankMsp`, or of one of their files when
   * `fileId` is not "", oldest first per file; for officers of that bank and the regulator.
   */
  @Transaction(false)
  @Returns('string')
  async ListEvidenceAccess(ctx: Context, bankMsp: string, investorId: string, fileId: string, pageSize: string, bookmark: string): Promise<string> {
    const grant = await requireAnyRole(ctx, ['compliance-officer', 'regulator']);
    const bank = mspIdArgument(bankMsp, 'bankMsp');
    if (grant.role !== 'regulator') requireOwnBank(callerOf(ctx), bank, 'investor');
    const attributes = [bank, ledgerIdArgument(investorId, 'investorId'), ...fileIdFilter(fileId)];
    const page = await readPage(ctx, EVIDENCE_ACCESS_KEY_TYPE, attributes, pageSizeArgument(pageSize), bookmark, async (row) => parseEvidenceAccessRecord(decodeJson(row.value)));
    return sortedJson(page);
  }
}

// "" lists every file of the investor; anything else must be a file id (module function, so never a transaction).
function fileIdFilter(fileId: unknown): string[] {
  if (fileId === '') return [];
  if (typeof fileId !== 'string' || !isLedgerId(fileId)) {
    throw new TrestleError('LEDGER_ID_MALFORMED', `The fileId argument is not a file id; pass "" for every file, or ${LEDGER_ID_FORM}.`, {
      details: { argument: 'fileId' },
    });
  }
  return [fileId];
}
