import { readFileSync } from 'node:fs';
import path from 'node:path';
import test from 'ava';
import { isTrestleError } from '../../errors/trestle-error';
import { parseSdnXml } from '../xml/sdn-xml';
import type { SanctionsList } from '../sanctions-entry';
import { screen } from './screen';

const FIXTURE = path.resolve(__dirname, '..', '..', '..', 'fixtures', 'sanctions', 'sdn.xml');
const list = parseSdnXml({ name: 'sdn.xml', content: readFileSync(FIXTURE) });
const top = (names: string[], extra: object = {}): { status: string; uid?: string; score?: number; matchedOn?: string } => {
  const result = screen(list, { names, ...extra });
  const best = result.matches[0];
  return { status: result.status, uid: best?.uid, score: best?.score, matchedOn: best?.matchedOn };
};

test('the listed name in given-name-first order is a full hit', (t) => {
  t.deepEqual(top(['Igor Valentinovich Korobov']), { status: 'hit', uid: '21328', score: 1, matchedOn: 'name' });
  t.deepEqual(top(['Korobov Igor Valentinovich']), { status: 'hit', uid: '21328', score: 1, matchedOn: 'name' });
});

test('a name typed without diacritics matches the listed name with them, and the other way round', (t) => {
  t.deepEqual(top(['Zdenka Marie Dvorakova']), { status: 'hit', uid: '90002', score: 1, matchedOn: 'name' });
  t.deepEqual(top(['CELIKYOL SANAYI VE TICARET AS']), { status: 'hit', uid: '90003', score: 1, matchedOn: 'name' });
});

test('aliases match like primary names and the match names the alias', (t) => {
  const result = screen(list, { names: ['Zdena O’Brien'] });
  t.is(result.status, 'hit');
  t.like(result.matches[0], { uid: '90002', name: "O'BRIEN, Zdena", score: 1 });
});

test('part of a name is below the threshold: one listed word needs review, an overlap is clear', (t) => {
  const one = screen(list, { names: ['Korobov'] });
  t.is(one.status, 'pending');
  t.like(one.matches[0], { uid: '21328', score: 0.8333 });
  const overlap = screen(list, { names: ['Igor Petrov'] });
  t.is(overlap.status, 'clear', 'one shared word of two and three: 0.46');
  t.deepEqual(overlap.matches, []);
  t.like(screen(list, { names: ['Igor Korobov'] }), { status: 'hit', matches: [{ uid: '21328', score: 0.9167 }] });
});

test('a name that shares nothing with the list is clear with no matches', (t) => {
  const result = screen(list, { names: ['Jane Q. Testperson'] });
  t.deepEqual(result.matches, []);
  t.is(result.status, 'clear');
  t.is(result.listVersion, '2024-01-31');
  t.is(result.listSha256, list.sha256);
});

test('an identifier equal after normalisation is a hit of score 1 whatever the name', (t) => {
  const result = screen(list, { names: ['Somebody Else'], identifiers: [{ type: 'passport', number: 'l-191.609' }] });
  t.is(result.status, 'hit');
  t.deepEqual(result.matches, [
    { uid: '7203', name: 'AOUADI, Mohamed Ben Belgacem', score: 1, matchedOn: 'identifier', identifier: { type: 'Passport', number: 'L 191609' } },
  ]);
  t.is(top([], { identifiers: [{ number: '7406784' }] }).uid, '4243', 'an IMO number with or without its prefix');
  t.is(top([], { identifiers: [{ number: '0x00000000000000000000000000000000deadbeef' }] }).uid, '90001', 'a wallet in any case');
});

test('numbers too short to identify anyone are not compared', (t) => {
  t.is(top(['Nobody'], { identifiers: [{ number: '8401' }] }).status, 'clear');
});

test('date of birth and nationality are reported as evidence and never lower a hit', (t) => {
  const same = screen(list, { names: ['Mohamed Ben Belgacem Aouadi'], dateOfBirth: '1974-12-11', nationality: 'tunisia' });
  t.like(same.matches[0], { uid: '7203', score: 1, dateOfBirth: 'agrees', nationality: 'agrees' });
  const other = screen(list, { names: ['Mohamed Ben Belgacem Aouadi'], dateOfBirth: '1990', nationality: 'Italy' });
  t.is(other.status, 'hit');
  t.like(other.matches[0], { uid: '7203', score: 1, dateOfBirth: 'differs', nationality: 'differs' });
  t.false('dateOfBirth' in (screen(list, { names: ['Mohamed Ben Belgacem Aouadi'] }).matches[0] ?? {}));
});

test('the threshold and review floor decide between hit, pending and clear', (t) => {
  t.is(screen(list, { names: ['Korobov'] }).status, 'pending');
  t.is(screen(list, { names: ['Korobov'] }, { threshold: 0.8 }).status, 'hit');
  t.is(screen(list, { names: ['Korobov'] }, { reviewFloor: 0.85 }).status, 'clear');
  t.throws(() => screen(list, { names: ['x'] }, { threshold: 1.5 }), { instanceOf: RangeError });
});

test('a subject with no usable name or identifier is ARGUMENT_EMPTY', (t) => {
  t.true(isTrestleError(t.throws(() => screen(list, { names: ['', ' .,'], identifiers: [{ number: '12' }] })), 'ARGUMENT_EMPTY'));
});

test('results are the same whatever the order of the list and of repeated calls', (t) => {
  const reversed: SanctionsList = { ...list, entries: [...list.entries].reverse() };
  const subject = { names: ['Northwind', 'Banco Nacional'], identifiers: [{ number: '100119726' }] };
  const first = screen(list, subject, { reviewFloor: 0.3 });
  t.true(first.matches.length >= 3);
  t.deepEqual(screen(reversed, subject, { reviewFloor: 0.3 }), first);
  t.deepEqual(screen(list, subject, { reviewFloor: 0.3 }), first);
  const scores = first.matches.map((match) => match.score);
  t.deepEqual(scores, [...scores].sort((a, b) => b - a), 'best first');
});
