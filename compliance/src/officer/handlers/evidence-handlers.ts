import { TrestleError } from '../../errors/trestle-error';
import { parseEvidenceFileRecord } from '../../ledger/evidence-file';
import { DEFAULT_PAGE_SIZE } from './approvable-handlers';
import { callsOf, json, type Handler } from './handler';
import { checkedPage } from '../../ledger-client/checked-records';

/**
 * GET /investors/{investorId}/evidence/{fileId}: opens a sealed file as the logged-in person. The
 * ledger (as that person) names the file's content hash; the share services, not this service,
 * decide and record who may open it, and their typed refusals (VAULT_ACCESS_DENIED,
 * VAULT_NOT_ENOUGH_SHARES …) pass through with their status.
 */
export const openEvidenceFile: Handler = async (request, service) => {
  const vault = service.vault;
  if (vault === undefined) throw new TrestleError('OFFICER_VAULT_NOT_CONFIGURED', 'This service is not connected to the evidence vault; ask the node operator to configure the share services.');
  const calls = await callsOf(request, service);
  const { account } = calls;
  const investorId = request.input.path.investorId ?? '';
  const fileId = request.input.path.fileId ?? '';
  const contentHash = await vault.locate(investorId, fileId, calls.evaluate);
  if (contentHash === undefined) throw new TrestleError('OFFICER_EVIDENCE_NOT_FOUND', 'No evidence file is registered under that name for this investor.', { details: { investorId, fileId } });
  const bytes = await vault.open(contentHash, await vault.requesterOf(account));
  // The file names no person here; its bytes leave only to the person the share services granted.
  service.log(`evidence ${fileId} of ${investorId} opened by ${account.username}`);
  return json({ investorId, fileId, contentHash, size: bytes.length, base64: Buffer.from(bytes).toString('base64') });
};

/** GET /investors/{investorId}/evidence: the investor's registered files, as the ledger lets the person read them. */
export const listEvidenceFiles: Handler = async (request, service) => {
  const calls = await callsOf(request, service);
  const investorId = request.input.path.investorId ?? '';
  const { pageSize, bookmark } = request.input.query;
  const raw = await calls.evaluate('EvidenceContract', 'ListEvidence', investorId, String(typeof pageSize === 'number' ? pageSize : DEFAULT_PAGE_SIZE), typeof bookmark === 'string' ? bookmark : '');
  const page = checkedPage(raw, parseEvidenceFileRecord);
  return json({ investorId, records: page.records.map((record) => record.raw), bookmark: page.bookmark });
};
