import test from 'ava';
import { CURRENCIES, isCurrency } from './currency';

test('the currency list is 179 sorted, distinct three-letter codes', (t) => {
  t.is(CURRENCIES.length, 179);
  t.deepEqual([...CURRENCIES], [...new Set(CURRENCIES)].sort());
  for (const code of CURRENCIES) t.regex(code, /^[A-Z]{3}$/);
});

test('assigned codes are currencies; testing, no-currency and lower-case codes are not', (t) => {
  for (const code of ['CHF', 'EUR', 'USD', 'XAU', 'CHE']) t.true(isCurrency(code), code);
  for (const code of ['XXX', 'XTS', 'chf', 'EURO', 'BTC', '', 756]) t.false(isCurrency(code), String(code));
});
