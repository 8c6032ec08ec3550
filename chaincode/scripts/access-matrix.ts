// Writes docs/access-matrix.md from the data in chaincode/src/access/, and docs/officer-access-matrix.md
// from compliance/src/officer/access/ (npm run access-matrix).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { OFFICER_ACCESS_DOC, renderOfficerAccessMatrix } from '@trestle/compliance/src/officer/access/route-access-doc';
import { ACCESS_MATRIX_DOC, renderAccessMatrix } from '../src/access/access-matrix-doc';

mkdirSync(path.dirname(ACCESS_MATRIX_DOC), { recursive: true });
writeFileSync(ACCESS_MATRIX_DOC, renderAccessMatrix());
console.log(`wrote ${path.relative(process.cwd(), ACCESS_MATRIX_DOC)}`);
writeFileSync(OFFICER_ACCESS_DOC, renderOfficerAccessMatrix());
console.log(`wrote ${path.relative(process.cwd(), OFFICER_ACCESS_DOC)}`);
