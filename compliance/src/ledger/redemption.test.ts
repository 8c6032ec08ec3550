import test from 'ava';
import fc from 'fast-check';
import { newHolding } from './holding';
import { cashDown, redemptionOf } from './redemption';

const SETTLEMENT = { reference: 'UETR 1', currency: 'CHF' as const, pricePerUnit: 7n };
const holding = (investorId: string, units: bigint, frozen = 0n) => ({ ...newHolding({ assetId: 'ZOB', investorId, bankMsp: 'BankAMSP' }, units, 0), frozen });

test('cash is the units times the price of a whole unit, rounded down to the minor unit', (t) => {
  t.is(cashDown(600_000n, 4_250_000_000n, 6), 2_550_000_000n);
  t.is(cashDown(600_000n, 7n, 6), 4n, '4.2 cents pay 4');
  t.is(cashDown(3n, 7n, 0), 21n);
});

test('a redemption lists each holder in investor id order with units, frozen units and cash, and the totals', (t) => {
  const redemption = redemptionOf([holding('INV-B', 300_000n, 1_000n), holding('INV-A', 600_000n), holding('INV-C', 100_000n)], SETTLEMENT, 6);
  t.deepEqual(redemption, {
    cashSettlement: { reference: 'UETR 1', currency: 'CHF', pricePerUnit: '7' },
    decimals: 6,
    unitsRetired: '1000000',
    cashTotal: '6',
    holders: [
      { investorId: 'INV-A', bankMsp: 'BankAMSP', units: '600000', frozen: '0', cash: '4' },
      { investorId: 'INV-B', bankMsp: 'BankAMSP', units: '300000', frozen: '1000', cash: '2' },
      { investorId: 'INV-C', bankMsp: 'BankAMSP', units: '100000', frozen: '0', cash: '0' },
    ],
  });
});

test('the holders\' cash never exceeds what the price implies for all units, and falls short by less than one minor unit per holder', (t) => {
  fc.assert(
    fc.property(fc.array(fc.bigInt({ min: 1n, max: 10n ** 24n }), { minLength: 1, maxLength: 20 }), fc.bigInt({ min: 1n, max: 10n ** 12n }), fc.integer({ min: 0, max: 18 }), (units, price, decimals) => {
      const redemption = redemptionOf(units.map((amount, index) => holding(`INV-${index}`, amount)), { ...SETTLEMENT, pricePerUnit: price }, decimals);
      const total = units.reduce((sum, amount) => sum + amount, 0n);
      const exact = total * price;
      const paid = BigInt(redemption.cashTotal) * 10n ** BigInt(decimals);
      return BigInt(redemption.unitsRetired) === total && paid <= exact && exact - paid < BigInt(units.length) * 10n ** BigInt(decimals);
    }),
  );
  t.pass();
});
