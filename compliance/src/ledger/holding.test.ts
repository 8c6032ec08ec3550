import test from 'ava';
import { isTrestleError } from '../errors/trestle-error';
import { holdingRecord, newHolding, parseHoldingRecord } from './holding';

const IDS = { assetId: 'ZOB', investorId: 'INV-1', bankMsp: 'BankAMSP' };

test('a new holding is one lot of its units; its record carries decimal strings and reads back the same', (t) => {
  const holding = newHolding(IDS, 600_000n, 1_772_359_200);
  const record = holdingRecord(holding);
  t.deepEqual(record, { ...IDS, balance: '600000', frozen: '0', escrowed: '0', lots: [{ amount: '600000', acquiredAt: 1_772_359_200 }] });
  t.deepEqual(parseHoldingRecord(JSON.parse(JSON.stringify(record))), holding);
});

test('a stored holding whose lots do not add up to its balance is RECORD_MALFORMED', (t) => {
  const record = { ...holdingRecord(newHolding(IDS, 10n, 1)), balance: '11' };
  t.true(isTrestleError(t.throws(() => parseHoldingRecord(record)), 'RECORD_MALFORMED'));
});
