import test from 'ava';
import { isTrestleError } from '../errors/trestle-error';
import { currentValuation, isValuationValid, parseValuationDocument, valuationRecord, type Valuation } from './valuation';

const NOW = Date.UTC(2026, 2, 1, 10) / 1000;
const DOCUMENT = { amount: '4250000000', currency: 'CHF', method: 'Market value', effectiveDate: '2026-02-15', validUntil: NOW + 86_400, reportSha256: 'ab'.repeat(32), reportUri: 'https://a.example/r.pdf' };
const APPRAISER = { appraiserMsp: 'BankCMSP', appraiserId: 'x509::/CN=erin::/CN=ca', recordedAt: '2026-03-01T10:00:00.000Z' };

function valuation(seq: number, effectiveDate: string, validUntil: number): Valuation {
  return valuationRecord(parseValuationDocument(JSON.stringify({ ...DOCUMENT, effectiveDate, validUntil }), NOW), { assetId: 'ZOB', seq, ...APPRAISER });
}

test('a valuation document parses with the amount as bigint and is stored with it as a decimal string', (t) => {
  const document = parseValuationDocument(JSON.stringify(DOCUMENT), NOW);
  t.is(document.amount, 4_250_000_000n);
  t.is(valuationRecord(document, { assetId: 'ZOB', seq: 1, ...APPRAISER }).amount, '4250000000');
});

test('a valuation counts until the second before validUntil', (t) => {
  t.true(isValuationValid({ validUntil: NOW + 1 }, NOW));
  t.false(isValuationValid({ validUntil: NOW }, NOW));
});

test('the current valuation is the valid one with the latest effective date, then the latest recorded', (t) => {
  const valuations = [valuation(1, '2026-01-01', NOW + 100), valuation(2, '2026-02-01', NOW + 10), valuation(3, '2026-02-01', NOW + 50), valuation(4, '2026-01-15', NOW + 1_000)];
  t.is(currentValuation(valuations, NOW)?.seq, 3);
  t.is(currentValuation(valuations, NOW + 50)?.seq, 4, 'seq 2 and 3 have expired');
  t.is(currentValuation(valuations, NOW + 1_000), undefined);
  t.is(currentValuation([], NOW), undefined);
});

test('every problem of a valuation is listed, with dates checked against the transaction time', (t) => {
  const error = t.throws(() => parseValuationDocument(JSON.stringify({ ...DOCUMENT, amount: '-1', currency: 'chf', effectiveDate: '2026-03-02', validUntil: NOW }), NOW));
  t.true(isTrestleError(error, 'VALUATION_INVALID'));
  const problems = isTrestleError(error) ? (error.details?.problems as Array<{ path: string }>) : [];
  t.deepEqual(problems.map((problem) => problem.path), ['amount', 'currency', 'effectiveDate', 'validUntil']);
});
