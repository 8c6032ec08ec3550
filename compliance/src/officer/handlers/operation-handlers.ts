import type { JsonValue } from '../../json/json-value';
import { decide, getOne, listPending } from './approvable-handlers';
import { BRIDGE_OUTS, TRANSFERS } from './approvable-kinds';
import { exportAuditCsv, searchAuditRecords } from './audit-handlers';
import { listEvidenceFiles, openEvidenceFile } from './evidence-handlers';
import { json, type Handler } from './handler';
import { changeFreeze, getHolding } from './holding-handlers';
import { getAssetLegal, voteLegalProposal } from './legal-handlers';
import { getAssetNav } from './nav-handlers';
import { adoptInvestor, changeInvestorStatus, decideAdoption, getAdoption, getInvestor, getInvestorPii, listAdoptions, listInvestors, onboardInvestor, updateInvestor } from './investor-handlers';
import { getAssetPolicy } from './policy-handlers';
import { regulatorOverview } from './regulator-handlers';
import { getSession, login, logout } from './session-handlers';

/** GET /openapi.json: the document the service runs from. */
const getOpenApi: Handler = async (_request, service) => json(service.spec as unknown as JsonValue);

/** The handler of each operationId in openapi.json; the server refuses to start unless the two name the same operations. */
export const OPERATION_HANDLERS: Readonly<Record<string, Handler>> = {
  login,
  getSession,
  logout,
  getOpenApi,
  listPendingTransfers: listPending(TRANSFERS),
  listPendingBridgeOuts: listPending(BRIDGE_OUTS),
  getTransfer: getOne(TRANSFERS),
  approveTransfer: decide(TRANSFERS, 'approve'),
  rejectTransfer: decide(TRANSFERS, 'reject'),
  getBridgeOut: getOne(BRIDGE_OUTS),
  approveBridgeOut: decide(BRIDGE_OUTS, 'approve'),
  rejectBridgeOut: decide(BRIDGE_OUTS, 'reject'),
  listInvestors,
  onboardInvestor,
  getInvestor,
  updateInvestor,
  getInvestorPii,
  changeInvestorStatus,
  adoptInvestor,
  getAdoption,
  approveAdoption: decideAdoption('approve'),
  rejectAdoption: decideAdoption('reject'),
  listAdoptions,
  listEvidenceFiles,
  openEvidenceFile,
  getHolding,
  freezeHolding: changeFreeze('freeze'),
  unfreezeHolding: changeFreeze('unfreeze'),
  getAssetPolicy,
  getAssetLegal,
  getAssetNav,
  approveLegalProposal: voteLegalProposal('approve'),
  rejectLegalProposal: voteLegalProposal('reject'),
  searchAudit: searchAuditRecords,
  exportAuditCsv,
  regulatorOverview,
};
