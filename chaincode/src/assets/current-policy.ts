import type { Context } from 'fabric-contract-api';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import type { Asset } from '@trestle/compliance/src/ledger/asset';
import { readJsonValue } from '@trestle/compliance/src/ledger/read-json-document';
import { readPolicy } from '@trestle/compliance/src/policy/parse-policy';
import { POLICY_FIELDS, type Policy } from '@trestle/compliance/src/policy/policy';
import { readRecord } from '../support/state';
import { policyKey } from './policy-key';

/** A tokenized asset with the policy version in force, or ASSET_NOT_TOKENIZED. */
export type TokenizedAsset = { readonly asset: Asset; readonly policy: Policy };

/** The policy in force for a TOKENIZED asset; units of any other asset do not move. */
export async function requireTokenized(ctx: Context, asset: Asset): Promise<TokenizedAsset> {
  if (asset.state !== 'TOKENIZED' || asset.tokenization === null) {
    throw new TrestleError('ASSET_NOT_TOKENIZED', `The asset is ${asset.state}; units move only while it is TOKENIZED.`, { details: { assetId: asset.assetId, state: asset.state } });
  }
  const version = asset.tokenization.policyVersion;
  const policy = await readRecord(ctx, policyKey(ctx, asset.assetId, version), (value) =>
    readJsonValue(value, {
      code: 'RECORD_MALFORMED',
      name: 'policy version record',
      fields: ['assetId', 'version', 'policyHash', 'document', 'attachedAt', 'attachedBy'],
      read: (reader) => readPolicy(reader.record('document', POLICY_FIELDS)),
    }),
  );
  if (policy === undefined) throw new TrestleError('RECORD_MALFORMED', 'The policy version the asset names is missing from the ledger; report it to the chaincode operators.', { details: { assetId: asset.assetId, version } });
  return { asset, policy };
}
