import test from 'ava';
import { isTrestleError } from '../errors/trestle-error';
import { parseInvestorPii } from './investor-pii';

const PII = {
  fullName: 'Anna Muster',
  birthDate: '1980-05-17',
  address: { lines: ['Bahnhofstrasse 1'], postalCode: '8001', city: 'Zürich', country: 'CH' },
  documents: [{ type: 'passport', reference: 'X1234567', issuingCountry: 'CH' }],
  salt: '6f1c2a9e4b7d3f0a8c5e1b9d7f3a2c4e',
};
const bytes = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8');

test('PII bytes read as the document, a legal person without a birth date included', (t) => {
  t.deepEqual(parseInvestorPii(bytes(PII)), PII);
  t.is(parseInvestorPii(bytes({ ...PII, birthDate: null })).birthDate, null);
});

test('absent PII is INVESTOR_PII_MISSING; bad PII is INVESTOR_PII_INVALID by path, never by value', (t) => {
  t.true(isTrestleError(t.throws(() => parseInvestorPii(undefined)), 'INVESTOR_PII_MISSING'));
  t.true(isTrestleError(t.throws(() => parseInvestorPii(new Uint8Array(0))), 'INVESTOR_PII_MISSING'));
  t.true(isTrestleError(t.throws(() => parseInvestorPii(Uint8Array.of(0xc3, 0x28))), 'INVESTOR_PII_INVALID'));
  const error = t.throws(() => parseInvestorPii(bytes({ ...PII, birthDate: '17.05.1980', salt: 'short', address: { ...PII.address, lines: [] } })));
  t.true(isTrestleError(error, 'INVESTOR_PII_INVALID'));
  t.deepEqual(isTrestleError(error) ? (error.details?.problems as Array<{ path: string }>).map((p) => p.path) : [], ['birthDate', 'address.lines', 'salt']);
  t.false(error?.message.includes('17.05.1980'));
});
