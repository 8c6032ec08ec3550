import '../testing/quiet-fabric-logs';
import test from 'ava';
import fc from 'fast-check';
import { CAST } from '../testing/ledger-cast';
import { INVESTORS, ledgerWithInvestors } from '../testing/ledger-story';
import { mostly, succeedsOrRefusesCleanly } from '../testing/malformed-input';
import { CHAIN_ID, signBinding, WALLET_ONE } from '../testing/test-wallets';
import { WalletContract } from './wallet-contract';

const contract = new WalletContract();

test('BindWallet on any arguments either binds with one event or refuses with a TrestleError and writes nothing', async (t) => {
  const base = await ledgerWithInvestors();
  const signature = await signBinding(WALLET_ONE, { investorId: INVESTORS.annaA, bank: 'BankAMSP' });
  const hex = (length: number) => fc.stringMatching(new RegExp(`^0x[0-9a-fA-F]{${length}}$`));
  const args = fc.tuple(
    mostly(fc.constant(INVESTORS.annaA), fc.constantFrom(INVESTORS.chloeB, 'INV-NONE')),
    mostly(fc.constantFrom(WALLET_ONE.address, WALLET_ONE.address.toLowerCase()), hex(40)),
    mostly(fc.constant(CHAIN_ID.toString()), fc.bigInt({ min: -1n, max: 1n << 257n }).map(String)),
    mostly(fc.constant('1'), fc.bigInt({ min: -1n, max: 1n << 257n }).map(String)),
    mostly(fc.constant(signature), fc.oneof(hex(130), hex(128))),
  );
  let bound = 0;
  await fc.assert(
    fc.asyncProperty(args, async ([investorId, address, chainId, nonce, sig]) => {
      const submit = (ctx: Parameters<typeof contract.BindWallet>[0]) => contract.BindWallet(ctx, investorId as string, address as string, chainId as string, nonce as string, sig as string);
      if (await succeedsOrRefusesCleanly(base, CAST.bankAOfficer, submit)) bound += 1;
    }),
    { numRuns: 300 },
  );
  // Both outcomes occur, so neither the success path nor the refusals go untested.
  t.log(`${bound} of 300 runs succeeded`);
  t.true(bound > 5 && bound < 295, `${bound} of 300 runs succeeded`);
});
