import type { Role } from '../../roles/roles';
import type { AccessConditions } from '../conditions/access-conditions';

/** The person asking to open a file, as the share service's caller authenticated them. */
export type Requester = {
  /** Fabric identity id (`x509::<subject>::<issuer>`). */
  readonly identityId: string;
  readonly mspId: string;
  /** The role the requester acts in; the gate checks that they hold it. */
  readonly role: Role;
};

/** One request to open one file, as the gate sees it. */
export type FileAccessRequest = {
  readonly requester: Requester;
  readonly conditions: AccessConditions;
  readonly conditionsHash: string;
  readonly dataHash: string;
};

/** The gate's answer; `reason` is a sentence for the access record and the refusal. */
export type AccessDecision = {
  readonly allowed: boolean;
  readonly reason: string;
};

/** One line of "who opened which file when", granted or refused. */
export type FileAccessEntry = {
  readonly requester: Requester;
  /** The file's conditions, whole, so the ledger can judge a grant by the same rule. */
  readonly conditions: AccessConditions;
  readonly fileId: string;
  readonly investorId: string;
  readonly conditionsHash: string;
  readonly dataHash: string;
  readonly outcome: 'granted' | 'refused';
  readonly reason: string;
  /** Who answered: a share service's share index, or 0 for a client-side check (Lit network backend). */
  readonly shareIndex: number;
  /** When the share service decided, ISO 8601 in UTC, from its injected clock. */
  readonly at: string;
};

/**
 * Where a share service asks whether a requester may open a file and records that they tried:
 * `LedgerAccessGate` (the requester's roles on Fabric, an access record per attempt through
 * EvidenceContract), or the in-memory gate of the unit tests.
 */
export interface AccessGate {
  /** Whether the requester holds the role they claim and the conditions let that role open the file. */
  authorize(request: FileAccessRequest): Promise<AccessDecision>;
  /** Records one attempt; a share is released only after this resolves. */
  recordAccess(entry: FileAccessEntry): Promise<void>;
}
