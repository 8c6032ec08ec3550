import { TrestleError } from '../../errors/trestle-error';
import { json, sessionOf, type Handler } from './handler';

/**
 * GET /investors/{investorId}/evidence/{fileId}: opens a sealed file as the logged-in person. The
 * share services, not this service, decide and record who may open it; their typed refusals
 * (VAULT_ACCESS_DENIED, VAULT_NOT_ENOUGH_SHARES …) pass through with their status.
 */
export const openEvidenceFile: Handler = async (request, service) => {
  const { account } = sessionOf(request);
  const vault = service.vault;
  if (vault === undefined) throw new TrestleError('OFFICER_VAULT_NOT_CONFIGURED', 'This service is not connected to the evidence vault; ask the node operator to configure the share services.');
  const investorId = request.input.path.investorId ?? '';
  const fileId = request.input.path.fileId ?? '';
  const contentHash = await vault.locate(investorId, fileId);
  if (contentHash === undefined) throw new TrestleError('OFFICER_EVIDENCE_NOT_FOUND', 'This bank holds no evidence file under that name for this investor.', { details: { investorId, fileId } });
  const bytes = await vault.open(contentHash, vault.requesterOf(account));
  // The file names no person here; its bytes leave only to the person the share services granted.
  service.log(`evidence ${fileId} of ${investorId} opened by ${account.username}`);
  return json({ investorId, fileId, contentHash, size: bytes.length, base64: Buffer.from(bytes).toString('base64') });
};
