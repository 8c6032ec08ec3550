import { Argument, Command } from 'commander';
import { ROLES } from '@trestle/compliance/src/roles/roles';
import { ledgerAction, ledgerCommand, ledgerJson, type LedgerCommandDeps } from './ledger-action';

type Grant = { readonly mspId: string; readonly identityId: string; readonly role: string; readonly grantedAt: string; readonly grantedBy: string };

const grantLine = (grant: Grant): string => `${grant.mspId}  ${grant.role.padEnd(18)}  ${grant.identityId}  (granted ${grant.grantedAt})`;

/**
 * `trestle role grant|revoke|list|show`: who holds which role (RoleContract). An org's admin grants
 * and revokes roles to identities of that org only, of the kind the org is in the consortium; every
 * transaction checks the caller's role, deny by default. Identities are named as the ledger names
 * callers (`x509::<subject>::<issuer>`).
 */
export function roleCommand(deps: LedgerCommandDeps): Command {
  const command = new Command('role').description("who holds which role on the ledger: an org's admin grants and revokes its own people's roles");
  for (const [verb, transaction, help] of [
    ['grant', 'GrantRole', "grant a role to an identity of your org (your org's admin)"],
    ['revoke', 'RevokeRole', 'take a role back from an identity of your org (your org\'s admin)'],
  ] as const) {
    command.addCommand(
      ledgerCommand(verb, help)
        .argument('<identityId>', 'the identity as the ledger names callers: x509::<subject DN>::<issuer DN>')
        .addArgument(new Argument('<role>', 'the role').choices(ROLES))
        .action(
          ledgerAction(deps, async ({ session, args }) => {
            const [identityId = '', role = ''] = args;
            await session.contract('RoleContract').submitTransaction(transaction, identityId, role);
            return { json: { identityId, role, [verb === 'grant' ? 'granted' : 'revoked']: true }, text: [`${verb === 'grant' ? 'granted' : 'revoked'} ${role} ${verb === 'grant' ? 'to' : 'from'} ${identityId}`] };
          }),
        ),
    );
  }
  command.addCommand(
    ledgerCommand('list', 'every stored grant in the channel, by org, identity and role (a removed org\'s grants are listed but no longer count: see show)').action(
      ledgerAction(deps, async ({ session }) => {
        const grants = ledgerJson(await session.contract('RoleContract').evaluateTransaction('ListRoles'), 'the grants') as Grant[];
        return { json: grants, text: grants.length === 0 ? ['no role is granted'] : grants.map(grantLine) };
      }),
    ),
  );
  command.addCommand(
    ledgerCommand('show', 'the roles one identity holds in one org that count now')
      .argument('<mspId>', 'the org, e.g. BankAMSP')
      .argument('<identityId>', 'the identity: x509::<subject DN>::<issuer DN>')
      .action(
        ledgerAction(deps, async ({ session, args }) => {
          const [mspId = '', identityId = ''] = args;
          const grants = ledgerJson(await session.contract('RoleContract').evaluateTransaction('GetRoles', mspId, identityId), 'the roles') as Grant[];
          return { json: grants, text: grants.length === 0 ? [`${identityId} holds no role in ${mspId} that counts now`] : grants.map(grantLine) };
        }),
      ),
  );
  return command;
}
