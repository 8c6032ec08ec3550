import test from 'ava';
import { TRESTLE_ERROR_CODES } from '../../errors/error-code';
import { httpStatusOf } from './error-status';

test('refusals map to the HTTP statuses a client expects', (t) => {
  t.is(httpStatusOf('CALLER_OF_OTHER_BANK'), 403);
  t.is(httpStatusOf('CALLER_LACKS_ROLE'), 403);
  t.is(httpStatusOf('CALLER_NOT_MEMBER'), 403, 'a removed bank\'s people are refused like people without the role');
  t.is(httpStatusOf('TRANSFER_SELF_APPROVAL'), 403);
  t.is(httpStatusOf('TRANSFER_NOT_FOUND'), 404);
  t.is(httpStatusOf('BRIDGE_OUT_NOT_FOUND'), 404);
  t.is(httpStatusOf('TRANSFER_STATE_CONFLICT'), 409);
  t.is(httpStatusOf('TRANSFER_ALREADY_APPROVED'), 409);
  t.is(httpStatusOf('INVESTOR_ADOPTION_PENDING'), 409, "another bank's adoption request waits for the regulator");
  t.is(httpStatusOf('INVESTOR_ADOPTION_NOT_FOUND'), 404);
  t.is(httpStatusOf('REASON_INVALID'), 400);
  t.is(httpStatusOf('LEDGER_ID_MALFORMED'), 400);
  t.is(httpStatusOf('TRANSFER_REFUSED'), 422);
  t.is(httpStatusOf('OFFICER_LOGIN_THROTTLED'), 429);
  t.is(httpStatusOf('OFFICER_LEDGER_UNAVAILABLE'), 502);
  t.is(httpStatusOf('RECORD_MALFORMED'), 500);
});

test('every code has a status in the 4xx or 5xx range', (t) => {
  for (const code of TRESTLE_ERROR_CODES) {
    const status = httpStatusOf(code);
    t.true(status >= 400 && status < 600, code);
  }
});
