import type { BridgeChainRecord } from '../../bridge/bridge-chain';
import { TrestleError } from '../../errors/trestle-error';
import { describeOutlook } from '../../nav/haircut-outlook';
import { parseAssetRecord } from '../../ledger/asset';
import { checked } from '../../ledger-client/checked-records';
import { callsOf, json, type Handler } from './handler';

/**
 * GET /assets/{assetId}/nav: the asset's NavOracle on the service's EVM chain: the NAV it holds, the
 * haircut it applies now, Morpho's price, and in a sentence how long before the price falls further
 * without a fresh valuation. The ledger's chain configuration names the oracle.
 */
export const getAssetNav: Handler = async (request, service) => {
  const assetId = request.input.path.assetId ?? '';
  const calls = await callsOf(request, service);
  // An unknown asset is the caller's mistake whatever the service reads: the ledger says so first.
  checked(await calls.evaluate('AssetContract', 'GetAsset', assetId), parseAssetRecord);
  if (service.nav === undefined) {
    throw new TrestleError('OFFICER_EVM_NOT_CONFIGURED', 'This service reads no EVM chain; its operator sets OFFICER_EVM_RPC_URL and OFFICER_EVM_CHAIN_ID.');
  }
  const chain = (await calls.evaluate('BridgeContract', 'GetBridgeChain', service.nav.chainId)) as unknown as BridgeChainRecord;
  const entry = chain.active?.tokens.find((token) => token.assetId === assetId);
  if (entry?.oracle === undefined) {
    throw new TrestleError('OFFICER_NAV_NOT_FOUND', `The bridge configuration of chain ${service.nav.chainId} names no NAV oracle for this asset.`, { details: { assetId, chainId: service.nav.chainId } });
  }
  const nav = await service.nav.read(entry.oracle.address);
  return json({
    assetId,
    chainId: service.nav.chainId,
    token: entry.token,
    oracle: nav.oracle,
    currency: entry.oracle.currency,
    navPerUnit: nav.navPerUnit.toString(),
    valuationSeq: nav.valuationSeq.toString(),
    validUntil: nav.validUntil,
    writtenOff: nav.writtenOff,
    haircutBps: nav.haircutBps.toString(),
    price: nav.price?.toString() ?? null,
    schedule: nav.schedule.map((point) => ({ ...point })),
    outlook: describeOutlook(nav.outlook),
    at: nav.at,
  });
};
