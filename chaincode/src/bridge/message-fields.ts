import type { Context } from 'fabric-contract-api';
import { getAddress } from 'ethers';
import type { BridgeChainConfig, BridgedToken } from '@trestle/compliance/src/bridge/bridge-chain';
import type { GatewayMessageFields, LedgerGatewayMessage } from '@trestle/compliance/src/bridge/gateway-message';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import type { Asset } from '@trestle/compliance/src/ledger/asset';
import { evmKycPhase } from '@trestle/compliance/src/ledger/kyc-phase';
import { currentValuation, type Valuation } from '@trestle/compliance/src/ledger/valuation';
import { readAsset } from '../assets/asset-key';
import { readInvestor } from '../investors/investor-key';
import { findWalletBinding } from '../wallets/wallet-key';
import { readValuations } from '../assets/valuation-key';
import { txTimestampSeconds } from '../support/tx-time';

/** The gateway's LegalState for each ledger state that has one: the legal state crosses as data, never as a proposer's claim. */
export const EVM_LEGAL_STATE_OF: Readonly<Record<string, number>> = { TOKENIZED: 0, CURED: 0, REMEDIATION: 1 };

/** A message as the ledger derives it: its fields, the contract whose domain signs it, and for a Nav its nonce (the valuation sequence). */
export type DerivedMessage = { readonly fields: GatewayMessageFields; readonly verifyingContract: string; readonly nonce?: bigint };

/**
 * The NAV per whole token in 18-decimal fixed point of the NAV currency: the valuation's amount
 * (minor units) over the supply (base units), rounded down so the oracle never overstates it.
 */
export function navPerUnit(valuation: Pick<Valuation, 'amount'>, tokenization: { readonly units: string; readonly decimals: number }, currencyDecimals: number): bigint {
  return (BigInt(valuation.amount) * 10n ** BigInt(18 + tokenization.decimals)) / (BigInt(tokenization.units) * 10n ** BigInt(currencyDecimals));
}

/** The chain's entry for `token`, or BRIDGE_TOKEN_UNKNOWN: the message needs a bridged asset's token. */
export function bridgedToken(chain: BridgeChainConfig, token: string | undefined, type: LedgerGatewayMessage): BridgedToken {
  const entry = token === undefined ? undefined : chain.tokens.find((candidate) => candidate.token.toLowerCase() === token.toLowerCase());
  if (entry === undefined) throw new TrestleError('BRIDGE_TOKEN_UNKNOWN', `${type} needs the token of an asset in this chain's bridge configuration.`, { details: { chainId: chain.chainId, token: token ?? null } });
  return entry;
}

function oracleOf(chain: BridgeChainConfig, entry: BridgedToken, type: LedgerGatewayMessage): NonNullable<BridgedToken['oracle']> {
  if (entry.oracle === undefined) {
    throw new TrestleError('BRIDGE_ASSET_NOT_CONFIGURED', `${type} goes to the asset's NavOracle, and this chain's configuration names none for it.`, { details: { chainId: chain.chainId, assetId: entry.assetId } });
  }
  return entry.oracle;
}

function stateConflict(asset: Asset, sentence: string): TrestleError {
  return new TrestleError('BRIDGE_OUT_STATE_CONFLICT', `The asset is ${asset.state}; ${sentence}`, { details: { assetId: asset.assetId, state: asset.state } });
}

/**
 * Derives a message from the ledger, so no proposer can carry what the ledger does not hold:
 * SetLegalState takes the state from the asset record, WriteOff needs a WRITTEN_OFF asset, Nav is
 * the current valuation converted per unit (in the oracle's currency only), SetKycPhase the
 * phase of the investor the wallet is bound to at the transaction time. Pause and Unpause have no
 * fields.
 */
export async function deriveMessage(ctx: Context, chain: BridgeChainConfig, type: LedgerGatewayMessage, token: string | undefined, wallet?: string): Promise<DerivedMessage> {
  if (type === 'Pause' || type === 'Unpause') return { fields: {}, verifyingContract: chain.gateway };
  const entry = bridgedToken(chain, token, type);
  if (type === 'SetKycPhase') return kycPhaseMessage(ctx, chain, entry, wallet);
  const asset = await readAsset(ctx, entry.assetId);
  const address = getAddress(entry.token.toLowerCase());
  if (type === 'SetLegalState') {
    const state = EVM_LEGAL_STATE_OF[asset.state];
    if (state === undefined) throw stateConflict(asset, 'the gateway has no legal state for it (only TOKENIZED, CURED and REMEDIATION cross).');
    return { fields: { token: address, state }, verifyingContract: chain.gateway };
  }
  const oracle = oracleOf(chain, entry, type);
  if (type === 'WriteOff') {
    if (asset.state !== 'WRITTEN_OFF') throw stateConflict(asset, 'only a WRITTEN_OFF asset is written off on its oracle.');
    return { fields: { asset: address }, verifyingContract: oracle.address };
  }
  const valuation = currentValuation(await readValuations(ctx, asset.assetId), txTimestampSeconds(ctx));
  if (asset.tokenization === null || valuation === undefined || EVM_LEGAL_STATE_OF[asset.state] === undefined) {
    throw stateConflict(asset, 'a NAV needs a tokenized asset, still on the market, with a valuation in force.');
  }
  if (valuation.currency !== oracle.currency) {
    throw new TrestleError('BRIDGE_ASSET_NOT_CONFIGURED', `The valuation is in ${valuation.currency} and the oracle quotes ${oracle.currency}; the ledger carries no exchange rates.`, {
      details: { assetId: asset.assetId, valuationCurrency: valuation.currency, oracleCurrency: oracle.currency },
    });
  }
  const nav = navPerUnit(valuation, asset.tokenization, oracle.currencyDecimals);
  if (nav === 0n) throw stateConflict(asset, 'its valuation rounds to a NAV of zero per unit; a write-off is the way to price it at nothing.');
  const fields = { asset: address, navPerUnit: nav.toString(), valuationSeq: valuation.seq, validUntil: valuation.validUntil };
  return { fields, verifyingContract: oracle.address, nonce: BigInt(valuation.seq) };
}

/** The gateway phase of the investor `wallet` is bound to on this chain: the wallet must be bound there. */
async function kycPhaseMessage(ctx: Context, chain: BridgeChainConfig, entry: BridgedToken, wallet: string | undefined): Promise<DerivedMessage> {
  const binding = wallet === undefined ? undefined : await findWalletBinding(ctx, getAddress(wallet.toLowerCase()));
  if (wallet === undefined || binding === undefined || binding.chainId !== chain.chainId) {
    throw new TrestleError('BRIDGE_WALLET_MISMATCH', 'SetKycPhase names a wallet bound to an investor on this chain; this one is not.', { details: { chainId: chain.chainId, wallet: wallet ?? null } });
  }
  const investor = await readInvestor(ctx, binding.investorId);
  const phase = evmKycPhase(investor, txTimestampSeconds(ctx));
  return { fields: { token: getAddress(entry.token.toLowerCase()), wallet: binding.address, phase }, verifyingContract: chain.gateway };
}
