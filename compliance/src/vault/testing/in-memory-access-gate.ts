import type { Role } from '../../roles/roles';
import type { AccessDecision, AccessGate, FileAccessEntry, FileAccessRequest } from '../access/access-gate';
import { decideFileAccess } from '../access/decide-file-access';

/**
 * The access gate of the unit tests: role grants and the access record held in memory, the rule
 * the ledger gate will apply. It stands in for no network; the Fabric gate is a separate class.
 */
export class InMemoryAccessGate implements AccessGate {
  /** Every recorded attempt, oldest first. */
  readonly entries: FileAccessEntry[] = [];
  /** When set, `recordAccess` rejects with this error (a ledger that does not answer). */
  recordFailure: Error | undefined;
  readonly #grants = new Set<string>();

  /** Lets `identityId` of `mspId` act in `role`. */
  grant(identityId: string, mspId: string, role: Role): this {
    this.#grants.add(grantKey(identityId, mspId, role));
    return this;
  }

  /** @inheritdoc */
  async authorize(request: FileAccessRequest): Promise<AccessDecision> {
    const { requester } = request;
    return decideFileAccess(request.conditions, requester, this.#grants.has(grantKey(requester.identityId, requester.mspId, requester.role)));
  }

  /** @inheritdoc */
  async recordAccess(entry: FileAccessEntry): Promise<void> {
    if (this.recordFailure !== undefined) throw this.recordFailure;
    this.entries.push(entry);
  }
}

function grantKey(identityId: string, mspId: string, role: Role): string {
  return JSON.stringify([identityId, mspId, role]);
}
