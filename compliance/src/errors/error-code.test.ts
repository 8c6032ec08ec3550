import test from 'ava';
import { isTrestleErrorCode, TRESTLE_ERROR_CODES } from './error-code';

test('codes are unique upper snake case, the form the parser looks for', (t) => {
  t.is(new Set(TRESTLE_ERROR_CODES).size, TRESTLE_ERROR_CODES.length);
  for (const code of TRESTLE_ERROR_CODES) t.regex(code, /^[A-Z][A-Z0-9_]*$/);
});

test('isTrestleErrorCode accepts listed codes only', (t) => {
  t.true(isTrestleErrorCode('ROLE_UNKNOWN'));
  t.false(isTrestleErrorCode('role_unknown'));
  t.false(isTrestleErrorCode(42));
});
