import type { Answer } from '../testing/officer-client';
import type { RouteAccessRow, RouteOutcome } from './route-access-matrix';

// How the access-matrix tests (in-process stub and real network) read an answer as a matrix cell.

/** Codes by which the chaincode refuses a record of another bank. */
export const BANK_CODES: ReadonlySet<string> = new Set(['CALLER_OF_OTHER_BANK', 'PII_ACCESS_DENIED']);

/** The matrix cell an answer stands for, or `<status> <code>` when it stands for none (always a failure). */
export function outcomeOf(answer: Answer, row: RouteAccessRow): RouteOutcome | string {
  if (answer.status >= 200 && answer.status < 300) return 'allow';
  const code = (answer.body as { code?: string } | undefined)?.code ?? '';
  if (answer.status === 401 && code === 'OFFICER_NOT_AUTHENTICATED') return 'login';
  if (answer.status === 403 && code === 'OFFICER_ROLE_FORBIDDEN') return 'role';
  if (answer.status === 403 && BANK_CODES.has(code)) return 'bank';
  if (row.reachedRefusals?.codes.includes(code) === true) return 'allow';
  return `${answer.status} ${code}`;
}
