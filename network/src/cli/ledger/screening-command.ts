import { Command } from 'commander';
import { isTrestleError, TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { parseInvestorRecord, type InvestorRecord } from '@trestle/compliance/src/ledger/investor';
import { parseInvestorPii, type InvestorPii } from '@trestle/compliance/src/ledger/investor-pii';
import { MAX_SCREENING_MATCHES, parseScreeningDocument, type ScreeningDocument } from '@trestle/compliance/src/ledger/screening-document';
import type { SanctionsList } from '@trestle/compliance/src/sanctions/sanctions-entry';
import { screen, type ScreeningSubject } from '@trestle/compliance/src/sanctions/screening/screen';
import { loadList, sanctionsCommand } from '../sanctions-command';
import { readInvestor } from './investor-record';
import { ledgerAction, ledgerCommand, type LedgerCommandDeps } from './ledger-action';
import { evaluatePage } from './ledger-reads';
import type { LedgerSession } from './ledger-session';

interface ScreenInvestorsOptions {
  readonly as: string;
  readonly json?: boolean;
  readonly investor: string[];
  readonly list?: string;
  readonly record?: boolean;
}

/** What InvestorContract.RecordScreening takes: the screener's result cut down as `parseScreeningDocument` says; the ledger stamps the time. */
type ScreeningRecord = Omit<ScreeningDocument, 'screenedAt'>;

/** One investor's outcome: screened, or why not. Never carries their personal data. */
type InvestorOutcome =
  | { readonly investorId: string; readonly screened: true; readonly record: ScreeningRecord; readonly matchedNames: readonly string[] }
  | { readonly investorId: string; readonly screened: false; readonly why: string };

const PAGE_SIZE = '100';

/**
 * `trestle sanctions import|screen` (files only) with `screen-investors`, which screens the
 * caller's bank's investors from the ledger, so the one `sanctions` command holds all three.
 */
export function sanctionsWithLedgerCommand(deps: LedgerCommandDeps): Command {
  return sanctionsCommand().addCommand(screenInvestorsCommand(deps));
}

function screenInvestorsCommand(deps: LedgerCommandDeps): Command {
  return ledgerCommand('screen-investors', 'screen your bank\'s investors (name, birth date, document numbers from their PII) against an imported list; --record writes each result to the ledger')
    .option('--investor <investorId>', 'only this investor (repeatable; default: every investor of your bank)', (value: string, previous: string[]) => [...previous, value], [])
    .option('--list <list>', 'a snapshot (.json), a version imported before, or a list file (default: the latest import)')
    .option('--record', 'record each result with InvestorContract.RecordScreening (a new hit suspends the investor and blocks their pending requests)')
    .addHelpText('after', '\nPrints the investor id, the verdict and the matched list entries\' names; never the investor\'s personal data. Everything is screened before anything is recorded.')
    .action(
      ledgerAction<ScreenInvestorsOptions>(deps, async ({ session, identity, options }) => {
        const list = listOf(options.list);
        const investors = options.investor.length > 0 ? await Promise.all(options.investor.map(async (id) => (await readInvestor(session, id)).record)) : await investorsOfBank(session, identity.mspId);
        const outcomes: InvestorOutcome[] = [];
        for (const investor of investors) outcomes.push(await screenInvestor(session, list, investor));
        if (options.record) {
          const documents = outcomes.flatMap((outcome) => (outcome.screened ? [{ investorId: outcome.investorId, json: JSON.stringify(outcome.record) }] : []));
          // Checked with the chaincode's reader first, so a bad document stops the run before the first write.
          for (const { json } of documents) parseScreeningDocument(json, Math.floor(Date.now() / 1000));
          for (const { investorId, json } of documents) await session.contract('InvestorContract').submitTransaction('RecordScreening', investorId, json);
        }
        const screened = outcomes.filter((outcome) => outcome.screened);
        const count = (status: ScreeningRecord['status']) => screened.filter((outcome) => outcome.record.status === status).length;
        const summary = `${screened.length} screened against OFAC SDN ${list.version}: ${count('hit')} hit, ${count('pending')} pending review, ${count('clear')} clear${outcomes.length > screened.length ? `; ${outcomes.length - screened.length} not screened` : ''}${options.record ? `; ${screened.length} recorded` : ''}`;
        return { json: { listVersion: list.version, listSha256: list.sha256, recorded: options.record === true, investors: outcomes }, text: [...outcomes.map(outcomeLine), summary] };
      }),
    );
}

// A list that cannot be read is a problem with how the command was called (exit 2), not a ledger refusal.
function listOf(list: string | undefined): SanctionsList {
  try {
    return loadList(list, undefined);
  } catch (error) {
    if (isTrestleError(error) && (error.code === 'SANCTIONS_LIST_UNREADABLE' || error.code === 'SANCTIONS_LIST_MALFORMED')) {
      throw new TrestleError('CLI_INPUT_INVALID', error.sentence, { ...(error.details === undefined ? {} : { details: error.details }) });
    }
    throw error;
  }
}

async function investorsOfBank(session: LedgerSession, bankMsp: string): Promise<InvestorRecord[]> {
  const investors: InvestorRecord[] = [];
  let bookmark = '';
  do {
    const page = await evaluatePage(session.contract('InvestorContract'), 'ListInvestorsOfBank', [bankMsp, PAGE_SIZE, bookmark], parseInvestorRecord, 'the list of investors');
    investors.push(...page.records);
    // An empty page with a bookmark would loop forever on a ledger that misbehaves.
    bookmark = page.records.length === 0 ? '' : page.bookmark;
  } while (bookmark !== '');
  return investors;
}

async function screenInvestor(session: LedgerSession, list: SanctionsList, investor: InvestorRecord): Promise<InvestorOutcome> {
  if (investor.piiErasure !== null) return { investorId: investor.investorId, screened: false, why: `personal data erased on ${investor.piiErasure.erasedAt}` };
  const pii = parseInvestorPii(await session.contract('InvestorContract').evaluateTransaction('GetInvestorPii', investor.investorId));
  const result = screen(list, subjectOf(pii));
  return {
    investorId: investor.investorId,
    screened: true,
    // The ledger keeps at most MAX_SCREENING_MATCHES; the screener lists best first, so the verdict's evidence stays.
    record: { status: result.status, listVersion: result.listVersion, matches: result.matches.slice(0, MAX_SCREENING_MATCHES).map((match) => ({ uid: match.uid, score: match.score })) },
    matchedNames: result.matches.slice(0, MAX_SCREENING_MATCHES).map((match) => match.name),
  };
}

/** What the screener compares: the legal name, the birth date and the numbers of the documents the bank checked. */
function subjectOf(pii: InvestorPii): ScreeningSubject {
  return {
    names: [pii.fullName],
    identifiers: pii.documents.map((document) => ({ type: document.type, number: document.reference })),
    ...(pii.birthDate === null ? {} : { dateOfBirth: pii.birthDate }),
  };
}

function outcomeLine(outcome: InvestorOutcome): string {
  if (!outcome.screened) return `${outcome.investorId}  not screened: ${outcome.why}`;
  const { record } = outcome;
  const matches = record.matches.map((match, index) => `${outcome.matchedNames[index] ?? ''} (uid ${match.uid}, score ${match.score.toFixed(2)})`);
  return `${outcome.investorId}  ${record.status.toUpperCase()}${matches.length === 0 ? '' : `  ${matches.join('; ')}`}`;
}
