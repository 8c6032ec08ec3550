import { createHash } from 'node:crypto';
import type { JsonValue } from '@trestle/compliance/src/json/json-value';
import { InvestorContract } from '../investors/investor-contract';
import { sortedJsonBytes } from '../support/sorted-json';
import { tx, type TxOptions } from './ledger-cast';
import { investorPii, piiTransient } from './ledger-documents';
import type { TestIdentity, WorldState } from './stub-context';

/** The SHA-256 (hex) of `pii` as StageInvestorPii stores it (sorted JSON): the hash it returns. */
export function piiHashOf(pii: Record<string, unknown> = investorPii()): string {
  return createHash('sha256').update(sortedJsonBytes(pii as JsonValue)).digest('hex');
}

/**
 * Stages `pii` for `investorId` in `officer`'s bank's collection (StageInvestorPii, the transient
 * map carrying it) and returns the hash OnboardInvestor, UpdateInvestor and AdoptInvestor take.
 */
export async function stagePii(officer: TestIdentity, worldState: WorldState, investorId: string, pii: Record<string, unknown> = investorPii(), options: Omit<TxOptions, 'transient'> = {}): Promise<string> {
  return new InvestorContract().StageInvestorPii(tx(officer, worldState, { ...options, transient: piiTransient(pii) }).ctx, investorId);
}
