import test from 'ava';
import { TypedDataEncoder } from 'ethers';
import { isTrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { WALLET_BINDING_TYPES, walletBindingTypeString } from '@trestle/compliance/src/ledger/wallet-binding';
import { CHAIN_ID, signBinding, WALLET_ONE } from '../testing/test-wallets';
import { recoverBindingSigner } from './binding-signer';

const MESSAGE = { investorId: 'INV-1', wallet: WALLET_ONE.address, chainId: CHAIN_ID, bank: 'BankAMSP', nonce: 7n };

test('ethers encodes the shared table as the documented type string', (t) => {
  const types = { WalletBinding: WALLET_BINDING_TYPES.WalletBinding.map((field) => ({ ...field })) };
  t.is(TypedDataEncoder.from(types).encodeType('WalletBinding'), walletBindingTypeString());
});

test('the signer of a binding is recovered from its signature', async (t) => {
  t.is(recoverBindingSigner(MESSAGE, await signBinding(WALLET_ONE, MESSAGE)), WALLET_ONE.address);
});

test('a signature that is not 65 bytes of hex is WALLET_SIGNATURE_INVALID', (t) => {
  for (const signature of [undefined, 42, '', '0x', `0x${'ab'.repeat(64)}`, `0x${'ab'.repeat(66)}`]) {
    t.true(isTrestleError(t.throws(() => recoverBindingSigner(MESSAGE, signature)), 'WALLET_SIGNATURE_INVALID'), String(signature));
  }
});
