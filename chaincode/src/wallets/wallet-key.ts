import type { Context } from 'fabric-contract-api';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { parseWalletBindingRecord, type WalletBinding } from '@trestle/compliance/src/ledger/wallet-binding';
import { readRecord } from '../support/state';

/** Object type of wallet bindings: composite key wallet (checksummed address). One address, one investor. */
export const WALLET_KEY_TYPE = 'wallet';

/** Object type of spent binding nonces: composite key wallet~nonce (checksummed address, nonce). */
export const WALLET_NONCE_KEY_TYPE = 'wallet~nonce';

/** The state key of an address's binding. */
export function walletKey(ctx: Context, address: string): string {
  return ctx.stub.createCompositeKey(WALLET_KEY_TYPE, [address]);
}

/** The state key recording that `address` has signed a binding with `nonce`. */
export function walletNonceKey(ctx: Context, address: string, nonce: bigint): string {
  return ctx.stub.createCompositeKey(WALLET_NONCE_KEY_TYPE, [address, nonce.toString()]);
}

/** The binding of `address`, or undefined. */
export async function findWalletBinding(ctx: Context, address: string): Promise<WalletBinding | undefined> {
  return readRecord(ctx, walletKey(ctx, address), parseWalletBindingRecord);
}

/** The binding of `address`, or WALLET_NOT_BOUND. */
export async function readWalletBinding(ctx: Context, address: string): Promise<WalletBinding> {
  const binding = await findWalletBinding(ctx, address);
  if (binding === undefined) throw new TrestleError('WALLET_NOT_BOUND', 'This address is not bound to any investor.', { details: { address } });
  return binding;
}
