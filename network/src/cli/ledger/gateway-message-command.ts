import { readFile } from 'node:fs/promises';
import { Argument, Command } from 'commander';
import { LEDGER_GATEWAY_MESSAGES, type GatewayMessageRecord } from '@trestle/compliance/src/bridge/gateway-message';
import { ledgerAction, ledgerCommand, ledgerJson, type LedgerCommandDeps } from './ledger-action';
import type { LedgerSession } from './ledger-session';

type ReasonOptions = { as: string; json?: boolean; reason: string };
type ValidatorSetOptions = ReasonOptions & { super: string };
type IdentityOptions = ReasonOptions & { claimsFile: string };

/** The drift the ledger reports: what it holds that the EVM side does not yet, with nothing on its way. */
type MirrorDrift = { readonly type: string; readonly assetId: string; readonly token: string; readonly wallet?: string; readonly bank?: string; readonly why: string };

/** Messages proposed one way; the others have commands of their own. */
const PLAIN_TYPES = LEDGER_GATEWAY_MESSAGES.filter((type) => type !== 'SetKycPhase' && type !== 'SetValidators' && type !== 'RegisterIdentity' && type !== 'RevokeIdentity');

async function openMessages(session: LedgerSession, chainId: string): Promise<GatewayMessageRecord[]> {
  return ledgerJson(await session.contract('GatewayMessageContract').evaluateTransaction('ListOpenGatewayMessages', chainId), 'the open messages') as GatewayMessageRecord[];
}

/** What a message carries, in a few words. */
function fieldsText(message: GatewayMessageRecord): string {
  const f = message.fields;
  switch (message.type) {
    case 'SetValidators':
      return `${(f.validators ?? []).join(', ')}; threshold ${f.threshold ?? '?'}, super ${f.superThreshold ?? '?'}`;
    case 'SetKycPhase':
      return `wallet ${f.wallet ?? '?'} of ${f.token ?? '?'}, phase ${f.phase ?? '?'}`;
    case 'SetLegalState':
      return `${f.token ?? '?'} to state ${f.state ?? '?'}`;
    case 'Nav':
      return `${f.asset ?? '?'} NAV ${f.navPerUnit ?? '?'} (valuation ${f.valuationSeq ?? '?'}, valid until ${f.validUntil === undefined ? '?' : new Date(f.validUntil * 1000).toISOString()})`;
    case 'WriteOff':
      return `${f.asset ?? '?'} written off`;
    case 'RegisterIdentity':
      return `wallet ${f.wallet ?? '?'} on ${f.token ?? '?'} as identity ${f.identity ?? '?'}, country ${f.country ?? '?'}, ${f.claims?.length ?? 0} claim(s)`;
    case 'RevokeIdentity':
      return `wallet ${f.wallet ?? '?'} off ${f.token ?? '?'}`;
    default:
      return 'the whole gateway';
  }
}

function messageLines(message: GatewayMessageRecord): string[] {
  const banks = message.signatures.map((signature) => signature.bankMsp).join(', ');
  return [
    `${message.type} #${message.nonce} to ${message.verifyingContract}: ${message.status}`,
    `  carries  ${fieldsText(message)}`,
    `  why      ${message.reason} (${message.proposerMsp}, ${message.proposedAt})`,
    `  signed   ${message.signatures.length === 0 ? 'by no bank yet' : `by ${banks}`}${message.evmTxHash === null ? '' : `; relayed in ${message.evmTxHash}`}`,
  ];
}

/** After a proposal: the newest open message of `type`, which the ledger just numbered. */
async function proposed(session: LedgerSession, chainId: string, type: string): Promise<{ json: unknown; text: string[] }> {
  const open = (await openMessages(session, chainId)).filter((message) => message.type === type);
  const newest = open.sort((a, b) => (BigInt(a.nonce) < BigInt(b.nonce) ? 1 : -1))[0];
  if (newest === undefined) return { json: null, text: [`proposed ${type}; it is no longer open (already carried)`] };
  return { json: newest, text: [`proposed ${type} #${newest.nonce}: ${fieldsText(newest)}; each bank's validator signs it, then any relayer carries it`] };
}

/** A proposal about one wallet on one token (its KYC phase, its revocation): the ledger derives the rest. */
function walletProposal(deps: LedgerCommandDeps, name: string, description: string, transaction: string, type: string): Command {
  return ledgerCommand(name, description)
    .argument('<chainId>', 'the EVM chain id')
    .argument('<token>', "the asset's token")
    .argument('<wallet>', 'the bound wallet')
    .requiredOption('--reason <text>', 'why')
    .action(
      ledgerAction<ReasonOptions>(deps, async ({ session, args, options }) => {
        const [chainId = '', token = '', wallet = ''] = args;
        await session.contract('GatewayMessageContract').submitTransaction(transaction, chainId, token, wallet, options.reason);
        return proposed(session, chainId, type);
      }),
    );
}

/**
 * `trestle gateway-message list|show|propose|propose-kyc-phase|propose-validator-set|propose-identity|propose-revocation|drift`: the
 * quorum messages the ledger sends the EVM gateway and NAV oracles (GatewayMessageContract). The
 * ledger fills every field from its own records; people choose only what to carry and say why.
 * After a consortium membership change, an operator proposes the new validator set here.
 */
export function gatewayMessageCommand(deps: LedgerCommandDeps): Command {
  const command = new Command('gateway-message').description('quorum messages from the ledger to the EVM gateway and NAV oracles: pause, legal state, KYC phase, NAV, write-off, validator set');
  command.addCommand(
    ledgerCommand('list', "the chain's messages not yet carried, with the banks that signed each")
      .argument('<chainId>', 'the EVM chain id')
      .action(
        ledgerAction(deps, async ({ session, args }) => {
          const open = await openMessages(session, args[0] ?? '');
          return { json: open, text: open.length === 0 ? ['no message is waiting to be carried'] : open.flatMap(messageLines) };
        }),
      ),
  );
  command.addCommand(
    ledgerCommand('show', 'one message in any state')
      .argument('<chainId>', 'the EVM chain id')
      .addArgument(new Argument('<type>', 'the message type').choices(LEDGER_GATEWAY_MESSAGES))
      .argument('<verifyingContract>', 'the gateway, or the NavOracle for Nav and WriteOff')
      .argument('<nonce>', "the message's number")
      .action(
        ledgerAction(deps, async ({ session, args }) => {
          const [chainId = '', type = '', verifyingContract = '', nonce = ''] = args;
          const message = ledgerJson(await session.contract('GatewayMessageContract').evaluateTransaction('GetGatewayMessage', chainId, type, verifyingContract, nonce), 'the message') as GatewayMessageRecord;
          return { json: message, text: messageLines(message) };
        }),
      ),
  );
  command.addCommand(
    ledgerCommand('propose', "propose a pause, unpause, legal state, NAV or write-off (a bank's validator); the ledger fills in the fields")
      .argument('<chainId>', 'the EVM chain id')
      .addArgument(new Argument('<type>', 'the message type').choices(PLAIN_TYPES))
      .argument('[token]', "the asset's token (not for Pause and Unpause)", '')
      .requiredOption('--reason <text>', 'why, for the people reading status and audit')
      .action(
        ledgerAction<ReasonOptions>(deps, async ({ session, args, options }) => {
          const [chainId = '', type = '', token = ''] = args;
          await session.contract('GatewayMessageContract').submitTransaction('ProposeGatewayMessage', chainId, type, token, options.reason);
          return proposed(session, chainId, type);
        }),
      ),
  );
  command.addCommand(walletProposal(deps, 'propose-kyc-phase', "propose carrying the KYC phase of the investor a wallet is bound to (a bank's validator)", 'ProposeKycPhase', 'SetKycPhase'));
  command.addCommand(
    ledgerCommand('propose-validator-set', "after a membership change: propose the validators of the banks in force, at the chain's threshold (an operator or validator of a member bank)")
      .argument('<chainId>', 'the EVM chain id')
      .requiredOption('--super <n>', 'the super threshold (signatures an unpause needs): from the threshold to the number of validators')
      .requiredOption('--reason <text>', 'why')
      .action(
        ledgerAction<ValidatorSetOptions>(deps, async ({ session, args, options }) => {
          const [chainId = ''] = args;
          await session.contract('GatewayMessageContract').submitTransaction('ProposeValidatorSet', chainId, options.super, options.reason);
          return proposed(session, chainId, 'SetValidators');
        }),
      ),
  );
  command.addCommand(
    ledgerCommand('propose-identity', "propose registering a bound wallet on a token's identity registry (a validator of the investor's bank), with the KYC claim its validator key signed")
      .argument('<chainId>', 'the EVM chain id')
      .argument('<token>', "the asset's token")
      .argument('<wallet>', 'the bound wallet')
      .requiredOption('--claims-file <path>', 'JSON {"identity", "claims": [{topic, issuer, signature, data}]}: one KYC claim for the wallet\'s ONCHAINID')
      .requiredOption('--reason <text>', 'why')
      .action(
        ledgerAction<IdentityOptions>(deps, async ({ session, args, options }) => {
          const [chainId = '', token = '', wallet = ''] = args;
          const claims = await readFile(options.claimsFile, 'utf8');
          await session.contract('GatewayMessageContract').submitTransaction('ProposeIdentityRegistration', chainId, token, wallet, claims, options.reason);
          return proposed(session, chainId, 'RegisterIdentity');
        }),
      ),
  );
  command.addCommand(walletProposal(deps, 'propose-revocation', "propose removing a wallet from a token's identity registry once its investor is revoked, erased or a sanctions hit (a bank's validator)", 'ProposeIdentityRevocation', 'RevokeIdentity'));
  command.addCommand(
    ledgerCommand('drift', 'what the ledger holds that the EVM side does not yet, with no message on its way (what the mirrors will propose)')
      .argument('<chainId>', 'the EVM chain id')
      .action(
        ledgerAction(deps, async ({ session, args }) => {
          const drift = ledgerJson(await session.contract('GatewayMessageContract').evaluateTransaction('ListMirrorDrift', args[0] ?? ''), 'the drift') as MirrorDrift[];
          const text = drift.length === 0 ? ['the EVM side carries everything the ledger holds'] : drift.map((d) => `${d.type} for ${d.assetId}${d.wallet === undefined ? '' : ` wallet ${d.wallet}`}${d.bank === undefined ? '' : ` (by ${d.bank})`}: ${d.why}`);
          return { json: drift, text };
        }),
      ),
  );
  return command;
}
