import { Command } from 'commander';
import { parseAdoptionRequest } from '@trestle/compliance/src/ledger/adoption-request';
import { readAdoption } from './adoption-record';
import { adoptionLines, adoptionListLine } from './adoption-lines';
import { ledgerAction, ledgerCommand, type LedgerCommandDeps } from './ledger-action';
import { evaluatePage } from './ledger-reads';
import { bookmarkOf, bookmarkText } from './ledger-wording';
import { readInvestor } from './investor-record';
import { type PageOptions, withPageOptions } from './page-options';
import { pageLines } from './record-lines';

type ReasonOptions = { as: string; json?: boolean; reason: string };

/**
 * `trestle investor adoption list|show|approve|reject`: the second step of an adoption. A bank's request
 * (`investor adopt`) waits until the regulator approves it, which moves the investor, or rejects it;
 * the requesting bank's officers may withdraw it (reject) themselves. The chaincode decides who may.
 */
export function adoptionCommand(deps: LedgerCommandDeps): Command {
  const adoption = new Command('adoption').description("an adoption request waiting for the regulator (InvestorContract ListAdoptionRequests, GetAdoption, ApproveAdoption, RejectAdoption)");

  adoption.addCommand(
    withPageOptions(ledgerCommand('list', "list the adoption requests waiting, in investor id order: the regulator's work list (a compliance officer sees only its own bank's, so a page may hold fewer)")).action(
      ledgerAction<PageOptions>(deps, async ({ session, options }) => {
        const page = await evaluatePage(session.contract('InvestorContract'), 'ListAdoptionRequests', [options.pageSize, bookmarkOf(options.bookmark)], parseAdoptionRequest, 'the adoption request list');
        return { json: { ...(page.raw as object), bookmark: bookmarkText(page.bookmark) }, text: pageLines(page.records, adoptionListLine, bookmarkText(page.bookmark)) };
      }),
    ),
  );

  adoption.addCommand(
    ledgerCommand('show', 'show the adoption request waiting for an investor (no personal data)').argument('<investorId>').action(
      ledgerAction(deps, async ({ session, args }) => {
        const waiting = await readAdoption(session, args[0] ?? '');
        return { json: waiting.raw, text: adoptionLines(waiting.record) };
      }),
    ),
  );

  adoption.addCommand(
    ledgerCommand('approve', "approve the waiting request: the investor, their holdings and waiting requests move to the requesting bank (regulator)")
      .argument('<investorId>')
      .requiredOption('--reason <text>', 'why the regulator approves, kept on the investor record')
      .action(
        ledgerAction<ReasonOptions>(deps, async ({ session, args, options }) => {
          const investorId = args[0] ?? '';
          await session.contract('InvestorContract').submitTransaction('ApproveAdoption', investorId, options.reason);
          const stored = await readInvestor(session, investorId);
          const { record } = stored;
          return { json: stored.raw, text: [`investor ${record.investorId} adopted by ${record.bankMsp} from ${record.adoptedFrom?.fromBankMsp ?? '?'}, approved (${record.kycStatus}, PII hash ${record.piiHash})`] };
        }),
      ),
  );

  adoption.addCommand(
    ledgerCommand('reject', 'reject the waiting request (regulator), or withdraw it (compliance officer of the requesting bank); its PII leaves that bank\'s collection')
      .argument('<investorId>')
      .requiredOption('--reason <text>', 'why, kept in the rejection event')
      .action(
        ledgerAction<ReasonOptions>(deps, async ({ session, args, options }) => {
          const investorId = args[0] ?? '';
          // Read first, to say whose request went: once rejected it is gone from the state.
          const waiting = await readAdoption(session, investorId);
          await session.contract('InvestorContract').submitTransaction('RejectAdoption', investorId, options.reason);
          return {
            json: { rejected: waiting.raw, reason: options.reason },
            text: [`${waiting.record.toBankMsp}'s request to adopt investor ${investorId} rejected (reason: ${options.reason}); the investor stays with ${waiting.record.fromBankMsp}`],
          };
        }),
      ),
  );
  return adoption;
}
