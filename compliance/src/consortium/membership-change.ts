import { oneOf } from '../rules/read-investor';
import { readJsonValue } from '../ledger/read-json-document';
import { readIsoInstant } from '../ledger/record-fields';
import { isMspId } from '../identity/identity-id';
import { MEMBERS_FIELDS, readMembers, type ConsortiumMembers } from './consortium';

// A membership in force changes by the same unanimity that founded it, among the orgs that will be
// members: a joining org consents to join, every staying org to the change. A leaving org's consent
// is not needed, so no member can keep itself in against all the others.

export const MEMBERSHIP_CHANGE_STATUSES = ['PROPOSED', 'APPLIED', 'WITHDRAWN'] as const;

/** The latest membership change on the ledger: the membership proposed, who confirmed it, how it ended. */
export type MembershipChange = {
  readonly members: ConsortiumMembers;
  readonly status: (typeof MEMBERSHIP_CHANGE_STATUSES)[number];
  readonly proposedBy: string;
  readonly proposedAt: string;
  /** The orgs of the proposed membership whose admins confirmed it, sorted. */
  readonly confirmedBy: readonly string[];
  readonly closedAt: string | null;
  /** Why it was withdrawn; null otherwise. */
  readonly reason: string | null;
};

const isMsp = (value: unknown): value is string => typeof value === 'string' && isMspId(value);
const isStatus = (value: unknown): value is MembershipChange['status'] => (MEMBERSHIP_CHANGE_STATUSES as readonly unknown[]).includes(value);

/** Validates a membership change read from the ledger; `RECORD_MALFORMED` when it is not one. */
export function parseMembershipChange(value: unknown): MembershipChange {
  return readJsonValue(value, {
    code: 'RECORD_MALFORMED',
    name: 'membership change',
    fields: ['members', 'status', 'proposedBy', 'proposedAt', 'confirmedBy', 'closedAt', 'reason'],
    read: (reader) => ({
      members: readMembers(reader.record('members', MEMBERS_FIELDS)),
      status: reader.member('status', isStatus, oneOf(MEMBERSHIP_CHANGE_STATUSES), 'PROPOSED'),
      proposedBy: reader.string('proposedBy', isMspId, 'an MSP id'),
      proposedAt: readIsoInstant(reader, 'proposedAt'),
      confirmedBy: reader.set('confirmedBy', isMsp, 'an MSP id', 0),
      closedAt: reader.nullableString('closedAt', (text) => text.length > 0, 'an ISO instant'),
      reason: reader.nullableString('reason', (text) => text.length > 0, 'a sentence'),
    }),
  });
}
