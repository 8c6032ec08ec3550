import { Command } from 'commander';
import type { BridgeChainRecord } from '@trestle/compliance/src/bridge/bridge-chain';
import type { BridgeValidator } from '@trestle/compliance/src/bridge/bridge-validator';
import { ledgerAction, ledgerCommand, ledgerJson, readJsonDocument, type LedgerCommandDeps } from './ledger-action';
import type { LedgerSession } from './ledger-session';

async function chainOf(session: LedgerSession, chainId: string): Promise<BridgeChainRecord> {
  return ledgerJson(await session.contract('BridgeContract').evaluateTransaction('GetBridgeChain', chainId), 'the chain configuration') as BridgeChainRecord;
}

function chainLines(record: BridgeChainRecord): string[] {
  const lines = [`chain ${record.chainId}: version ${record.version}${record.active === null ? ', none in force yet' : `, in force since ${record.approvedAt ?? '?'} (approved by ${record.approvedBy.join(', ')})`}`];
  const shown = (label: string, config: NonNullable<BridgeChainRecord['active']>) => {
    lines.push(`  ${label}: gateway ${config.gateway}, ${config.threshold} banks' signatures, ${config.confirmations} confirmations${config.claimIssuer === undefined ? '' : `, ClaimIssuer ${config.claimIssuer}`}`);
    for (const token of config.tokens) lines.push(`    ${token.assetId}: token ${token.token}${token.oracle === undefined ? '' : `, NAV oracle ${token.oracle.address} in ${token.oracle.currency}`}`);
  };
  if (record.active !== null) shown('in force', record.active);
  if (record.proposal !== null) shown(`proposed by ${record.proposal.proposerMsp} at ${record.proposal.proposedAt}`, record.proposal.config);
  return lines;
}

/**
 * `trestle bridge chain propose|approve|show` and `trestle bridge validator register|list`: how the
 * consortium bridges to an EVM chain (BridgeContract). One bank's operator proposes a chain's
 * configuration (gateway, threshold, confirmations, each asset's token and NAV oracle, the
 * ClaimIssuer), another bank's operator approves it restated exactly; each bank's admin registers
 * its validator's EVM address (again to rotate it).
 */
export function bridgeConfigCommands(deps: LedgerCommandDeps): Command[] {
  const chain = new Command('chain').description("a chain's bridge configuration: proposed by one bank's operator, approved by another's");
  for (const [verb, transaction, help] of [
    ['propose', 'ProposeBridgeChain', "propose a chain's configuration (an operator); JSON {chainId, gateway, threshold, confirmations, tokens: [{assetId, token, oracle?}], claimIssuer?}"],
    ['approve', 'ApproveBridgeChain', "put the waiting proposal in force, restating it exactly (an operator of another bank)"],
  ] as const) {
    chain.addCommand(
      ledgerCommand(verb, help)
        .argument('<config>', 'the configuration as a JSON file, or - for stdin')
        .action(
          ledgerAction(deps, async ({ session, args }) => {
            const config = readJsonDocument(args[0] ?? '', 'chain configuration');
            await session.contract('BridgeContract').submitTransaction(transaction, JSON.stringify(config));
            const record = await chainOf(session, String(config.chainId));
            return { json: record, text: chainLines(record) };
          }),
        ),
    );
  }
  chain.addCommand(
    ledgerCommand('show', "a chain's configuration in force and any waiting proposal")
      .argument('<chainId>', 'the EVM chain id')
      .action(
        ledgerAction(deps, async ({ session, args }) => {
          const record = await chainOf(session, args[0] ?? '');
          return { json: record, text: chainLines(record) };
        }),
      ),
  );
  const validator = new Command('validator').description("each bank's validator EVM address on the ledger: the key its Mint and message signatures must recover to");
  validator.addCommand(
    ledgerCommand('register', "register (or rotate) your bank's validator address (your org's admin)")
      .argument('<address>', 'the validator\'s EVM address (0x…)')
      .action(
        ledgerAction(deps, async ({ session, identity, args }) => {
          await session.contract('BridgeContract').submitTransaction('RegisterValidator', args[0] ?? '');
          return { json: { org: identity.org, address: args[0] }, text: [`registered ${args[0] ?? ''} as ${identity.org}'s validator`] };
        }),
      ),
  );
  validator.addCommand(
    ledgerCommand('list', "every bank's registered validator address").action(
      ledgerAction(deps, async ({ session }) => {
        const validators = ledgerJson(await session.contract('BridgeContract').evaluateTransaction('ListBridgeValidators'), 'the validators') as BridgeValidator[];
        return { json: validators, text: validators.length === 0 ? ['no validator is registered'] : validators.map((v) => `${v.bankMsp}  ${v.address}`) };
      }),
    ),
  );
  return [chain, validator];
}
