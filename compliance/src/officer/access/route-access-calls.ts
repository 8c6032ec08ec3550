import type { SendOptions } from '../testing/officer-client';

// The well-formed call of each operation of openapi.json that the access-matrix tests make, over
// the records a test's ledger holds: route-access-matrix.test.ts (the in-process stub's story) and
// network/test/access/officer-routes-real.test.ts (records made on the real network). One list of
// calls for both, so an operation added to the document (and its matrix row) gets its call here once.

/** The records a call names and the documents a write sends; each test fills them from its own ledger. */
export type RouteCallRecords = {
  /** Whom the login row logs in as, and with which password. */
  readonly login: { readonly username: string; readonly password: string };
  /** A pending BankA → BankB transfer. */
  readonly transferId: string;
  /** A BankA investor's pending bridge-out. */
  readonly bridgeOutId: string;
  /** A BankA investor with PII, a holding of `assetId` and a registered KYC file. */
  readonly investorId: string;
  /** The registered KYC file of `investorId`. */
  readonly evidenceFileId: string;
  /** An investor id no investor has yet: what onboarding creates. */
  readonly newInvestorId: string;
  /** The tokenized asset. */
  readonly assetId: string;
  /** An open legal proposal on the asset. */
  readonly proposalId: string;
  /** The bank whose queues and investors the list rows read. */
  readonly bankMsp: string;
  /** The audit period searched (ISO 8601). */
  readonly auditPeriod: { readonly from: string; readonly to: string };
  /** An investor's public record, valid at the ledger's time. */
  readonly investorDocument: (investorId: string) => Record<string, unknown>;
  /** Personal data for onboarding, update and adoption. */
  readonly investorPii: () => Record<string, unknown>;
};

/** One call: the path (with its query) and what goes with it; the method is the document's. */
export type RouteCall = { readonly path: string; readonly options: SendOptions };

const REASON = 'access matrix';

/** The well-formed call of `operationId` naming `records`; an operation without one here is an error, so a new operation cannot go untested. */
export function routeCallOf(operationId: string, records: RouteCallRecords): RouteCall {
  const reason = { json: { reason: REASON } };
  const investor = `/api/v1/investors/${records.investorId}`;
  const holding = `/api/v1/holdings/${records.assetId}/${records.investorId}`;
  const asset = `/api/v1/assets/${records.assetId}`;
  const period = `from=${encodeURIComponent(records.auditPeriod.from)}&to=${encodeURIComponent(records.auditPeriod.to)}`;
  const call = (path: string, options: SendOptions = {}): RouteCall => ({ path, options });
  switch (operationId) {
    case 'login':
      return call('/api/v1/session', { json: records.login });
    case 'getSession':
    case 'logout':
      return call('/api/v1/session');
    case 'getOpenApi':
      return call('/api/v1/openapi.json');
    case 'listPendingTransfers':
      return call(`/api/v1/pending/transfers?bank=${records.bankMsp}`);
    case 'listPendingBridgeOuts':
      return call(`/api/v1/pending/bridge-outs?bank=${records.bankMsp}`);
    case 'getTransfer':
      return call(`/api/v1/transfers/${records.transferId}`);
    case 'approveTransfer':
      return call(`/api/v1/transfers/${records.transferId}/approve`, reason);
    case 'rejectTransfer':
      return call(`/api/v1/transfers/${records.transferId}/reject`, reason);
    case 'getBridgeOut':
      return call(`/api/v1/bridge-outs/${records.bridgeOutId}`);
    case 'approveBridgeOut':
      return call(`/api/v1/bridge-outs/${records.bridgeOutId}/approve`, reason);
    case 'rejectBridgeOut':
      return call(`/api/v1/bridge-outs/${records.bridgeOutId}/reject`, reason);
    case 'listInvestors':
      return call(`/api/v1/investors?bank=${records.bankMsp}`);
    case 'onboardInvestor':
      return call('/api/v1/investors', { json: { investor: records.investorDocument(records.newInvestorId), pii: records.investorPii() } });
    case 'getInvestor':
      return call(investor);
    case 'updateInvestor':
      return call(investor, { json: { investor: records.investorDocument(records.investorId), pii: records.investorPii() } });
    case 'getInvestorPii':
      return call(`${investor}/pii`);
    case 'listEvidenceFiles':
      return call(`${investor}/evidence`);
    case 'openEvidenceFile':
      return call(`${investor}/evidence/${records.evidenceFileId}`);
    case 'changeInvestorStatus':
      return call(`${investor}/status`, { json: { action: 'suspend', reason: REASON } });
    case 'adoptInvestor':
      return call(`${investor}/adopt`, { json: { investor: records.investorDocument(records.investorId), pii: records.investorPii(), reason: REASON } });
    case 'getAdoption':
      return call(`${investor}/adoption`);
    case 'approveAdoption':
      return call(`${investor}/adoption/approve`, reason);
    case 'rejectAdoption':
      return call(`${investor}/adoption/reject`, reason);
    case 'listAdoptions':
      return call('/api/v1/adoptions');
    case 'getHolding':
      return call(holding);
    case 'freezeHolding':
      return call(`${holding}/freeze`, { json: { amount: '10', reason: REASON } });
    case 'unfreezeHolding':
      return call(`${holding}/unfreeze`, { json: { amount: '10', reason: REASON } });
    case 'getAssetPolicy':
      return call(`${asset}/policy`);
    case 'getAssetNav':
      return call(`${asset}/nav`);
    case 'getAssetLegal':
      return call(`${asset}/legal`);
    case 'approveLegalProposal':
      return call(`/api/v1/legal-proposals/${records.proposalId}/approve`, reason);
    case 'rejectLegalProposal':
      return call(`/api/v1/legal-proposals/${records.proposalId}/reject`, reason);
    case 'searchAudit':
      return call(`/api/v1/audit?${period}`);
    case 'exportAuditCsv':
      return call(`/api/v1/audit/export.csv?${period}`);
    case 'regulatorOverview':
      return call('/api/v1/regulator/overview');
    default:
      throw new Error(`no well-formed call for ${operationId}: add one to route-access-calls.ts and a row to route-access-matrix.ts`);
  }
}
