import type { Context } from 'fabric-contract-api';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { TRANSFER_REQUEST_TYPES, transferRequestDomain } from '@trestle/compliance/src/transfers/transfer-signature';
import type { TransferRequest } from '@trestle/compliance/src/transfers/transfer-request';
import type { TransferRecord } from '@trestle/compliance/src/transfers/transfer-record';
import { recoverTypedDataSigner } from '../wallets/typed-data-signer';
import { walletAddressArgument } from '../wallets/wallet-arguments';
import { readWalletBinding } from '../wallets/wallet-key';

/**
 * Verifies the optional wallet signature of a request: the address must be bound to the sender,
 * and the signature must be that key's EIP-712 signature of the request on the binding's chain.
 * Returns what the transfer records of it (null when the request carries none).
 */
export async function verifyWalletAuthorisation(ctx: Context, request: TransferRequest): Promise<TransferRecord['signedBy']> {
  if (request.wallet === null) return null;
  const binding = await readWalletBinding(ctx, walletAddressArgument(request.wallet.address, 'wallet.address'));
  if (binding.investorId !== request.fromInvestorId) {
    throw new TrestleError('TRANSFER_WALLET_MISMATCH', 'The signing wallet is bound to another investor than the sender; sign with a wallet bound to the sender.', {
      details: { address: binding.address, boundTo: binding.investorId, fromInvestorId: request.fromInvestorId },
    });
  }
  const chainId = BigInt(binding.chainId);
  const { transferId, assetId, fromInvestorId, toInvestorId, amount } = request;
  const signer = recoverTypedDataSigner(transferRequestDomain(chainId), TRANSFER_REQUEST_TYPES, { transferId, assetId, fromInvestorId, toInvestorId, amount }, request.wallet.signature);
  if (signer !== binding.address) {
    throw new TrestleError('WALLET_SIGNATURE_INVALID', "The signature was not made by the bound wallet's key over this transfer request on the binding's chain; sign exactly the request's values.", {
      details: { address: binding.address, recovered: signer, chainId: binding.chainId },
    });
  }
  return { address: binding.address, chainId: binding.chainId };
}
