import type { Command } from 'commander';
import { parseBridgeChainRecord } from '@trestle/compliance/src/bridge/bridge-chain';
import { parseBridgeEscrow } from '@trestle/compliance/src/bridge/bridge-escrow';
import { parseBridgeOutRecord } from '@trestle/compliance/src/bridge/bridge-out';
import { parseBurnRecord } from '@trestle/compliance/src/bridge/burn-attestation';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { bridgeOutAnswer, readBridgeOut } from './bridge-out-command';
import { bridgeOutListLine, burnLines, escrowLines, mintListLine } from './bridge-out-lines';
import { ledgerAction, ledgerCommand, type CommandResult, type LedgerCommandDeps } from './ledger-action';
import type { ActingIdentity } from './acting-identity';
import { evaluatePage, evaluateRecord } from './ledger-reads';
import type { LedgerSession } from './ledger-session';
import { bankMspOf, bookmarkOf, bookmarkText, pageSizeOf } from './ledger-wording';

interface BaseOptions {
  readonly as: string;
  readonly json?: boolean;
}

type PendingOptions = BaseOptions & { readonly bank?: string; readonly chain?: string; readonly pageSize?: string; readonly bookmark: string };

/** `trestle bridge show|pending|escrow|burn`: the ledger's bridge records, for officers, operators, validators and the regulator. */
export function bridgeReadCommands(deps: LedgerCommandDeps): Command[] {
  return [showCommand(deps), pendingCommand(deps), escrowCommand(deps), burnCommand(deps)];
}

function showCommand(deps: LedgerCommandDeps): Command {
  return ledgerCommand('show', 'one bridge-out: status, approvals given and missing, every verdict, the escrow and Mint nonce, the validators\' signatures by bank, the mint transaction, how it closed')
    .argument('<bridgeOutId>', 'the bridge-out id')
    .action(ledgerAction<BaseOptions>(deps, async ({ session, args }) => bridgeOutAnswer(await readBridgeOut(session, args[0] ?? ''))));
}

function pendingCommand(deps: LedgerCommandDeps): Command {
  return ledgerCommand('pending', "what waits: the bridge-outs awaiting a bank's officers (--bank, your own bank by default), and a chain's Mints awaiting validator signatures or a relayer (--chain)")
    .option('--bank <bank>', 'bankA, bankB, bankC or an MSP id: list the bridge-outs awaiting its officers (default when --chain is not given: your own bank; the regulator must name one)')
    .option('--chain <chainId>', 'list the Mints of this EVM chain in escrow and not yet minted, in nonce order, with the signatures that count')
    .option('--page-size <n>', 'records per list, 1 to 100', '50')
    .option('--bookmark <bookmark>', 'continue the one list asked for where the page that printed "next: --bookmark …" ended', '')
    .action(ledgerAction<PendingOptions>(deps, async ({ session, identity, options }) => pendingAnswer(session, identity, options)));
}

async function pendingAnswer(session: LedgerSession, identity: ActingIdentity, options: PendingOptions): Promise<CommandResult> {
  const wantsBridgeOuts = options.bank !== undefined || options.chain === undefined;
  const wantsMints = options.chain !== undefined;
  if (wantsBridgeOuts && wantsMints && options.bookmark !== '') {
    throw new TrestleError('CLI_INPUT_INVALID', '--bookmark continues one list: give --bank or --chain, not both.', { details: { argument: 'bookmark' } });
  }
  if (wantsBridgeOuts && options.bank === undefined && identity.org === 'regulator') {
    throw new TrestleError('CLI_INPUT_INVALID', 'The regulator has no bank of its own: name one with --bank (or a chain with --chain).', { details: { argument: 'bank' } });
  }
  const pageSize = pageSizeOf(options.pageSize);
  const bookmark = bookmarkOf(options.bookmark);
  const contract = session.contract('BridgeContract');
  const json: Record<string, unknown> = {};
  const text: string[] = [];
  if (wantsBridgeOuts) {
    const bank = options.bank === undefined ? identity.mspId : bankMspOf(options.bank);
    const page = await evaluatePage(contract, 'ListPendingBridgeOuts', [bank, pageSize, bookmark], parseBridgeOutRecord, 'the list of bridge-outs');
    json.bridgeOuts = { ...(page.raw as object), bankMsp: bank, bookmark: bookmarkText(page.bookmark) };
    text.push(`bridge-outs awaiting ${bank}'s officers${page.records.length === 0 ? ': none' : ''}`, ...page.records.map((record) => `  ${bridgeOutListLine(record)}`));
    if (page.bookmark !== '' && page.records.length > 0) text.push(`next: --bank ${bank} --bookmark ${bookmarkText(page.bookmark)}`);
  }
  if (options.chain !== undefined) {
    const chainId = options.chain;
    const page = await evaluatePage(contract, 'ListPendingMints', [chainId, pageSize, bookmark], parseBridgeOutRecord, 'the list of mints');
    const chain = await evaluateRecord(contract, 'GetBridgeChain', [chainId], parseBridgeChainRecord, 'the chain');
    const threshold = chain.record.active?.threshold;
    json.mints = { ...(page.raw as object), chainId, threshold: threshold ?? null, bookmark: bookmarkText(page.bookmark) };
    text.push(`mints in flight on chain ${chainId}${threshold === undefined ? '' : ` (threshold ${threshold})`}${page.records.length === 0 ? ': none' : ''}`, ...page.records.map((record) => `  ${mintListLine(record, threshold)}`));
    if (page.bookmark !== '' && page.records.length > 0) text.push(`next: --chain ${chainId} --bookmark ${bookmarkText(page.bookmark)}`);
  }
  return { json, text };
}

function escrowCommand(deps: LedgerCommandDeps): Command {
  return ledgerCommand('escrow', "an asset's units in escrow for a chain (what the token's supply there may never exceed) and in suspense")
    .argument('<assetId>', 'the asset, e.g. ZOB')
    .requiredOption('--chain <chainId>', 'the EVM chain id')
    .action(
      ledgerAction<BaseOptions & { readonly chain: string }>(deps, async ({ session, args, options }) => {
        const escrow = await evaluateRecord(session.contract('BridgeContract'), 'GetEscrow', [args[0] ?? '', options.chain], parseBridgeEscrow, 'the escrow');
        return { json: escrow.raw, text: escrowLines(escrow.record) };
      }),
    );
}

function burnCommand(deps: LedgerCommandDeps): Command {
  return ledgerCommand('burn', 'a burn for redemption as the ledger has it: each bank\'s attestation and, at the threshold, where the units were released')
    .argument('<chainId>', 'the EVM chain the units were burned on')
    .argument('<burnNonce>', 'the burn number `bridge in` printed (the gateway numbers its burns)')
    .action(
      ledgerAction<BaseOptions>(deps, async ({ session, args }) => {
        const burn = await evaluateRecord(session.contract('BridgeContract'), 'GetBurn', [args[0] ?? '', args[1] ?? ''], parseBurnRecord, 'the burn');
        return { json: burn.raw, text: burnLines(burn.record) };
      }),
    );
}
