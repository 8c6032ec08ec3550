import test from 'ava';
import { formatDecimalAmount, parseDecimalAmount } from './decimal-amount';

test('decimal amounts parse exactly, beyond what a JSON number could carry', (t) => {
  t.is(parseDecimalAmount('0'), 0n);
  t.is(parseDecimalAmount('9007199254740993'), 9_007_199_254_740_993n);
  t.is(parseDecimalAmount('9'.repeat(78)), BigInt('9'.repeat(78)));
});

test('every other spelling of an amount is refused, so each amount has exactly one', (t) => {
  for (const text of ['', '00', '007', '-1', '+1', '1.0', '1e3', ' 1', '1 ', '0x10', '١٢', '9'.repeat(79)]) {
    t.is(parseDecimalAmount(text), undefined, JSON.stringify(text));
  }
});

test('amounts are written as plain decimal digits and never negative', (t) => {
  t.is(formatDecimalAmount(1_000_000n), '1000000');
  t.throws(() => formatDecimalAmount(-1n), { instanceOf: RangeError });
});
