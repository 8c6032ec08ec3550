import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { AUDIT_ACTIONS } from '@trestle/compliance/src/audit/audit-record';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import type { JsonValue } from '@trestle/compliance/src/json/json-value';
import { auditCsv } from '@trestle/compliance/src/audit/audit-csv';
import { searchAudit, type AuditFilter } from '@trestle/compliance/src/audit/audit-search';
import { ledgerAction, ledgerCommand, ledgerJson, type LedgerCommandDeps } from './ledger-action';
import type { LedgerSession } from './ledger-session';

interface ExportOptions {
  readonly as: string;
  readonly json?: boolean;
  readonly from: string;
  readonly to: string;
  readonly format: 'csv' | 'json';
  readonly out?: string;
  readonly action?: (typeof AUDIT_ACTIONS)[number];
  readonly asset?: string;
  readonly investor?: string;
  readonly transfer?: string;
}

// A date alone is midnight UTC; a time needs its zone, so an export never depends on the machine's.
const INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** `trestle audit export`: the audit trail of a period as CSV or JSON, for compliance officers and the regulator. */
export function auditCommand(deps: LedgerCommandDeps): Command {
  return new Command('audit').description('read the audit trail of transfers, controls and legal steps').addCommand(exportCommand(deps));
}

function exportCommand(deps: LedgerCommandDeps): Command {
  return ledgerCommand('export', 'every audit record of a period (from inclusive, to exclusive), oldest first, with actor, org, time, policy version and failed rules')
    .requiredOption('--from <instant>', 'start, ISO 8601: 2026-03-01 (midnight UTC) or 2026-03-01T09:00:00Z')
    .requiredOption('--to <instant>', 'end, exclusive, same forms')
    .addOption(new Option('--format <format>', 'csv (RFC 4180, formula-looking cells neutralised) or json').choices(['csv', 'json']).default('csv'))
    .option('--out <file>', 'write to this file (atomically: all or nothing) and print the count on stderr, instead of stdout')
    .addOption(new Option('--action <action>', 'only records of this action').choices([...AUDIT_ACTIONS]))
    .option('--asset <assetId>', 'only records of this asset')
    .option('--investor <investorId>', 'only records concerning this investor')
    .option('--transfer <transferId>', 'only records of this transfer')
    .addHelpText('after', '\nWith --json (and no --out) the records are printed as JSON whatever --format says.')
    .action(
      ledgerAction<ExportOptions>(deps, async ({ session, options }) => {
        const from = instantOf(options.from, 'from');
        const to = instantOf(options.to, 'to');
        if (Date.parse(from) >= Date.parse(to)) throw new TrestleError('CLI_INPUT_INVALID', '--from must be before --to.', { details: { from, to } });
        const filter: AuditFilter = {
          ...(options.action === undefined ? {} : { action: options.action }),
          ...(options.asset === undefined ? {} : { assetId: options.asset }),
          ...(options.investor === undefined ? {} : { investorId: options.investor }),
          ...(options.transfer === undefined ? {} : { transferId: options.transfer }),
        };
        const found = await searchAudit(evaluatorOf(session), { from, to, filter, limit: Number.MAX_SAFE_INTEGER, maxScanned: Number.MAX_SAFE_INTEGER, bookmark: '' });
        const raw = found.records.map((record) => record.raw);
        const body = options.format === 'csv' ? auditCsv(found.records.map((record) => record.record)) : `${JSON.stringify(raw, null, 2)}\n`;
        if (options.out === undefined) return { json: raw, text: [body.replace(/\r?\n$/, '')] };
        writeAtomically(options.out, body);
        deps.err(`${raw.length} audit ${raw.length === 1 ? 'record' : 'records'} from ${from} to ${to} written to ${options.out}`);
        return { json: { file: options.out, format: options.format, from, to, count: raw.length }, text: [] };
      }),
    );
}

/** The option as the ISO instant with milliseconds that AuditContract.ListAudit takes. */
function instantOf(value: string, flag: 'from' | 'to'): string {
  const ms = INSTANT.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw new TrestleError('CLI_INPUT_INVALID', `--${flag} takes an ISO 8601 date (2026-03-01) or instant with its zone (2026-03-01T09:00:00Z).`, { details: { argument: flag } });
  }
  return new Date(ms).toISOString();
}

function evaluatorOf(session: LedgerSession): Parameters<typeof searchAudit>[0] {
  return { evaluate: async (contract, name, ...args) => ledgerJson(await session.contract(contract).evaluateTransaction(name, ...args), name) as JsonValue };
}

// Write then rename: a reader (or a spreadsheet watching the folder) never sees half an export,
// and a failed export leaves no file behind.
function writeAtomically(file: string, body: string): void {
  const partial = `${file}.${process.pid}.partial`;
  try {
    writeFileSync(partial, body, { flag: 'wx' });
    renameSync(partial, file);
  } catch (error) {
    rmSync(partial, { force: true });
    throw new TrestleError('CLI_INPUT_INVALID', `Cannot write the export to ${file}: ${(error as NodeJS.ErrnoException).code ?? 'unwritable'}.`, { details: { file } });
  }
}
