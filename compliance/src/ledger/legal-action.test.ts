import test from 'ava';
import { isTrestleError } from '../errors/trestle-error';
import { parseLegalActionDocument } from './legal-action';

const DOCUMENT = { proposalId: 'L-1', assetId: 'ZOB', reason: 'Board resolution', legalDocument: { uri: 'https://docs.example/r.pdf', sha256: 'ab'.repeat(32) } };

// The error parsing `text` throws, or undefined when it parses.
function throwOf(text: string): unknown {
  try {
    parseLegalActionDocument(text);
  } catch (error) {
    return error;
  }
  return undefined;
}

function problemPaths(text: string): string[] {
  const error = throwOf(text);
  return isTrestleError(error, 'LEGAL_ACTION_INVALID') ? (error.details?.problems as Array<{ path: string }>).map((problem) => problem.path) : ['not LEGAL_ACTION_INVALID'];
}

test('each action reads with its own terms, the price as bigint', (t) => {
  t.deepEqual(parseLegalActionDocument(JSON.stringify({ ...DOCUMENT, action: 'start-remediation', remediationWindowDays: 90 })), { ...DOCUMENT, action: 'start-remediation', remediationWindowDays: 90 });
  t.deepEqual(parseLegalActionDocument(JSON.stringify({ ...DOCUMENT, action: 'cure' })), { ...DOCUMENT, action: 'cure' });
  const redeem = parseLegalActionDocument(JSON.stringify({ ...DOCUMENT, action: 'redeem', cashSettlement: { reference: 'UETR 1', currency: 'CHF', pricePerUnit: '105' } }));
  t.deepEqual(redeem, { ...DOCUMENT, action: 'redeem', cashSettlement: { reference: 'UETR 1', currency: 'CHF', pricePerUnit: 105n } });
});

test('a term of another action is named with the action it belongs to; missing terms are missing', (t) => {
  const error = throwOf(JSON.stringify({ ...DOCUMENT, action: 'write-off', remediationWindowDays: 5, cashSettlement: {} }));
  t.true(isTrestleError(error, 'LEGAL_ACTION_INVALID'));
  const problems = isTrestleError(error) ? (error.details?.problems as Array<{ path: string; problem: string }>) : [];
  t.deepEqual(problems, [
    { path: 'remediationWindowDays', problem: 'belongs to start-remediation only; remove it from a write-off proposal' },
    { path: 'cashSettlement', problem: 'belongs to redeem only; remove it from a write-off proposal' },
  ]);
  t.deepEqual(problemPaths(JSON.stringify({ ...DOCUMENT, action: 'redeem' })), ['cashSettlement']);
  t.deepEqual(problemPaths(JSON.stringify({ ...DOCUMENT, action: 'start-remediation' })), ['remediationWindowDays']);
});

test('an unknown action is the only problem reported about the terms', (t) => {
  t.deepEqual(problemPaths(JSON.stringify({ ...DOCUMENT, action: 'seize', remediationWindowDays: 5 })), ['action']);
  t.deepEqual(problemPaths(JSON.stringify({ ...DOCUMENT })), ['action']);
});

test('values are never echoed in the problems', (t) => {
  const secret = 'IBAN CH93 0076 2011 6238 5295 7';
  const error = throwOf(JSON.stringify({ ...DOCUMENT, action: 'redeem', cashSettlement: { reference: `${secret}\n`, currency: 'CHF', pricePerUnit: '1' } }));
  t.true(isTrestleError(error, 'LEGAL_ACTION_INVALID'));
  t.false(String((error as Error).message).includes('CH93'));
});
