import type { Context } from 'fabric-contract-api';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { parseEvidenceFileRecord, type EvidenceFileRecord } from '@trestle/compliance/src/ledger/evidence-file';
import type { InvestorRecord } from '@trestle/compliance/src/ledger/investor';
import { callerOf } from '../identity/caller';
import { requireOwnBank } from '../identity/require-own-bank';
import { readInvestor } from '../investors/investor-key';
import { requireAnyRole } from '../roles/require-role';
import { ledgerIdArgument } from '../support/arguments';
import { readRecord } from '../support/state';
import { evidenceFileKey } from './evidence-file-key';

/**
 * The investor whose evidence the caller asks about, once the caller may read it: a compliance
 * officer of the investor's bank or the regulator (CALLER_LACKS_ROLE, CALLER_OF_OTHER_BANK otherwise).
 */
export async function investorForEvidenceReader(ctx: Context, investorId: unknown): Promise<InvestorRecord> {
  const grant = await requireAnyRole(ctx, ['compliance-officer', 'regulator']);
  const investor = await readInvestor(ctx, ledgerIdArgument(investorId, 'investorId'));
  if (grant.role !== 'regulator') requireOwnBank(callerOf(ctx), investor.bankMsp, 'investor');
  return investor;
}

/** One registered file, for a caller `investorForEvidenceReader` lets in; EVIDENCE_NOT_FOUND when none. */
export async function readRegisteredFile(ctx: Context, investorId: unknown, fileId: unknown): Promise<EvidenceFileRecord> {
  const investor = await investorForEvidenceReader(ctx, investorId);
  const id = ledgerIdArgument(fileId, 'fileId');
  const record = await readRecord(ctx, evidenceFileKey(ctx, investor.investorId, id), parseEvidenceFileRecord);
  if (record === undefined) {
    throw new TrestleError('EVIDENCE_NOT_FOUND', "No evidence file is registered under this file id for the investor; list the investor's files to find it.", {
      details: { investorId: investor.investorId, fileId: id },
    });
  }
  return record;
}
