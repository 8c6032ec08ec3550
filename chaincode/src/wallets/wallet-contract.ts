import { Context, Contract, Info, Returns, Transaction } from 'fabric-contract-api';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import type { WalletBinding } from '@trestle/compliance/src/ledger/wallet-binding';
import { callerOf } from '../identity/caller';
import { requireOwnBank } from '../identity/require-own-bank';
import { readInvestor } from '../investors/investor-key';
import { WALLET_READERS } from '../roles/reader-roles';
import { requireAnyRole } from '../roles/require-role';
import { ledgerIdArgument } from '../support/arguments';
import { emitLedgerEvent } from '../support/ledger-event';
import { sortedJson } from '../support/sorted-json';
import { hasState, writeRecord } from '../support/state';
import { txTimestampIso } from '../support/tx-time';
import { recoverBindingSigner } from './binding-signer';
import { uint256Argument, walletAddressArgument } from './wallet-arguments';
import { findWalletBinding, readWalletBinding, walletKey, walletNonceKey } from './wallet-key';

/**
 * Bindings of EVM wallets to investors. An address is bound only with its own key's EIP-712
 * signature over the investor, the address, the chain, the investor's bank and a nonce
 * (compliance/src/ledger/wallet-binding.ts), submitted by an operator or compliance officer of
 * the investor's bank. One address binds to one investor; a nonce signs one binding.
 */
@Info({ title: 'WalletContract', description: 'EVM wallets bound to investors by a signature of the wallet key' })
export class WalletContract extends Contract {
  constructor() {
    super('WalletContract');
  }

  /** Binds `address` to an active investor of the caller's bank, given the wallet's signature of the binding message. */
  @Transaction()
  async BindWallet(ctx: Context, investorId: string, address: string, chainId: string, nonce: string, signature: string): Promise<void> {
    await requireAnyRole(ctx, ['operator', 'compliance-officer']);
    const caller = callerOf(ctx);
    const id = ledgerIdArgument(investorId, 'investorId');
    const wallet = walletAddressArgument(address);
    const chain = uint256Argument(chainId, 'chainId', 1n);
    const used = uint256Argument(nonce, 'nonce');
    const investor = await readInvestor(ctx, id);
    requireOwnBank(caller, investor.bankMsp, 'investor');
    if (investor.kycStatus !== 'active') {
      throw new TrestleError('INVESTOR_STATUS_CONFLICT', `The investor's KYC status is ${investor.kycStatus}; only an active investor binds a wallet.`, {
        details: { investorId: id, kycStatus: investor.kycStatus },
      });
    }
    if (await hasState(ctx, walletNonceKey(ctx, wallet, used))) {
      throw new TrestleError('WALLET_NONCE_USED', 'This wallet has already signed a binding with this nonce; sign a new message with a fresh nonce.', {
        details: { address: wallet, nonce: used.toString() },
      });
    }
    // The bank in the message is the investor's, from the ledger: a signature for another bank recovers another key.
    const signer = recoverBindingSigner({ investorId: id, wallet, chainId: chain, bank: investor.bankMsp, nonce: used }, signature);
    if (signer !== wallet) {
      throw new TrestleError('WALLET_SIGNATURE_INVALID', "The signature was not made by this wallet's key over this investor, bank, chain id and nonce; sign exactly those values.", {
        details: { address: wallet, recovered: signer, investorId: id, bank: investor.bankMsp, chainId: chain.toString(), nonce: used.toString() },
      });
    }
    const existing = await findWalletBinding(ctx, wallet);
    if (existing !== undefined) {
      throw new TrestleError('WALLET_ALREADY_BOUND', 'This address is already bound to an investor; one address binds to one investor.', {
        details: { address: wallet, investorId: existing.investorId, bankMsp: existing.bankMsp },
      });
    }
    const binding: WalletBinding = { address: wallet, chainId: chain.toString(), investorId: id, bankMsp: investor.bankMsp, nonce: used.toString(), boundAt: txTimestampIso(ctx), boundBy: caller.identityId };
    await writeRecord(ctx, walletKey(ctx, wallet), binding);
    await writeRecord(ctx, walletNonceKey(ctx, wallet, used), { address: wallet, nonce: binding.nonce, investorId: id, usedAt: binding.boundAt });
    emitLedgerEvent(ctx, { type: 'WalletBound', payload: binding });
  }

  /** The binding of `address` as JSON: investor, bank, chain id, nonce, when and by whom. */
  @Transaction(false)
  @Returns('string')
  async GetWalletBinding(ctx: Context, address: string): Promise<string> {
    await requireAnyRole(ctx, WALLET_READERS);
    return sortedJson(await readWalletBinding(ctx, walletAddressArgument(address)));
  }
}
