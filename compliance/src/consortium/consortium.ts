import { isMspId } from '../identity/identity-id';
import { childPath } from '../policy/problem-list';
import type { RecordReader } from '../policy/record-reader';
import { readJsonDocument, readJsonValue } from '../ledger/read-json-document';
import { readIsoInstant } from '../ledger/record-fields';
import { oneOf } from '../rules/read-investor';
import type { Role } from '../roles/roles';

/**
 * Which orgs of the channel are the consortium's banks and which its regulators. A chaincode cannot
 * read its channel's member list, and role grants cannot stand in for one (every org can grant any
 * role in its own space), so the membership is a ledger record that every listed org's admin
 * confirms before it is in force. Roles then follow the org's kind: bank roles only in banks, the
 * regulator role only in regulators.
 */
export type ConsortiumMembers = { readonly banks: readonly string[]; readonly regulators: readonly string[] };

export const CONSORTIUM_STATUSES = ['FOUNDING', 'ACTIVE'] as const;

/** The membership on the ledger: FOUNDING until every listed org's admin confirmed it, then ACTIVE. */
export type ConsortiumRecord = {
  readonly members: ConsortiumMembers;
  readonly status: (typeof CONSORTIUM_STATUSES)[number];
  /** The orgs whose admins confirmed, sorted. */
  readonly confirmedBy: readonly string[];
  readonly foundedAt: string;
  readonly activatedAt: string | null;
};

export type OrgKind = 'bank' | 'regulator';

/** The roles each kind of org may grant. */
export const ROLES_OF_KIND: { readonly [K in OrgKind]: readonly Role[] } = {
  bank: ['compliance-officer', 'operator', 'spv-admin', 'appraiser', 'validator', 'vault'],
  regulator: ['regulator'],
};

const isMsp = (value: unknown): value is string => typeof value === 'string' && isMspId(value);

/** The fields of a membership document. */
export const MEMBERS_FIELDS = ['banks', 'regulators'] as const;

/** Most orgs a consortium lists, per kind. */
const MAX_MEMBERS = 64;

/** Reads a membership (banks, regulators) through `reader`, opened on it with MEMBERS_FIELDS. */
export function readMembers(reader: RecordReader): ConsortiumMembers {
  const read = (key: string, min: number) => {
    const list = reader.set(key, isMsp, 'an MSP id such as "BankAMSP"', min);
    if (list.length > MAX_MEMBERS) reader.problems.add(childPath(reader.path, key), `must list at most ${MAX_MEMBERS} orgs`);
    return list;
  };
  const members = { banks: read('banks', 1), regulators: read('regulators', 0) };
  const both = members.banks.filter((msp) => members.regulators.includes(msp));
  if (both.length > 0) reader.problems.add(childPath(reader.path, 'regulators'), `names ${both.join(', ')}, already a bank; an org is a bank or a regulator`);
  return members;
}

/** Validates a membership document (JSON text); `CONSORTIUM_INVALID` lists every problem. */
export function parseConsortiumMembers(text: unknown): ConsortiumMembers {
  return readJsonDocument(text, { code: 'CONSORTIUM_INVALID', name: 'consortium membership', fields: MEMBERS_FIELDS, read: readMembers });
}

/** Validates a consortium record read from the ledger; `RECORD_MALFORMED` when it is not one. */
export function parseConsortiumRecord(value: unknown): ConsortiumRecord {
  return readJsonValue(value, {
    code: 'RECORD_MALFORMED',
    name: 'consortium record',
    fields: ['members', 'status', 'confirmedBy', 'foundedAt', 'activatedAt'],
    read: (reader) => ({
      members: readMembers(reader.record('members', MEMBERS_FIELDS)),
      status: reader.member('status', (value): value is ConsortiumRecord['status'] => (CONSORTIUM_STATUSES as readonly unknown[]).includes(value), oneOf(CONSORTIUM_STATUSES), 'FOUNDING'),
      confirmedBy: reader.set('confirmedBy', isMsp, 'an MSP id', 1),
      foundedAt: readIsoInstant(reader, 'foundedAt'),
      activatedAt: reader.nullableString('activatedAt', (text) => text.length > 0, 'an ISO instant'),
    }),
  });
}

/** The kind of `mspId` in the consortium, or undefined when it is not a member. */
export function kindOf(members: ConsortiumMembers, mspId: string): OrgKind | undefined {
  if (members.banks.includes(mspId)) return 'bank';
  if (members.regulators.includes(mspId)) return 'regulator';
  return undefined;
}

/** Every listed org, sorted. */
export function allMembers(members: ConsortiumMembers): string[] {
  return [...members.banks, ...members.regulators].sort();
}
