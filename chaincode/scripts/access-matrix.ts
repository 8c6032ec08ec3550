// Writes docs/access-matrix.md from the data in chaincode/src/access/ (npm run access-matrix).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ACCESS_MATRIX_DOC, renderAccessMatrix } from '../src/access/access-matrix-doc';

mkdirSync(path.dirname(ACCESS_MATRIX_DOC), { recursive: true });
writeFileSync(ACCESS_MATRIX_DOC, renderAccessMatrix());
console.log(`wrote ${path.relative(process.cwd(), ACCESS_MATRIX_DOC)}`);
