import test from 'ava';
import { isTrestleError } from '../errors/trestle-error';
import type { RecordReader } from '../policy/record-reader';
import { readJsonDocument, type JsonDocumentKind } from './read-json-document';

const KIND: JsonDocumentKind<{ name: string }> = {
  code: 'SPV_INVALID',
  name: 'test document',
  fields: ['name'],
  read: (reader: RecordReader) => ({ name: reader.string('name', (value) => value.length > 0, 'a name') }),
};

const problemsOf = (text: unknown) => {
  const error = (() => {
    try {
      readJsonDocument(text, KIND);
      return undefined;
    } catch (caught) {
      return caught;
    }
  })();
  return isTrestleError(error) ? [error.code, (error.details?.problems as Array<{ path: string; problem: string }> | undefined)?.map((p) => `${p.path}: ${p.problem}`)] : [String(error)];
};

test('a well-formed document is read', (t) => {
  t.deepEqual(readJsonDocument('{"name":"x"}', KIND), { name: 'x' });
});

test('missing, mistyped, oversized, unparsable and non-object texts get one clear problem each', (t) => {
  t.deepEqual(problemsOf(''), ['ARGUMENT_EMPTY', undefined]);
  t.deepEqual(problemsOf(undefined), ['ARGUMENT_EMPTY', undefined]);
  t.deepEqual(problemsOf(12), ['SPV_INVALID', [': must be JSON text, not a number']]);
  t.deepEqual(problemsOf('{"name":'), ['SPV_INVALID', [': is not valid JSON']]);
  t.deepEqual(problemsOf('x'.repeat(65_537)), ['SPV_INVALID', [': is 65537 characters long; at most 65536 are accepted']]);
  t.deepEqual(problemsOf('"text"'), ['SPV_INVALID', [': must be a JSON object, not a string']]);
  t.deepEqual(problemsOf('{"name":"","extra":1}'), ['SPV_INVALID', ['extra: is not a known field; remove it or correct its spelling', 'name: must be a name']]);
});
