import test from 'ava';
import { isTrestleError, parseTrestleError, TrestleError } from './trestle-error';

test('the message is the wire form: code, sentence, then compact JSON details', (t) => {
  const error = new TrestleError('ROLE_UNKNOWN', 'The role is not one of the known roles; pass one of them.', { details: { role: 'boss' } });
  t.is(error.message, '[ROLE_UNKNOWN] The role is not one of the known roles; pass one of them. {"role":"boss"}');
  t.is(error.code, 'ROLE_UNKNOWN');
  t.is(error.sentence, 'The role is not one of the known roles; pass one of them.');
  t.is(error.name, 'TrestleError');
});

test('without details the message ends with the sentence', (t) => {
  const error = new TrestleError('CALLER_NOT_ORG_ADMIN', 'Only an admin of your org may grant roles.');
  t.is(error.message, '[CALLER_NOT_ORG_ADMIN] Only an admin of your org may grant roles.');
  t.is(error.details, undefined);
});

test('parsing a message recovers code, sentence and details', (t) => {
  const sent = new TrestleError('ROLE_ALREADY_GRANTED', 'The identity already holds this role.', {
    details: { mspId: 'BankAMSP', role: 'operator', nested: { list: [1, 'two', null, true] } },
  });
  const parsed = parseTrestleError(sent.message);
  t.truthy(parsed);
  t.is(parsed?.code, 'ROLE_ALREADY_GRANTED');
  t.is(parsed?.sentence, sent.sentence);
  t.deepEqual(parsed?.details, sent.details);
  t.is(parsed?.message, sent.message);
});

test('parsing finds the error behind the prefix a peer or gateway adds', (t) => {
  const parsed = parseTrestleError('chaincode response 500, [ROLE_NOT_GRANTED] The identity does not hold this role. {"role":"appraiser"}');
  t.is(parsed?.code, 'ROLE_NOT_GRANTED');
  t.deepEqual(parsed?.details, { role: 'appraiser' });
});

test('details whose strings contain braces and brackets survive the round trip', (t) => {
  const details = { identityId: 'x509::/CN=a {b} [ROLE_UNKNOWN] c::/CN=ca', text: ' {"not":"details"}' };
  const parsed = parseTrestleError(new TrestleError('IDENTITY_ID_MALFORMED', 'The identity id is not an x509:: id.', { details }).message);
  t.is(parsed?.code, 'IDENTITY_ID_MALFORMED');
  t.is(parsed?.sentence, 'The identity id is not an x509:: id.');
  t.deepEqual(parsed?.details, details);
});

test('a message without a known code is not parsed', (t) => {
  t.is(parseTrestleError('You have asked to invoke a function that does not exist: Foo'), undefined);
  t.is(parseTrestleError('[NOT_A_TRESTLE_CODE] Something else.'), undefined);
  t.is(parseTrestleError(''), undefined);
});

test('a known code followed by text that is not JSON keeps that text as the sentence', (t) => {
  const parsed = parseTrestleError('[ROLE_UNKNOWN] Pick a role. {truncated');
  t.is(parsed?.sentence, 'Pick a role. {truncated');
  t.is(parsed?.details, undefined);
});

test('toJSON gives code, sentence, details and the cause reduced to name and message', (t) => {
  const cause = new RangeError('bad certificate');
  const error = new TrestleError('CALLER_NOT_ORG_ADMIN', 'Only an admin of your org may grant roles.', { details: { mspId: 'BankAMSP' }, cause });
  t.is(error.cause, cause);
  t.deepEqual(JSON.parse(JSON.stringify(error)), {
    name: 'TrestleError',
    code: 'CALLER_NOT_ORG_ADMIN',
    message: 'Only an admin of your org may grant roles.',
    details: { mspId: 'BankAMSP' },
    cause: { name: 'RangeError', message: 'bad certificate' },
  });
});

test('isTrestleError tells Trestle errors apart, optionally by code', (t) => {
  const error = new TrestleError('ROLE_UNKNOWN', 'Pick a known role.');
  t.true(isTrestleError(error));
  t.true(isTrestleError(error, 'ROLE_UNKNOWN'));
  t.false(isTrestleError(error, 'ROLE_NOT_GRANTED'));
  t.false(isTrestleError(new Error('[ROLE_UNKNOWN] Pick a known role.')));
});

test('a refusal repeated by each endorsing peer (fabric-network lists them one per line) parses as the first one alone', (t) => {
  const message =
    'No valid responses from any peers. Errors:\n    peer=127.0.0.1:28100, status=500, message=[INVESTOR_ALREADY_ONBOARDED] An investor with this id is already onboarded. {"investorId":"INV-1"}\n    peer=127.0.0.1:28110, status=500, message=[INVESTOR_ALREADY_ONBOARDED] An investor with this id is already onboarded. {"investorId":"INV-1"}';
  const parsed = parseTrestleError(message);
  t.is(parsed?.code, 'INVESTOR_ALREADY_ONBOARDED');
  t.is(parsed?.sentence, 'An investor with this id is already onboarded.');
  t.deepEqual(parsed?.details, { investorId: 'INV-1' });
});
