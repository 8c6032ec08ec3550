import type { Context } from 'fabric-contract-api';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import type { Asset } from '@trestle/compliance/src/ledger/asset';
import { isClosedState, unitsAreLive, UNITS_LIVE_STATES } from '@trestle/compliance/src/ledger/asset-state';
import { readJsonValue } from '@trestle/compliance/src/ledger/read-json-document';
import { readPolicy } from '@trestle/compliance/src/policy/parse-policy';
import { POLICY_FIELDS, type Policy } from '@trestle/compliance/src/policy/policy';
import { readRecord } from '../support/state';
import { policyKey } from './policy-key';

/** A tokenized asset whose units are live, with the policy version in force. */
export type TokenizedAsset = { readonly asset: Asset; readonly policy: Policy };

/**
 * The policy in force for an asset whose units are live: TOKENIZED, REMEDIATION or CURED
 * (`UNITS_LIVE_STATES`; remediation blocks new collateral on the EVM side, not the register).
 * ASSET_LEGALLY_CLOSED once written off or redeemed, ASSET_NOT_TOKENIZED before tokenization.
 */
export async function requireTokenized(ctx: Context, asset: Asset): Promise<TokenizedAsset> {
  if (isClosedState(asset.state)) {
    const why = asset.state === 'REDEEMED' ? 'its units were retired at redemption' : 'its units were written off and stay where they are as the record of the loss';
    throw new TrestleError('ASSET_LEGALLY_CLOSED', `The asset is ${asset.state}: ${why}, so they no longer move or change.`, { details: { assetId: asset.assetId, state: asset.state } });
  }
  if (!unitsAreLive(asset.state) || asset.tokenization === null) {
    throw new TrestleError('ASSET_NOT_TOKENIZED', `The asset is ${asset.state}; units exist only once it is tokenized and move only while it is ${UNITS_LIVE_STATES.join(', ')}.`, {
      details: { assetId: asset.assetId, state: asset.state },
    });
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
