import { Context, Contract, Info, Returns, Transaction } from 'fabric-contract-api';
import { allMembers, parseConsortiumMembers, type ConsortiumRecord } from '@trestle/compliance/src/consortium/consortium';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { callerOf, isOrgAdmin } from '../identity/caller';
import { emitLedgerEvent } from '../support/ledger-event';
import { sortedJson } from '../support/sorted-json';
import { txTimestampIso } from '../support/tx-time';
import { findConsortium, writeConsortium } from './consortium-store';
import { confirmMembershipChange, findMembershipChange, proposeMembershipChange, withdrawMembershipChange } from './membership-change-steps';

/**
 * Which orgs are the consortium's banks and which its regulators (compliance/src/consortium). An
 * org admin of a listed org proposes the membership; it is in force once the admin of every listed
 * org has confirmed the same document. Until then no role can be granted (RoleContract), so no org
 * can hand itself a role of the other kind. A membership in force changes by the same unanimity
 * among the orgs that will be members (ProposeMembershipChange, ConfirmMembershipChange); an org
 * the change removes loses every role at once (requireRole checks the membership).
 */
@Info({ title: 'ConsortiumContract', description: 'The consortium membership: banks and regulators, confirmed by every listed org' })
export class ConsortiumContract extends Contract {
  constructor() {
    super('ConsortiumContract');
  }

  /** Proposes the membership (JSON: banks, regulators) as an admin of a listed org; that org's confirmation counts at once. */
  @Transaction()
  async FoundConsortium(ctx: Context, membersJson: string): Promise<void> {
    const members = parseConsortiumMembers(membersJson);
    const caller = requireListedAdmin(ctx, members);
    if ((await findConsortium(ctx)) !== undefined) {
      throw new TrestleError('CONSORTIUM_CONFLICT', 'A consortium membership has already been proposed; confirm it (ConfirmConsortium) instead.', { details: { mspId: caller } });
    }
    await record(ctx, { members, status: 'FOUNDING', confirmedBy: [], foundedAt: txTimestampIso(ctx), activatedAt: null }, caller);
  }

  /** Confirms the proposed membership, restated exactly, as an admin of a listed org; the last confirmation puts it in force. */
  @Transaction()
  async ConfirmConsortium(ctx: Context, membersJson: string): Promise<void> {
    const members = parseConsortiumMembers(membersJson);
    const caller = requireListedAdmin(ctx, members);
    const current = await findConsortium(ctx);
    if (current === undefined || current.status !== 'FOUNDING') {
      throw new TrestleError('CONSORTIUM_CONFLICT', current === undefined ? 'No membership has been proposed; an admin of a listed org proposes it first.' : 'The membership is already in force.', {
        details: { status: current?.status ?? null },
      });
    }
    if (sortedJson(current.members) !== sortedJson(members)) {
      throw new TrestleError('CONSORTIUM_CONFLICT', 'The membership you confirm differs from the one proposed; read it (GetConsortium) and restate it exactly.', { details: { mspId: caller } });
    }
    if (current.confirmedBy.includes(caller)) {
      throw new TrestleError('CONSORTIUM_CONFLICT', 'Your org has already confirmed the membership.', { details: { mspId: caller } });
    }
    await record(ctx, current, caller);
  }

  /** Proposes a new membership (JSON: banks, regulators) as the admin of a member org; one change is open at a time. */
  @Transaction()
  async ProposeMembershipChange(ctx: Context, membersJson: string): Promise<void> {
    await proposeMembershipChange(ctx, membersJson);
  }

  /** Confirms the open change, restated exactly, as the admin of an org of the proposed membership; the last confirmation puts it in force. */
  @Transaction()
  async ConfirmMembershipChange(ctx: Context, membersJson: string): Promise<void> {
    await confirmMembershipChange(ctx, membersJson);
  }

  /** Withdraws the open change, with a reason, as the admin of an org of the membership in force or the proposed one. */
  @Transaction()
  async WithdrawMembershipChange(ctx: Context, reason: string): Promise<void> {
    await withdrawMembershipChange(ctx, reason);
  }

  /** The latest membership change and who confirmed it; anyone on the channel may read it. */
  @Transaction(false)
  @Returns('string')
  async GetMembershipChange(ctx: Context): Promise<string> {
    const change = await findMembershipChange(ctx);
    if (change === undefined) throw new TrestleError('CONSORTIUM_CONFLICT', 'No membership change has been proposed yet.', { details: { status: null } });
    return sortedJson(change);
  }

  /** The membership and who confirmed it; anyone on the channel may read it. */
  @Transaction(false)
  @Returns('string')
  async GetConsortium(ctx: Context): Promise<string> {
    const current = await findConsortium(ctx);
    if (current === undefined) throw new TrestleError('CONSORTIUM_NOT_ACTIVE', 'No consortium membership has been proposed yet.', { details: { status: null } });
    return sortedJson(current);
  }
}

// Module functions, not methods: fabric-contract-api could otherwise expose them as transactions.

function requireListedAdmin(ctx: Context, members: Parameters<typeof allMembers>[0]): string {
  const caller = callerOf(ctx);
  if (!isOrgAdmin(ctx)) {
    throw new TrestleError('CALLER_NOT_ORG_ADMIN', "Only an admin of a listed org proposes or confirms the consortium's membership.", { details: { mspId: caller.mspId } });
  }
  if (!allMembers(members).includes(caller.mspId)) {
    throw new TrestleError('ROLE_NOT_FOR_ORG', 'Your org is not in the membership it would confirm; only listed orgs found the consortium.', { details: { mspId: caller.mspId } });
  }
  return caller.mspId;
}

async function record(ctx: Context, current: ConsortiumRecord, confirming: string): Promise<void> {
  const confirmedBy = [...current.confirmedBy, confirming].sort();
  const complete = allMembers(current.members).every((msp) => confirmedBy.includes(msp));
  const next: ConsortiumRecord = { ...current, confirmedBy, status: complete ? 'ACTIVE' : 'FOUNDING', activatedAt: complete ? txTimestampIso(ctx) : null };
  await writeConsortium(ctx, next);
  emitLedgerEvent(ctx, { type: complete ? 'ConsortiumActivated' : 'ConsortiumConfirmed', payload: next });
}
