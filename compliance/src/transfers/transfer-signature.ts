/**
 * The EIP-712 message an investor signs with their bound wallet to authorise a transfer request.
 * One table for the wallet app that asks for the signature and the chaincode that verifies it.
 */
export const TRANSFER_REQUEST_TYPES = {
  TransferRequest: [
    { name: 'transferId', type: 'string' },
    { name: 'assetId', type: 'string' },
    { name: 'fromInvestorId', type: 'string' },
    { name: 'toInvestorId', type: 'string' },
    { name: 'amount', type: 'uint256' },
  ],
} as const;

/** The EIP-712 domain name of transfer requests. */
export const TRANSFER_REQUEST_DOMAIN_NAME = 'Trestle TransferRequest';

/** The EIP-712 domain of a request signed by a wallet bound on chain `chainId` (the binding's chain). */
export function transferRequestDomain(chainId: bigint): { readonly name: string; readonly version: string; readonly chainId: bigint } {
  return { name: TRANSFER_REQUEST_DOMAIN_NAME, version: '1', chainId };
}

/** The values signed. */
export type TransferRequestMessage = {
  readonly transferId: string;
  readonly assetId: string;
  readonly fromInvestorId: string;
  readonly toInvestorId: string;
  readonly amount: bigint;
};
