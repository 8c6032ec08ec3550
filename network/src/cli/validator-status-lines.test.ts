import test from 'ava';
import type { PassReport } from '@trestle/bridge/src/node/validator-node';
import { validatorStatusLines } from './validator-status-lines';

const NOW = Date.parse('2026-11-26T12:00:00Z');
const report = (bank: string, secondsAgo: number): PassReport => ({
  bank,
  validator: `0x${bank === 'BankAMSP' ? 'a' : bank === 'BankBMSP' ? 'b' : 'c'}`.padEnd(42, '0'),
  at: new Date(NOW - secondsAgo * 1000).toISOString(),
  duties: { 'sign-mints': { handled: 0 }, 'relay-mints': { handled: 1 } } as PassReport['duties'],
});
const context = { now: NOW, staleAfterMs: 30_000, threshold: 2 };

test('with every validator passing, each line shows its last pass and the quorum line says mints can complete', (t) => {
  const lines = validatorStatusLines([report('BankCMSP', 1), report('BankAMSP', 2), report('BankBMSP', 3)], context);
  t.deepEqual(lines.slice(0, 3).map((line) => line.split(' ')[0]), ['BankAMSP', 'BankBMSP', 'BankCMSP'], 'banks in order');
  t.regex(lines[0]!, /^BankAMSP 0xa0+: last pass 2 s ago; sign-mints 0, relay-mints 1$/);
  t.false(lines.some((line) => line.includes('NOT PASSING')));
  t.is(lines[3], "quorum: 3 of 3 banks' validators passing (BankAMSP, BankBMSP, BankCMSP); a mint needs 2 signatures: mints can complete");
});

test('one validator silent past the limit is marked NOT PASSING; two of three still make the threshold of 2', (t) => {
  const lines = validatorStatusLines([report('BankAMSP', 95), report('BankBMSP', 1), report('BankCMSP', 1)], context);
  t.regex(lines[0]!, /^BankAMSP 0xa0+: last pass 95 s ago — NOT PASSING \(no pass for over 30 s: stopped or stuck\); sign-mints 0/);
  t.is(lines[3], "quorum: 2 of 3 banks' validators passing (BankBMSP, BankCMSP); a mint needs 2 signatures: mints can complete without BankAMSP");
});

test('below the threshold the quorum line says mints wait and names the banks whose validators must pass again', (t) => {
  const lines = validatorStatusLines([report('BankAMSP', 31), report('BankBMSP', 40), report('BankCMSP', 29)], context);
  t.is(lines.filter((line) => line.includes('NOT PASSING')).length, 2, 'a report exactly under the limit still counts as passing');
  t.is(lines[3], "quorum: 1 of 3 banks' validators passing (BankCMSP); a mint needs 2 signatures: mints WAIT for 1 more; not passing: BankAMSP, BankBMSP");
  const none = validatorStatusLines([report('BankAMSP', 100)], context);
  t.is(none[1], "quorum: 0 of 1 banks' validators passing (none); a mint needs 2 signatures: mints WAIT for 2 more; not passing: BankAMSP");
});

test('without a deployment (threshold unknown) there is no quorum line', (t) => {
  const lines = validatorStatusLines([report('BankAMSP', 1)], { ...context, threshold: undefined });
  t.is(lines.length, 1);
});
