import { parseAssetRecord } from '../../ledger/asset';
import { callsOf, json, type Handler } from './handler';
import { checked } from '../../ledger-client/checked-records';
import { readPolicyRecord } from './policy-record';

/** GET /assets/{assetId}/policy: the asset and the policy its units are held under. */
export const getAssetPolicy: Handler = async (request, service) => {
  const calls = await callsOf(request, service);
  const assetId = request.input.path.assetId ?? '';
  const asset = checked(await calls.evaluate('AssetContract', 'GetAsset', assetId), parseAssetRecord).raw;
  const policy = readPolicyRecord(await calls.evaluate('AssetContract', 'GetPolicy', assetId));
  return json({ asset, policy });
};
