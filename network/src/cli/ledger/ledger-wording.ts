import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { MAX_PAGE_SIZE } from '@trestle/compliance/src/ledger/ledger-limits';
import type { RuleVerdict } from '@trestle/compliance/src/rules/rule-verdict';
import { CONSORTIUM_ORGS } from './acting-identity';

// Small phrasings the transfer, control and audit commands share, so a person reads the same words
// for the same thing in every command.

/** The common name of a Fabric identity id (`x509::/…/CN=alice@banka…::/…`), or the id itself when it has none, with the MSP when known. */
export function personOf(identityId: string, mspId?: string): string {
  const subject = identityId.startsWith('x509::') ? identityId.slice('x509::'.length).split('::')[0] ?? '' : '';
  const name = /\/CN=([^/]+)/.exec(subject)?.[1] ?? identityId;
  return mspId === undefined ? name : `${name} (${mspId})`;
}

/** One line per verdict: PASS or FAIL, the rule, the reason code when it failed, and the rules engine's sentence. */
export function verdictLines(verdicts: readonly RuleVerdict[]): string[] {
  const width = Math.max(...verdicts.map((verdict) => verdict.rule.length));
  return verdicts.map((verdict) => `  ${verdict.passed ? 'PASS' : 'FAIL'}  ${verdict.rule.padEnd(width)}  ${verdict.passed ? '' : `[${verdict.reason}] `}${verdict.sentence}`);
}

/** `--bank` as a handle (bankB) or an MSP id (BankBMSP); CLI_INPUT_INVALID for anything else. */
export function bankMspOf(value: string): string {
  const byHandle = (CONSORTIUM_ORGS as Readonly<Record<string, string>>)[value];
  if (byHandle !== undefined) return byHandle;
  if ((Object.values(CONSORTIUM_ORGS) as string[]).includes(value)) return value;
  throw new TrestleError('CLI_INPUT_INVALID', `--bank takes one of ${Object.keys(CONSORTIUM_ORGS).join(', ')} or its MSP id (for example bankB or BankBMSP).`, { details: { argument: 'bank' } });
}

/** `--page-size`: 1 to MAX_PAGE_SIZE, as the chaincode pages. */
export function pageSizeOf(value: string | undefined, fallback = 50): string {
  if (value === undefined) return String(fallback);
  if (!/^[1-9][0-9]{0,2}$/.test(value) || Number(value) > MAX_PAGE_SIZE) {
    throw new TrestleError('CLI_INPUT_INVALID', `--page-size takes a whole number from 1 to ${MAX_PAGE_SIZE}.`, { details: { argument: 'page-size' } });
  }
  return value;
}

/**
 * A page bookmark as a person can paste it: on a peer the bookmark is the composite key the next
 * page starts at, whose U+0000 separators no shell argument can carry, so it travels as base64url.
 */
export function bookmarkText(bookmark: string): string {
  return Buffer.from(bookmark, 'utf8').toString('base64url');
}

/** `--bookmark` as `bookmarkText` printed it, back to the ledger's bookmark; "" stays "". */
export function bookmarkOf(text: string): string {
  const bookmark = Buffer.from(text, 'base64url').toString('utf8');
  if (bookmarkText(bookmark) !== text) {
    throw new TrestleError('CLI_INPUT_INVALID', '--bookmark takes the value a previous page printed after "next: --bookmark".', { details: { argument: 'bookmark' } });
  }
  return bookmark;
}
