import { Command } from 'commander';
import { parseSpvRecord } from '@trestle/compliance/src/ledger/spv';
import { SPV_DOCUMENT_HELP } from './document-help';
import { ledgerAction, ledgerCommand, readJsonDocument, type LedgerCommandDeps } from './ledger-action';
import { evaluateJson, evaluatePage, evaluateRecord } from './ledger-reads';
import type { LedgerSession } from './ledger-session';
import { bookmarkOf, bookmarkText } from './ledger-wording';
import { type PageOptions, withPageOptions } from './page-options';
import { historyEntries, historyLines, pageLines } from './record-lines';
import { spvLines, spvListLine } from './spv-lines';

const readSpv = (session: LedgerSession, spvId: string) => evaluateRecord(session.contract('SpvContract'), 'GetSpv', [spvId], parseSpvRecord, 'the SPV');

/** `trestle spv register|update|show|list|history`: SPVs, as the spv-admin of their bank or any ledger reader. */
export function spvCommand(deps: LedgerCommandDeps): Command {
  const spv = new Command('spv').description('Special Purpose Vehicles on the ledger (SpvContract)');

  const writes = [
    ['register', 'RegisterSpv', 'registered', 'register an SPV administered by your bank (spv-admin)'],
    ['update', 'UpdateSpv', 'updated', "replace an SPV's description (spv-admin of its administering bank)"],
  ] as const;
  for (const [name, transaction, verb, description] of writes) {
    spv.addCommand(
      ledgerCommand(name, description)
        .argument('<file>', 'the SPV document (JSON), or - for stdin')
        .addHelpText('after', SPV_DOCUMENT_HELP)
        .action(
          ledgerAction(deps, async ({ session, args }) => {
            const document = readJsonDocument(args[0] ?? '', 'SPV document');
            await session.contract('SpvContract').submitTransaction(transaction, JSON.stringify(document));
            const stored = await readSpv(session, String(document.spvId));
            return { json: stored.raw, text: [`spv ${stored.record.spvId} ${verb} (administered by ${stored.record.administeringBankMsp})`] };
          }),
        ),
    );
  }

  spv.addCommand(
    ledgerCommand('show', 'show one SPV').argument('<spvId>').action(
      ledgerAction(deps, async ({ session, args }) => {
        const stored = await readSpv(session, args[0] ?? '');
        return { json: stored.raw, text: spvLines(stored.record) };
      }),
    ),
  );

  spv.addCommand(
    withPageOptions(ledgerCommand('list', 'list SPVs in id order, one page at a time')).action(
      ledgerAction<PageOptions>(deps, async ({ session, options }) => {
        const page = await evaluatePage(session.contract('SpvContract'), 'ListSpvs', [options.pageSize, bookmarkOf(options.bookmark)], parseSpvRecord, 'the SPV list');
        return { json: { ...(page.raw as object), bookmark: bookmarkText(page.bookmark) }, text: pageLines(page.records, spvListLine, bookmarkText(page.bookmark)) };
      }),
    ),
  );

  spv.addCommand(
    ledgerCommand('history', "every version of an SPV's record, newest first").argument('<spvId>').action(
      ledgerAction(deps, async ({ session, args }) => {
        const raw = await evaluateJson(session.contract('SpvContract'), 'GetSpvHistory', [args[0] ?? ''], 'the SPV history');
        const entries = historyEntries(raw, parseSpvRecord);
        return { json: raw, text: historyLines(entries, (record) => `${record.legalName} (${record.administeringBankMsp})`) };
      }),
    ),
  );
  return spv;
}
