import { Command } from 'commander';
import { parseInvestorRecord, type InvestorRecord } from '@trestle/compliance/src/ledger/investor';
import { parseInvestorPii } from '@trestle/compliance/src/ledger/investor-pii';
import { investorArgument, submitInvestorWithPii } from '@trestle/compliance/src/ledger-client/investor-arguments';
import { INVESTOR_DOCUMENTS_HELP } from './document-help';
import { ledgerAction, ledgerCommand, ledgerJson, readJsonDocument, type CommandResult, type LedgerCommandDeps } from './ledger-action';
import { adoptionCommand } from './adoption-command';
import { adoptionWaitingLine } from './adoption-lines';
import { readAdoption, readAdoptionIfWaiting } from './adoption-record';
import { investorListLine, investorLines, piiLines } from './investor-lines';
import { readInvestor } from './investor-record';
import { evaluatePage } from './ledger-reads';
import type { LedgerSession } from './ledger-session';
import { bookmarkOf, bookmarkText } from './ledger-wording';
import { type PageOptions, withPageOptions } from './page-options';
import { pageLines } from './record-lines';
import { walletBindCommand } from './wallet-bind-command';

type PiiOptions = { as: string; json?: boolean; pii?: string };
type ReasonOptions = { as: string; json?: boolean; reason: string };
type AdoptOptions = ReasonOptions & { pii: string };

const STATUS_CHANGES = [
  ['suspend', 'SuspendInvestor', 'suspend an active investor: the transfer rules refuse them until reinstated'],
  ['reinstate', 'ReinstateInvestor', "lift an investor's suspension"],
  ['revoke', 'RevokeInvestor', "revoke an investor's KYC for good; their bank may onboard them again later"],
] as const;

async function confirm(session: LedgerSession, investorId: string, line: (record: InvestorRecord) => string): Promise<CommandResult> {
  const stored = await readInvestor(session, investorId);
  return { json: stored.raw, text: [line(stored.record)] };
}

/**
 * Sends an investor document through the officer service's own checks
 * (compliance/src/ledger-client/investor-arguments.ts): the compliance readers refuse a bad
 * document before any ledger call, and PII without a salt gets a random one. The PII goes alone
 * to the bank's own peer (StageInvestorPii, only in the transient map), after a dry run of the
 * investor transaction; that transaction carries its hash only ("" for an update that keeps the
 * PII), so the other bank's peer that endorses it never sees the PII (submitWithStagedPii).
 */
async function submitInvestor(session: LedgerSession, transaction: 'OnboardInvestor' | 'UpdateInvestor' | 'AdoptInvestor', file: string, piiFile: string | undefined, ...more: string[]): Promise<string> {
  const investor = readJsonDocument(file, 'investor document');
  const argument = investorArgument(investor, Date.now());
  const pii = piiFile === undefined ? undefined : readJsonDocument(piiFile, 'investor PII');
  const contract = session.contract('InvestorContract');
  if (pii === undefined) await contract.submitTransaction(transaction, argument, '', ...more);
  else await submitInvestorWithPii(contract, transaction, String(investor.investorId), pii, argument, ...more);
  return String(investor.investorId);
}

/** `trestle investor …`: a bank's investors, their KYC standing, their personal data and their wallets. */
export function investorCommand(deps: LedgerCommandDeps): Command {
  const investor = new Command('investor').description("investors' KYC records; personal data only in their bank's private collection (InvestorContract)");
  const add = (command: Command) => investor.addCommand(command);

  add(
    ledgerCommand('onboard', 'onboard an investor for your bank (compliance officer)')
      .argument('<file>', 'the investor document (JSON), or - for stdin')
      .requiredOption('--pii <file>', "the investor's personal data (JSON); sent only to your bank's peer, in the transient map of StageInvestorPii")
      .addHelpText('after', INVESTOR_DOCUMENTS_HELP)
      .action(
        ledgerAction<PiiOptions>(deps, async ({ session, args, options }) => {
          const investorId = await submitInvestor(session, 'OnboardInvestor', args[0] ?? '', options.pii);
          return confirm(session, investorId, (record) => `investor ${record.investorId} onboarded at ${record.bankMsp} (${record.kycStatus}, PII hash ${record.piiHash})`);
        }),
      ),
  );

  add(
    ledgerCommand('adopt', "request, for your bank, the adoption of an investor whose bank has left the consortium, after redoing their KYC; the regulator approves it (compliance officer of a bank in force)")
      .argument('<file>', 'the investor document (JSON) naming the existing investor id, or - for stdin')
      .requiredOption('--reason <text>', 'why your bank takes the investor over, kept on the request and the record')
      // Required, as for onboard: the leaving bank's copy of the PII is in its own collection, out of reach.
      .requiredOption('--pii <file>', "the investor's personal data as your bank collected it (JSON); sent only to your bank's peer, in the transient map of StageInvestorPii")
      .addHelpText('after', `${INVESTOR_DOCUMENTS_HELP}\nNothing moves yet: the request waits until the regulator runs \`investor adoption approve\` (or reject); your bank may withdraw it with \`investor adoption reject\`.`)
      .action(
        ledgerAction<AdoptOptions>(deps, async ({ session, args, options }) => {
          const investorId = await submitInvestor(session, 'AdoptInvestor', args[0] ?? '', options.pii, options.reason);
          const waiting = await readAdoption(session, investorId);
          return { json: waiting.raw, text: [`investor ${investorId}: adoption requested; ${adoptionWaitingLine(waiting.record)}`] };
        }),
      ),
  );

  add(
    ledgerCommand('update', "replace an investor's public record, and their PII with --pii (compliance officer of their bank)")
      .argument('<file>', 'the investor document (JSON), or - for stdin')
      .option('--pii <file>', "new personal data (JSON); sent only to your bank's peer, in the transient map of StageInvestorPii")
      .addHelpText('after', INVESTOR_DOCUMENTS_HELP)
      .action(
        ledgerAction<PiiOptions>(deps, async ({ session, args, options }) => {
          const investorId = await submitInvestor(session, 'UpdateInvestor', args[0] ?? '', options.pii);
          return confirm(session, investorId, (record) => `investor ${record.investorId} updated (${record.kycStatus}${options.pii === undefined ? '' : `, PII replaced, hash ${record.piiHash}`})`);
        }),
      ),
  );

  for (const [name, transaction, description] of STATUS_CHANGES) {
    add(
      ledgerCommand(name, `${description} (compliance officer of their bank)`)
        .argument('<investorId>')
        .requiredOption('--reason <text>', 'why, kept on the record')
        .action(
          ledgerAction<ReasonOptions>(deps, async ({ session, args, options }) => {
            const investorId = args[0] ?? '';
            await session.contract('InvestorContract').submitTransaction(transaction, investorId, options.reason);
            return confirm(session, investorId, (record) => `investor ${record.investorId} is ${record.kycStatus} (reason: ${options.reason})`);
          }),
        ),
    );
  }

  add(
    ledgerCommand('erase', "erase an investor's personal data on request (purgePrivateData); the hash and the history stay")
      .argument('<investorId>')
      .requiredOption('--reason <text>', 'the erasure request, kept on the record')
      .action(
        ledgerAction<ReasonOptions>(deps, async ({ session, args, options }) => {
          const investorId = args[0] ?? '';
          await session.contract('InvestorContract').submitTransaction('EraseInvestorPii', investorId, options.reason);
          return confirm(session, investorId, (record) => `investor ${record.investorId}: personal data erased at ${record.bankMsp}; PII hash ${record.piiHash} stays on the ledger`);
        }),
      ),
  );

  add(
    ledgerCommand('show', "show an investor's public record (no personal data)").argument('<investorId>').action(
      ledgerAction(deps, async ({ session, args }) => {
        const stored = await readInvestor(session, args[0] ?? '');
        // A waiting adoption request is shown with the record: nobody acts for the investor until it is decided.
        const waiting = await readAdoptionIfWaiting(session, stored.record.investorId);
        if (waiting === undefined) return { json: stored.raw, text: investorLines(stored.record) };
        return { json: { ...(stored.raw as object), adoption: waiting.raw }, text: [...investorLines(stored.record), `adoption waiting  ${adoptionWaitingLine(waiting.record)}`] };
      }),
    ),
  );

  add(
    withPageOptions(ledgerCommand('list', "list a bank's investors in id order (its officers and operators, or a regulator)"))
      .option('--bank <mspId>', 'the bank, by MSP id (default: your own)')
      .action(
        ledgerAction<PageOptions & { bank?: string }>(deps, async ({ session, identity, options }) => {
          const bank = options.bank ?? identity.mspId;
          const page = await evaluatePage(session.contract('InvestorContract'), 'ListInvestorsOfBank', [bank, options.pageSize, bookmarkOf(options.bookmark)], parseInvestorRecord, 'the investor list');
          return { json: { ...(page.raw as object), bookmark: bookmarkText(page.bookmark) }, text: pageLines(page.records, investorListLine, bookmarkText(page.bookmark)) };
        }),
      ),
  );

  add(
    ledgerCommand('pii', "show an investor's personal data (compliance officers of their own bank only)")
      .argument('<investorId>')
      .action(
        ledgerAction(deps, async ({ session, args }) => {
          const investorId = args[0] ?? '';
          const bytes = await session.contract('InvestorContract').evaluateTransaction('GetInvestorPii', investorId);
          const pii = parseInvestorPii(bytes);
          // On stderr, so the data on stdout stays clean for a script, and a person sees it either way.
          deps.err(`warning: personal data of investor ${investorId}; do not store, forward or paste it outside your bank's KYC systems`);
          return { json: ledgerJson(bytes, 'the PII'), text: piiLines(investorId, pii) };
        }),
      ),
  );

  add(adoptionCommand(deps));
  add(walletBindCommand(deps));
  return investor;
}
