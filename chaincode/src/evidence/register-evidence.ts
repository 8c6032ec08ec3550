import type { Context } from 'fabric-contract-api';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { parseEvidenceFileEntry, parseEvidenceFileRecord, sameEvidenceFile, type EvidenceFileRecord } from '@trestle/compliance/src/ledger/evidence-file';
import { callerOf } from '../identity/caller';
import { requireOwnBank } from '../identity/require-own-bank';
import { readInvestor } from '../investors/investor-key';
import { requireRole } from '../roles/require-role';
import { emitLedgerEvent } from '../support/ledger-event';
import { readRecord, writeRecord } from '../support/state';
import { txTimestampIso } from '../support/tx-time';
import { evidenceFileKey } from './evidence-file-key';

/**
 * Registers a sealed file of an investor as a compliance officer of the investor's bank: its
 * content hash goes on the ledger under (investorId, fileId). Registering the same content again
 * (a retried submission) writes nothing and returns the first record; other content under a
 * registered file id is EVIDENCE_CONFLICT, since a file id names one content for good.
 */
export async function registerEvidence(ctx: Context, evidenceJson: unknown): Promise<EvidenceFileRecord> {
  await requireRole(ctx, 'compliance-officer');
  const entry = parseEvidenceFileEntry(evidenceJson);
  const investor = await readInvestor(ctx, entry.investorId);
  const caller = callerOf(ctx);
  requireOwnBank(caller, investor.bankMsp, 'investor');
  const key = evidenceFileKey(ctx, entry.investorId, entry.fileId);
  const existing = await readRecord(ctx, key, parseEvidenceFileRecord);
  if (existing !== undefined) {
    if (sameEvidenceFile(existing, entry)) return existing;
    throw new TrestleError('EVIDENCE_CONFLICT', 'This file id is already registered for the investor with other content; register the new file under a new file id.', {
      details: { investorId: entry.investorId, fileId: entry.fileId, contentHash: existing.contentHash },
    });
  }
  const record: EvidenceFileRecord = {
    investorId: entry.investorId,
    fileId: entry.fileId,
    kind: entry.kind,
    contentHash: entry.contentHash,
    dataHash: entry.dataHash,
    size: entry.size,
    bankMsp: investor.bankMsp,
    registeredAt: txTimestampIso(ctx),
    registeredBy: caller.identityId,
    txId: ctx.stub.getTxID(),
  };
  await writeRecord(ctx, key, record);
  emitLedgerEvent(ctx, { type: 'EvidenceRegistered', payload: record });
  return record;
}
