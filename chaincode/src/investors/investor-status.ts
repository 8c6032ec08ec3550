import type { Context } from 'fabric-contract-api';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import type { InvestorRecord } from '@trestle/compliance/src/ledger/investor';
import type { KycStatus } from '@trestle/compliance/src/rules/transfer-check-input';
import { callerOf } from '../identity/caller';
import { requireOwnBank } from '../identity/require-own-bank';
import { emitLedgerEvent } from '../support/ledger-event';
import { writeRecord } from '../support/state';
import { txTimestampIso } from '../support/tx-time';
import { investorKey, readInvestor } from './investor-key';

/** A status change an officer can make, the statuses it starts from, and the event it emits. */
type StatusChange = { readonly to: KycStatus; readonly from: readonly KycStatus[]; readonly event: 'InvestorSuspended' | 'InvestorReinstated' | 'InvestorRevoked' };

/** The investor status changes, as data. Revoked is final: the bank onboards the investor again. */
export const STATUS_CHANGES = {
  suspend: { to: 'suspended', from: ['active'], event: 'InvestorSuspended' },
  reinstate: { to: 'active', from: ['suspended'], event: 'InvestorReinstated' },
  revoke: { to: 'revoked', from: ['active', 'suspended'], event: 'InvestorRevoked' },
} as const satisfies Record<string, StatusChange>;

/** Applies `change` to an investor of the caller's bank (the contract has checked the officer role). */
export async function changeInvestorStatus(ctx: Context, investorId: string, reason: string, change: StatusChange): Promise<void> {
  const caller = callerOf(ctx);
  const investor = await readInvestor(ctx, investorId);
  requireOwnBank(caller, investor.bankMsp, 'investor');
  if (!change.from.includes(investor.kycStatus)) {
    throw new TrestleError('INVESTOR_STATUS_CONFLICT', `The investor's KYC status is ${investor.kycStatus}; this change applies only to an investor who is ${change.from.join(' or ')}.`, {
      details: { investorId, kycStatus: investor.kycStatus, allowedFrom: [...change.from], to: change.to },
    });
  }
  const at = txTimestampIso(ctx);
  const changed: InvestorRecord = {
    ...investor,
    kycStatus: change.to,
    lastStatusChange: { kycStatus: change.to, reason, changedAt: at, changedBy: caller.identityId },
    updatedAt: at,
    updatedBy: caller.identityId,
  };
  await writeRecord(ctx, investorKey(ctx, investorId), changed);
  emitLedgerEvent(ctx, { type: change.event, payload: changed });
}
