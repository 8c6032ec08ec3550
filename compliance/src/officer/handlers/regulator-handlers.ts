import { DEFAULT_PAGE_SIZE, pendingPage } from './approvable-handlers';
import { BRIDGE_OUTS, TRANSFERS } from './approvable-kinds';
import { callsOf, json, type Handler } from './handler';

/**
 * GET /regulator/overview: the first page of every bank's pending transfers and bridge-outs, read
 * as the regulator (whom the chaincode lets read every bank's queue).
 */
export const regulatorOverview: Handler = async (request, service) => {
  const calls = await callsOf(request, service);
  const { pageSize } = request.input.query;
  const size = typeof pageSize === 'number' ? pageSize : DEFAULT_PAGE_SIZE;
  const banks = [];
  for (const bankMsp of service.settings.banks) {
    banks.push({ bankMsp, transfers: await pendingPage(TRANSFERS, calls, bankMsp, size, ''), bridgeOuts: await pendingPage(BRIDGE_OUTS, calls, bankMsp, size, '') });
  }
  return json({ banks });
};
