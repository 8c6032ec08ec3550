import '../testing/quiet-fabric-logs';
import test from 'ava';
import type { Context } from 'fabric-contract-api';
import type { TrestleErrorCode } from '@trestle/compliance/src/errors/error-code';
import type { WalletBinding } from '@trestle/compliance/src/ledger/wallet-binding';
import { InvestorContract } from '../investors/investor-contract';
import { CAST, eventsOf, T0, tx } from '../testing/ledger-cast';
import { INVESTORS, ledgerWithInvestors } from '../testing/ledger-story';
import { refused } from '../testing/refusal';
import { identityIdOf, type TestIdentity, type WorldState } from '../testing/stub-context';
import { CHAIN_ID, signBinding, WALLET_ONE, WALLET_TWO } from '../testing/test-wallets';
import { WalletContract } from './wallet-contract';

const contract = new WalletContract();
const ANNA = INVESTORS.annaA;
const SECP256K1_ORDER = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;

async function bind(worldState: WorldState, submitter: TestIdentity, investorId: string, signature: string, options: { address?: string; chainId?: string; nonce?: string } = {}) {
  const binding = tx(submitter, worldState);
  await contract.BindWallet(binding.ctx, investorId, options.address ?? WALLET_ONE.address, options.chainId ?? CHAIN_ID.toString(), options.nonce ?? '1', signature);
  return binding;
}

const annaSignature = () => signBinding(WALLET_ONE, { investorId: ANNA, bank: 'BankAMSP' });

test('an operator of the investor\'s bank binds a wallet with the wallet\'s EIP-712 signature', async (t) => {
  const worldState = await ledgerWithInvestors();
  const binding = await bind(worldState, CAST.bankAOfficer, ANNA, await annaSignature(), { address: WALLET_ONE.address.toLowerCase() });

  const stored = JSON.parse(await contract.GetWalletBinding(tx(CAST.regulator, worldState).ctx, WALLET_ONE.address)) as WalletBinding;
  t.deepEqual(stored, { address: WALLET_ONE.address, chainId: '31337', investorId: ANNA, bankMsp: 'BankAMSP', nonce: '1', boundAt: T0.toISOString(), boundBy: identityIdOf(CAST.bankAOfficer) });
  t.deepEqual(eventsOf(binding), [{ name: 'WalletBound', envelope: { type: 'WalletBound', payload: stored as unknown as Record<string, unknown> } }]);
  t.true(worldState.has(binding.stub.createCompositeKey('wallet~nonce', [WALLET_ONE.address, '1'])));
});

test('a compliance officer of the investor\'s bank may submit the binding too', async (t) => {
  const worldState = await ledgerWithInvestors();
  await bind(worldState, CAST.bankBOfficer, INVESTORS.chloeB, await signBinding(WALLET_TWO, { investorId: INVESTORS.chloeB, bank: 'BankBMSP' }), { address: WALLET_TWO.address });
  t.is((JSON.parse(await contract.GetWalletBinding(tx(CAST.bankAOfficer, worldState).ctx, WALLET_TWO.address)) as WalletBinding).bankMsp, 'BankBMSP');
});

test('a signature by another key is refused, naming the address it recovers', async (t) => {
  const worldState = await ledgerWithInvestors();
  const signature = await signBinding(WALLET_TWO, { investorId: ANNA, bank: 'BankAMSP', wallet: WALLET_ONE.address });
  const error = await refused(t, worldState, CAST.bankAOfficer, 'WALLET_SIGNATURE_INVALID', (ctx) => contract.BindWallet(ctx, ANNA, WALLET_ONE.address, '31337', '1', signature));
  t.like(error.details, { address: WALLET_ONE.address, recovered: WALLET_TWO.address });
});

test('a replayed binding is refused: the nonce is spent', async (t) => {
  const worldState = await ledgerWithInvestors();
  const signature = await annaSignature();
  await bind(worldState, CAST.bankAOfficer, ANNA, signature);
  await refused(t, worldState, CAST.bankAOfficer, 'WALLET_NONCE_USED', (ctx) => contract.BindWallet(ctx, ANNA, WALLET_ONE.address, '31337', '1', signature));
});

test('a signature for another chain, another bank, another investor or another nonce does not verify', async (t) => {
  const worldState = await ledgerWithInvestors();
  const cases = [
    await signBinding(WALLET_ONE, { investorId: ANNA, bank: 'BankAMSP', chainId: 1n }),
    await signBinding(WALLET_ONE, { investorId: ANNA, bank: 'BankBMSP' }),
    await signBinding(WALLET_ONE, { investorId: INVESTORS.benA, bank: 'BankAMSP' }),
    await signBinding(WALLET_ONE, { investorId: ANNA, bank: 'BankAMSP', nonce: 2n }),
  ];
  for (const signature of cases) {
    await refused(t, worldState, CAST.bankAOfficer, 'WALLET_SIGNATURE_INVALID', (ctx) => contract.BindWallet(ctx, ANNA, WALLET_ONE.address, '31337', '1', signature));
  }
  // The chain id the client claims must be the one signed: the same signature submitted for chain 1 fails as well.
  await refused(t, worldState, CAST.bankAOfficer, 'WALLET_SIGNATURE_INVALID', async (ctx) => contract.BindWallet(ctx, ANNA, WALLET_ONE.address, '1', '1', await annaSignature()));
});

test('an address bound to one investor cannot be bound to another, even with a valid signature', async (t) => {
  const worldState = await ledgerWithInvestors();
  await bind(worldState, CAST.bankAOfficer, ANNA, await annaSignature());
  const signature = await signBinding(WALLET_ONE, { investorId: INVESTORS.benA, bank: 'BankAMSP', nonce: 2n });
  const error = await refused(t, worldState, CAST.bankAOfficer, 'WALLET_ALREADY_BOUND', (ctx) => contract.BindWallet(ctx, INVESTORS.benA, WALLET_ONE.address, '31337', '2', signature));
  t.like(error.details, { investorId: ANNA });
});

test('only an operator or officer of the investor\'s own bank binds, and only for an active investor', async (t) => {
  const worldState = await ledgerWithInvestors();
  const signature = await annaSignature();
  const submit = (ctx: Context) => contract.BindWallet(ctx, ANNA, WALLET_ONE.address, '31337', '1', signature);
  await refused(t, worldState, CAST.bankBOfficer, 'CALLER_OF_OTHER_BANK', submit);
  for (const identity of [CAST.spvAdmin, CAST.appraiser, CAST.regulator, CAST.nobody]) await refused(t, worldState, identity, 'CALLER_LACKS_ROLE', submit);
  await new InvestorContract().SuspendInvestor(tx(CAST.bankAOfficer, worldState).ctx, ANNA, 'Review');
  await refused(t, worldState, CAST.bankAOfficer, 'INVESTOR_STATUS_CONFLICT', submit);
});

test('malformed addresses, chain ids, nonces and signatures are refused without a write', async (t) => {
  const worldState = await ledgerWithInvestors();
  const signature = await annaSignature();
  const bytes = Buffer.from(signature.slice(2), 'hex');
  const s = BigInt(`0x${bytes.subarray(32, 64).toString('hex')}`);
  const highS = `0x${bytes.subarray(0, 32).toString('hex')}${(SECP256K1_ORDER - s).toString(16).padStart(64, '0')}${(bytes[64] === 27 ? 28 : 27).toString(16)}`;
  const mixedCaseTypo = `0x${WALLET_ONE.address.slice(2, -1)}${WALLET_ONE.address.endsWith('6') ? '7' : '6'}`.replace(/[a-f]/, (c) => c.toUpperCase());
  const cases: Array<[TrestleErrorCode, string, string, string, string, string]> = [
    ['WALLET_BINDING_INVALID', ANNA, '0x1234', '31337', '1', signature],
    ['WALLET_BINDING_INVALID', ANNA, WALLET_ONE.address.slice(2), '31337', '1', signature],
    ['WALLET_BINDING_INVALID', ANNA, mixedCaseTypo, '31337', '1', signature],
    ['WALLET_BINDING_INVALID', ANNA, WALLET_ONE.address, '0', '1', signature],
    ['WALLET_BINDING_INVALID', ANNA, WALLET_ONE.address, '-1', '1', signature],
    ['WALLET_BINDING_INVALID', ANNA, WALLET_ONE.address, '0x7a69', '1', signature],
    ['WALLET_BINDING_INVALID', ANNA, WALLET_ONE.address, (1n << 256n).toString(), '1', signature],
    ['WALLET_BINDING_INVALID', ANNA, WALLET_ONE.address, '31337', '01', signature],
    ['WALLET_BINDING_INVALID', ANNA, WALLET_ONE.address, '31337', '1.0', signature],
    ['WALLET_SIGNATURE_INVALID', ANNA, WALLET_ONE.address, '31337', '1', '0x1234'],
    ['WALLET_SIGNATURE_INVALID', ANNA, WALLET_ONE.address, '31337', '1', signature.slice(2)],
    ['WALLET_SIGNATURE_INVALID', ANNA, WALLET_ONE.address, '31337', '1', `0x${'zz'.repeat(65)}`],
    ['WALLET_SIGNATURE_INVALID', ANNA, WALLET_ONE.address, '31337', '1', `0x${'00'.repeat(65)}`],
    ['WALLET_SIGNATURE_INVALID', ANNA, WALLET_ONE.address, '31337', '1', highS],
    ['INVESTOR_NOT_FOUND', 'INV-NONE', WALLET_ONE.address, '31337', '1', signature],
    ['LEDGER_ID_MALFORMED', 'INV NONE', WALLET_ONE.address, '31337', '1', signature],
    ['ARGUMENT_EMPTY', ANNA, '', '31337', '1', signature],
  ];
  for (const [code, investorId, address, chainId, nonce, sig] of cases) {
    await refused(t, worldState, CAST.bankAOfficer, code, (ctx) => contract.BindWallet(ctx, investorId, address, chainId, nonce, sig));
  }
});

test('GetWalletBinding answers banks, validators and the regulator; an unbound address is WALLET_NOT_BOUND', async (t) => {
  const worldState = await ledgerWithInvestors();
  await refused(t, worldState, CAST.regulator, 'WALLET_NOT_BOUND', (ctx) => contract.GetWalletBinding(ctx, WALLET_TWO.address));
  await refused(t, worldState, CAST.appraiser, 'CALLER_LACKS_ROLE', (ctx) => contract.GetWalletBinding(ctx, WALLET_TWO.address));
  await refused(t, worldState, CAST.regulator, 'WALLET_BINDING_INVALID', (ctx) => contract.GetWalletBinding(ctx, 'not-an-address'));
});
