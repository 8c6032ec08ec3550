import { Command } from 'commander';
import type { ConsortiumRecord } from '@trestle/compliance/src/consortium/consortium';
import type { MembershipChange } from '@trestle/compliance/src/consortium/membership-change';
import { ledgerAction, ledgerCommand, ledgerJson, type LedgerCommandDeps } from './ledger-action';
import type { LedgerSession } from './ledger-session';

type MembersOptions = { as: string; json?: boolean; banks: string; regulators: string };

/** `--banks A,B --regulators R` as the membership document; the chaincode checks every MSP id. */
function membersJson(options: MembersOptions): string {
  const list = (text: string) => text.split(',').map((item) => item.trim()).filter((item) => item !== '');
  return JSON.stringify({ banks: list(options.banks), regulators: list(options.regulators) });
}

const membersLine = (members: ConsortiumRecord['members']): string => `banks ${members.banks.join(', ')}; regulators ${members.regulators.join(', ') || 'none'}`;

async function readChange(session: LedgerSession): Promise<MembershipChange> {
  return ledgerJson(await session.contract('ConsortiumContract').evaluateTransaction('GetMembershipChange'), 'the membership change') as MembershipChange;
}

function changeLines(change: MembershipChange): string[] {
  return [
    `change    ${change.status}, proposed ${change.proposedAt} by ${change.proposedBy}`,
    `members   ${membersLine(change.members)}`,
    `confirmed ${change.confirmedBy.join(', ') || 'nobody yet'}`,
    ...(change.closedAt === null ? [] : [`closed    ${change.closedAt}${change.reason === null ? '' : `: ${change.reason}`}`]),
  ];
}

const withMembers = (command: Command): Command =>
  command.requiredOption('--banks <msps>', 'the banks, MSP ids separated by commas').option('--regulators <msps>', 'the regulators, MSP ids separated by commas', '');

/**
 * `trestle consortium show|change|propose|confirm|withdraw`: the membership in force and its
 * changes, as an org's admin (the identity's certificate has OU=admin). A change applies once every
 * org of the proposed membership confirmed it; an org it removes loses every role at once.
 */
export function consortiumCommand(deps: LedgerCommandDeps): Command {
  const command = new Command('consortium').description('the consortium membership (banks, regulators) and changes to it, decided by every org that will be a member');
  command.addCommand(
    ledgerCommand('show', 'the membership in force and who confirmed it').action(
      ledgerAction(deps, async ({ session }) => {
        const record = ledgerJson(await session.contract('ConsortiumContract').evaluateTransaction('GetConsortium'), 'the membership') as ConsortiumRecord;
        return { json: record, text: [`consortium ${record.status} since ${record.activatedAt ?? 'not yet'}`, `members    ${membersLine(record.members)}`, `confirmed  ${record.confirmedBy.join(', ')}`] };
      }),
    ),
  );
  command.addCommand(
    ledgerCommand('change', 'the latest membership change: proposed, applied or withdrawn').action(
      ledgerAction(deps, async ({ session }) => {
        const change = await readChange(session);
        return { json: change, text: changeLines(change) };
      }),
    ),
  );
  for (const [verb, transaction, help] of [
    ['propose', 'ProposeMembershipChange', "propose a new membership as a member org's admin (your org's confirmation counts when it stays)"],
    ['confirm', 'ConfirmMembershipChange', "confirm the open change as the admin of an org of the proposed membership, restating it; the last one applies it"],
  ] as const) {
    command.addCommand(
      withMembers(ledgerCommand(verb, help)).action(
        ledgerAction<MembersOptions>(deps, async ({ session, options }) => {
          await session.contract('ConsortiumContract').submitTransaction(transaction, membersJson(options));
          const change = await readChange(session);
          return { json: change, text: [`${verb}: the membership change is ${change.status}`, ...changeLines(change)] };
        }),
      ),
    );
  }
  command.addCommand(
    ledgerCommand('withdraw', 'withdraw the open change, as the admin of an org of the membership in force or the proposed one')
      .requiredOption('--reason <text>', 'why, recorded with the change')
      .action(
        ledgerAction<{ as: string; json?: boolean; reason: string }>(deps, async ({ session, options }) => {
          await session.contract('ConsortiumContract').submitTransaction('WithdrawMembershipChange', options.reason);
          const change = await readChange(session);
          return { json: change, text: changeLines(change) };
        }),
      ),
  );
  return command;
}
