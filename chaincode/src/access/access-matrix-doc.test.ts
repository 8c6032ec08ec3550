import test from 'ava';
import { readFileSync } from 'node:fs';
import { ACCESS_MATRIX_DOC, renderAccessMatrix } from './access-matrix-doc';

test('docs/access-matrix.md is what the matrix data renders today', (t) => {
  const committed = readFileSync(ACCESS_MATRIX_DOC, 'utf8');
  t.true(committed === renderAccessMatrix(), 'docs/access-matrix.md is out of date: run `npm run access-matrix` and commit it');
});
