import test from 'ava';
import { isEvmAddressForm, MAX_UINT256, parseUint256, walletBindingDomain, walletBindingTypeString } from './wallet-binding';

test('the signed type is WalletBinding(string investorId,address wallet,uint256 chainId,string bank,uint256 nonce)', (t) => {
  t.is(walletBindingTypeString(), 'WalletBinding(string investorId,address wallet,uint256 chainId,string bank,uint256 nonce)');
  t.deepEqual(walletBindingDomain(31337n), { name: 'Trestle WalletBinding', version: '1', chainId: 31337n });
});

test('uint256 values are decimal digits without sign or leading zeros, up to 2^256-1', (t) => {
  t.is(parseUint256('0'), 0n);
  t.is(parseUint256(MAX_UINT256.toString()), MAX_UINT256);
  for (const value of [(MAX_UINT256 + 1n).toString(), '-1', '01', '1.0', '0x10', '', ' 1', 1, null]) t.is(parseUint256(value), undefined, String(value));
});

test('an EVM address is 0x and 40 hex digits, in any case', (t) => {
  t.true(isEvmAddressForm('0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266'));
  t.true(isEvmAddressForm('0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266'));
  for (const value of ['f39fd6e51aad88f6f4ce6ab8827279cfffb92266', '0x1234', '0xg39fd6e51aad88f6f4ce6ab8827279cfffb92266', 42]) t.false(isEvmAddressForm(value), String(value));
});
