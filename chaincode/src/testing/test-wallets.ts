import { Wallet } from 'ethers';
import { WALLET_BINDING_TYPES, walletBindingDomain, type WalletBindingMessage } from '@trestle/compliance/src/ledger/wallet-binding';

// Two of the Hardhat development accounts: their private keys are published, so they hold nothing
// and must never be used outside tests.

/** Hardhat account 0. */
export const WALLET_ONE = new Wallet('0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80');

/** Hardhat account 1. */
export const WALLET_TWO = new Wallet('0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d');

/** The devnet's chain id. */
export const CHAIN_ID = 31337n;

/** `wallet`'s EIP-712 signature of a binding message, as the investor's wallet app would make it. */
export async function signBinding(wallet: Pick<Wallet, 'address' | 'signTypedData'>, message: Partial<WalletBindingMessage> & Pick<WalletBindingMessage, 'investorId' | 'bank'>): Promise<string> {
  const full: WalletBindingMessage = { wallet: wallet.address, chainId: CHAIN_ID, nonce: 1n, ...message };
  const types = { WalletBinding: WALLET_BINDING_TYPES.WalletBinding.map((field) => ({ ...field })) };
  return wallet.signTypedData(walletBindingDomain(full.chainId), types, { ...full });
}
