import type { Context } from 'fabric-contract-api';
import { allMembers, parseConsortiumMembers, type ConsortiumMembers, type ConsortiumRecord } from '@trestle/compliance/src/consortium/consortium';
import { parseMembershipChange, type MembershipChange } from '@trestle/compliance/src/consortium/membership-change';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { callerOf, isOrgAdmin } from '../identity/caller';
import { reasonArgument } from '../support/arguments';
import { emitLedgerEvent } from '../support/ledger-event';
import { sortedJson } from '../support/sorted-json';
import { readRecord, writeRecord } from '../support/state';
import { txTimestampIso } from '../support/tx-time';
import { activeConsortium, writeConsortium } from './consortium-store';

/** The latest membership change: composite key consortium~change (). */
const changeKey = (ctx: Context) => ctx.stub.createCompositeKey('consortium~change', []);

/** The latest membership change, or undefined before the first. */
export async function findMembershipChange(ctx: Context): Promise<MembershipChange | undefined> {
  return readRecord(ctx, changeKey(ctx), parseMembershipChange);
}

/** The caller's org, when the caller is its admin; CALLER_NOT_ORG_ADMIN otherwise. */
function adminOrg(ctx: Context, what: string): string {
  const caller = callerOf(ctx);
  if (!isOrgAdmin(ctx)) throw new TrestleError('CALLER_NOT_ORG_ADMIN', `Only an org's admin ${what} a change of the consortium's membership.`, { details: { mspId: caller.mspId } });
  return caller.mspId;
}

function openChange(change: MembershipChange | undefined): MembershipChange {
  if (change?.status !== 'PROPOSED') throw new TrestleError('CONSORTIUM_CONFLICT', 'No membership change is open; an admin of a member org proposes one first.', { details: { status: change?.status ?? null } });
  return change;
}

/** Writes the change; when every org of the proposed membership confirmed, puts that membership in force. */
async function record(ctx: Context, change: MembershipChange, current: ConsortiumRecord): Promise<void> {
  const complete = allMembers(change.members).every((msp) => change.confirmedBy.includes(msp));
  if (!complete) {
    await writeRecord(ctx, changeKey(ctx), change);
    emitLedgerEvent(ctx, { type: 'MembershipChangeConfirmed', payload: change });
    return;
  }
  const now = txTimestampIso(ctx);
  const applied: MembershipChange = { ...change, status: 'APPLIED', closedAt: now };
  const consortium: ConsortiumRecord = { ...current, members: change.members, confirmedBy: change.confirmedBy, activatedAt: now };
  await writeRecord(ctx, changeKey(ctx), applied);
  await writeConsortium(ctx, consortium);
  emitLedgerEvent(ctx, { type: 'MembershipChanged', payload: { change: applied, consortium } });
}

/**
 * Proposes a new membership, as the admin of a member org. One change is open at a time, and it
 * must change something. The proposing org's confirmation counts at once when it stays a member.
 */
export async function proposeMembershipChange(ctx: Context, membersJson: string): Promise<void> {
  const members = parseConsortiumMembers(membersJson);
  const mspId = adminOrg(ctx, 'proposes');
  const current = await activeConsortium(ctx);
  if (!allMembers(current.members).includes(mspId)) throw new TrestleError('ROLE_NOT_FOR_ORG', 'Only a member org proposes a change of the membership.', { details: { mspId } });
  if (sortedJson(normalised(members)) === sortedJson(normalised(current.members))) {
    throw new TrestleError('CONSORTIUM_CONFLICT', 'The proposed membership is the one in force; a change must add, remove or reclassify an org.', { details: { mspId } });
  }
  const previous = await findMembershipChange(ctx);
  if (previous?.status === 'PROPOSED') throw new TrestleError('CONSORTIUM_CONFLICT', 'A membership change is already open; confirm or withdraw it first.', { details: { proposedBy: previous.proposedBy } });
  const change: MembershipChange = {
    members: normalised(members),
    status: 'PROPOSED',
    proposedBy: mspId,
    proposedAt: txTimestampIso(ctx),
    confirmedBy: allMembers(members).includes(mspId) ? [mspId] : [],
    closedAt: null,
    reason: null,
  };
  await writeRecord(ctx, changeKey(ctx), change);
  emitLedgerEvent(ctx, { type: 'MembershipChangeProposed', payload: change });
}

/**
 * Confirms the open change, restated exactly, as the admin of an org of the proposed membership;
 * the last of them puts it in force. An org that the change removes does not confirm.
 */
export async function confirmMembershipChange(ctx: Context, membersJson: string): Promise<void> {
  const members = parseConsortiumMembers(membersJson);
  const mspId = adminOrg(ctx, 'confirms');
  const current = await activeConsortium(ctx);
  const change = openChange(await findMembershipChange(ctx));
  if (!allMembers(change.members).includes(mspId)) throw new TrestleError('ROLE_NOT_FOR_ORG', 'Your org is not in the proposed membership; only the orgs that will be members confirm it.', { details: { mspId } });
  if (sortedJson(normalised(members)) !== sortedJson(change.members)) {
    throw new TrestleError('CONSORTIUM_CONFLICT', 'The membership you confirm differs from the one proposed; read it (GetMembershipChange) and restate it exactly.', { details: { mspId } });
  }
  if (change.confirmedBy.includes(mspId)) throw new TrestleError('CONSORTIUM_CONFLICT', 'Your org has already confirmed this change.', { details: { mspId } });
  await record(ctx, { ...change, confirmedBy: [...change.confirmedBy, mspId].sort() }, current);
}

/** Withdraws the open change, with a reason, as the admin of an org of the membership in force or the proposed one: any of them could block it by not confirming. */
export async function withdrawMembershipChange(ctx: Context, reason: string): Promise<void> {
  const why = reasonArgument(reason);
  const mspId = adminOrg(ctx, 'withdraws');
  const current = await activeConsortium(ctx);
  const change = openChange(await findMembershipChange(ctx));
  if (![...allMembers(current.members), ...allMembers(change.members)].includes(mspId)) {
    throw new TrestleError('ROLE_NOT_FOR_ORG', 'Only an org of the membership in force or of the proposed one withdraws a change.', { details: { mspId } });
  }
  const withdrawn: MembershipChange = { ...change, status: 'WITHDRAWN', closedAt: txTimestampIso(ctx), reason: why };
  await writeRecord(ctx, changeKey(ctx), withdrawn);
  emitLedgerEvent(ctx, { type: 'MembershipChangeWithdrawn', payload: withdrawn });
}

/** The same membership with its lists sorted, so that order never makes two documents differ. */
function normalised(members: ConsortiumMembers): ConsortiumMembers {
  return { banks: [...members.banks].sort(), regulators: [...members.regulators].sort() };
}
