import { parseTrestleError } from '../../errors/trestle-error';
import type { EvidenceAccessEntry } from '../../ledger/evidence-access';
import type { LedgerContract } from '../../officer/ledger/ledger-contract';
import { parseRoleGrant } from '../../roles/role-grant';
import type { AccessDecision, AccessGate, FileAccessEntry, FileAccessRequest } from './access-gate';
import { decideFileAccess } from './decide-file-access';

/** The calls the gate makes: fabric-network's `Contract`, or the unit tests' in-process stub. */
export type VaultLedgerContract = Pick<LedgerContract, 'submitTransaction' | 'evaluateTransaction'>;

/** The chaincode contracts a share service reaches through its bank's gateway, as its own `vault` identity. */
export type LedgerAccessGateOptions = {
  /** RoleContract: the requester's grants. */
  readonly roles: VaultLedgerContract;
  /** EvidenceContract: where each attempt is recorded. */
  readonly evidence: VaultLedgerContract;
};

/**
 * The access gate on Fabric: `authorize` reads the requester's grants with RoleContract.GetRoles
 * and applies `decideFileAccess`; `recordAccess` submits EvidenceContract.RecordEvidenceAccess,
 * where the chaincode checks a grant against the ledger once more. Any failure throws, and
 * `checkAndRecordAccess` turns it into a refusal to release a share (fail closed).
 */
export class LedgerAccessGate implements AccessGate {
  readonly #options: LedgerAccessGateOptions;

  constructor(options: LedgerAccessGateOptions) {
    this.#options = options;
  }

  /** @inheritdoc */
  async authorize(request: FileAccessRequest): Promise<AccessDecision> {
    const { requester } = request;
    const answer = await onLedger(() => this.#options.roles.evaluateTransaction('GetRoles', requester.mspId, requester.identityId));
    const grants: unknown = JSON.parse(Buffer.from(answer).toString('utf8'));
    if (!Array.isArray(grants)) throw new TypeError('GetRoles did not answer with a JSON array');
    // Every grant is validated, so a malformed answer fails the check instead of being skipped.
    const holdsRole = grants
      .map(parseRoleGrant)
      .some((grant) => grant.mspId === requester.mspId && grant.identityId === requester.identityId && grant.role === requester.role);
    return decideFileAccess(request.conditions, requester, holdsRole);
  }

  /** @inheritdoc */
  async recordAccess(entry: FileAccessEntry): Promise<void> {
    const document: EvidenceAccessEntry = {
      conditions: entry.conditions,
      dataHash: entry.dataHash,
      requester: entry.requester,
      outcome: entry.outcome,
      reason: entry.reason,
      shareIndex: entry.shareIndex,
    };
    await onLedger(() => this.#options.evidence.submitTransaction('RecordEvidenceAccess', JSON.stringify(document)));
  }
}

// A chaincode refusal comes back as the TrestleError it was; anything else (no peer, timeout)
// keeps its own error, which checkAndRecordAccess reports without its message.
async function onLedger(call: () => Promise<Uint8Array>): Promise<Uint8Array> {
  try {
    return await call();
  } catch (error) {
    const typed = error instanceof Error ? parseTrestleError(error.message) : undefined;
    throw typed ?? error;
  }
}
