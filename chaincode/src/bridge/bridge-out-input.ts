import type { Context } from 'fabric-contract-api';
import { tokenOf, type BridgeChainConfig } from '@trestle/compliance/src/bridge/bridge-chain';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { getAddress } from 'ethers';
import { ledgerTransferInput, type LedgerTransferInput } from '../transfers/transfer-input';
import { findWalletBinding } from '../wallets/wallet-key';
import { activeChain } from './bridge-registry';

/** What a bridge-out names: the investor, the asset, the chain, the wallet and the amount. */
export type BridgeOutParties = { readonly assetId: string; readonly investorId: string; readonly chainId: string; readonly wallet: string; readonly amount: bigint };

/** The rules' input (the investor on both sides), the chain in force and the asset's token there. */
export type LedgerBridgeOutInput = LedgerTransferInput & { readonly chain: BridgeChainConfig; readonly token: string; readonly wallet: string };

/**
 * Everything a bridge-out is judged on, read from the ledger: the transfer input with the investor
 * as both parties, the chain's configuration in force, the asset's token on it, and the wallet's
 * binding. Refusals that no officer could approve away come here as typed errors: an asset in
 * remediation or whose policy does not allow DeFi use, a chain or token not configured, a wallet
 * not bound to the investor on that chain.
 */
export async function ledgerBridgeOutInput(ctx: Context, parties: BridgeOutParties): Promise<LedgerBridgeOutInput> {
  const ledger = await ledgerTransferInput(ctx, { assetId: parties.assetId, fromInvestorId: parties.investorId, toInvestorId: parties.investorId, amount: parties.amount }, undefined);
  if (ledger.asset.state === 'REMEDIATION') {
    // The gateway refuses new collateral into lending venues during remediation; units bridged now could only wait.
    throw new TrestleError('BRIDGE_ASSET_NOT_ELIGIBLE', 'The asset is in REMEDIATION; no new units are bridged until it is CURED.', { details: { assetId: parties.assetId, state: ledger.asset.state } });
  }
  if (!ledger.policy.defiEligible) {
    throw new TrestleError('BRIDGE_ASSET_NOT_ELIGIBLE', "The asset's policy does not allow DeFi use; its units cannot be bridged until a policy change allows it.", {
      details: { assetId: parties.assetId, policyVersion: ledger.policy.version },
    });
  }
  const chain = await activeChain(ctx, parties.chainId);
  const token = tokenOf(chain, parties.assetId);
  if (token === undefined) {
    throw new TrestleError('BRIDGE_ASSET_NOT_CONFIGURED', "The asset has no token in this chain's bridge configuration; operators of two banks add it first.", {
      details: { assetId: parties.assetId, chainId: parties.chainId },
    });
  }
  const wallet = getAddress(parties.wallet.toLowerCase());
  const binding = await findWalletBinding(ctx, wallet);
  if (binding === undefined || binding.investorId !== parties.investorId || binding.chainId !== parties.chainId) {
    throw new TrestleError('BRIDGE_WALLET_MISMATCH', 'Units are bridged only to a wallet bound to the same investor for the same chain; bind the wallet first (WalletContract).', {
      details: { wallet, investorId: parties.investorId, chainId: parties.chainId, boundTo: binding?.investorId ?? null, boundChainId: binding?.chainId ?? null },
    });
  }
  return { ...ledger, chain, token, wallet };
}
