import { WALLET_BINDING_TYPES, walletBindingDomain, type WalletBindingMessage } from '@trestle/compliance/src/ledger/wallet-binding';
import { recoverTypedDataSigner } from './typed-data-signer';

/**
 * The address whose key signed `message` as EIP-712 typed data (domain "Trestle WalletBinding",
 * version 1, the message's chain id); WALLET_SIGNATURE_INVALID for a malformed or high-s signature.
 */
export function recoverBindingSigner(message: WalletBindingMessage, signature: unknown): string {
  return recoverTypedDataSigner(walletBindingDomain(message.chainId), WALLET_BINDING_TYPES, { ...message }, signature);
}
