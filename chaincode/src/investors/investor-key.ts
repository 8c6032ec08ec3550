import type { Context } from 'fabric-contract-api';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { parseInvestorRecord, type InvestorRecord } from '@trestle/compliance/src/ledger/investor';
import { readRecord } from '../support/state';

/** Object type of investors' public records: composite key investor (investorId). */
export const INVESTOR_KEY_TYPE = 'investor';

/** Index of each bank's investors: composite key investor~bank (bankMsp, investorId), value one zero byte. */
export const INVESTOR_BANK_INDEX = 'investor~bank';

/**
 * Object type of PII in a bank's implicit collection: composite key investor~pii (investorId,
 * piiHash). The value's own SHA-256 in the key means staging (StageInvestorPii) never overwrites
 * the PII a record points at, and staging the same value twice lands on the same key.
 */
export const INVESTOR_PII_KEY_TYPE = 'investor~pii';

/** The state key of an investor's public record. */
export function investorKey(ctx: Context, investorId: string): string {
  return ctx.stub.createCompositeKey(INVESTOR_KEY_TYPE, [investorId]);
}

/** The index key listing `investorId` under its bank. */
export function investorBankIndexKey(ctx: Context, bankMsp: string, investorId: string): string {
  return ctx.stub.createCompositeKey(INVESTOR_BANK_INDEX, [bankMsp, investorId]);
}

/** The key of one version of an investor's PII (its SHA-256, hex) inside a bank's implicit collection. */
export function investorPiiKey(ctx: Context, investorId: string, piiHash: string): string {
  return ctx.stub.createCompositeKey(INVESTOR_PII_KEY_TYPE, [investorId, piiHash]);
}

/** The investor's public record, or undefined when no bank has onboarded this id. */
export async function findInvestor(ctx: Context, investorId: string): Promise<InvestorRecord | undefined> {
  return readRecord(ctx, investorKey(ctx, investorId), parseInvestorRecord);
}

/** The investor's public record, or INVESTOR_NOT_FOUND. */
export async function readInvestor(ctx: Context, investorId: string): Promise<InvestorRecord> {
  const investor = await findInvestor(ctx, investorId);
  if (investor === undefined) throw new TrestleError('INVESTOR_NOT_FOUND', 'No investor has this id; their bank must onboard them first.', { details: { investorId } });
  return investor;
}
