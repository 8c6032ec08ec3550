import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import test from 'ava';
import { ANNA_IDENTITY, IDENTITY_CHAIN_CONFIG, kycClaimsDocument } from '@trestle/chaincode/src/bridge/identity-story';
import { ConsortiumContract } from '@trestle/chaincode/src/consortium/consortium-contract';
import { CHAIN_CONFIG, GATEWAY, ledgerForBridge, TOKEN, VALIDATOR_KEYS, WALLETS } from '@trestle/chaincode/src/testing/bridge-story';
import { tx } from '@trestle/chaincode/src/testing/ledger-cast';
import { snapshotLedger, type WorldState } from '@trestle/chaincode/src/testing/stub-context';
import { BANK_A_ADMIN, BANK_B_ADMIN, REGULATOR_ADMIN } from '@trestle/chaincode/src/testing/test-identities';
import { AFTER_LOCKUP } from '@trestle/chaincode/src/testing/transfer-story';
import type { GatewayMessageRecord } from '@trestle/compliance/src/bridge/gateway-message';
import { gatewayMessageCommand } from './gateway-message-command';
import { CLI_WALLET } from './testing/cli-wallet';
import { inProcessSessions } from './testing/in-process-sessions';
import { runCli, type CliRun } from './testing/run-cli';

// `trestle gateway-message …` over the in-process chaincode stub (the real GatewayMessageContract on
// the stubbed context, not a Fabric peer). bankX/admin are the banks' validators; bankA/bob and
// bankB/carol are operators (chaincode/src/testing/bridge-story.ts BRIDGE_DESK).

const CHAIN = CHAIN_CONFIG.chainId;

function cli(worldState: WorldState) {
  let clock = AFTER_LOCKUP.getTime();
  const open = inProcessSessions(worldState, CLI_WALLET, () => new Date((clock += 1_000)));
  return (...argv: string[]): Promise<CliRun> => runCli(open, argv, (deps) => [gatewayMessageCommand(deps)]);
}

async function removeBankC(worldState: WorldState): Promise<void> {
  const members = JSON.stringify({ banks: ['BankAMSP', 'BankBMSP'], regulators: ['RegulatorMSP'] });
  const consortium = new ConsortiumContract();
  await consortium.ProposeMembershipChange(tx(BANK_A_ADMIN, worldState).ctx, members);
  for (const admin of [BANK_B_ADMIN, REGULATOR_ADMIN]) await consortium.ConfirmMembershipChange(tx(admin, worldState).ctx, members);
}

test('a validator proposes a pause and the banks see it waiting for signatures', async (t) => {
  const trestle = cli(await ledgerForBridge());
  const proposed = await trestle('gateway-message', 'propose', CHAIN, 'Pause', '--reason', 'Supply above escrow twice', '--as', 'bankA/admin');
  t.is(proposed.exitCode, 0, proposed.stderr);
  t.is(proposed.stdout, "proposed Pause #1: the whole gateway; each bank's validator signs it, then any relayer carries it");

  const listed = await trestle('gateway-message', 'list', CHAIN, '--as', 'bankB/admin');
  t.regex(listed.stdout, new RegExp(`^Pause #1 to ${GATEWAY}: PROPOSED$`, 'm'));
  t.regex(listed.stdout, /^ {2}why +Supply above escrow twice \(BankAMSP, /m);
  t.regex(listed.stdout, /^ {2}signed +by no bank yet$/m);
  const json = JSON.parse((await trestle('gateway-message', 'show', CHAIN, 'Pause', GATEWAY, '1', '--json', '--as', 'regulator/rita')).stdout) as GatewayMessageRecord;
  t.like(json, { type: 'Pause', nonce: '1', status: 'PROPOSED', proposerMsp: 'BankAMSP' });
});

test('after BankC leaves, an operator proposes the validator set of the banks in force; a set the gateway would refuse writes nothing', async (t) => {
  const worldState = await ledgerForBridge();
  const trestle = cli(worldState);
  await removeBankC(worldState);

  const before = snapshotLedger(worldState);
  const tooHigh = await trestle('gateway-message', 'propose-validator-set', CHAIN, '--super', '3', '--reason', 'BankC left', '--as', 'bankA/bob');
  t.is(tooHigh.exitCode, 3);
  t.regex(tooHigh.stderr, /^error: \[BRIDGE_VALIDATOR_SET_INVALID\] /);
  t.deepEqual(snapshotLedger(worldState), before, 'a refused proposal writes nothing');

  const proposed = await trestle('gateway-message', 'propose-validator-set', CHAIN, '--super', '2', '--reason', 'BankC left the consortium', '--as', 'bankA/bob');
  t.is(proposed.exitCode, 0, proposed.stderr);
  t.is(proposed.stdout, `proposed SetValidators #1: ${VALIDATOR_KEYS.A.address}, ${VALIDATOR_KEYS.B.address}; threshold 2, super 2; each bank's validator signs it, then any relayer carries it`);
  const open = JSON.parse((await trestle('gateway-message', 'list', CHAIN, '--json', '--as', 'bankB/carol')).stdout) as GatewayMessageRecord[];
  t.deepEqual(open.map((message) => [message.type, message.fields.validators]), [['SetValidators', [VALIDATOR_KEYS.A.address, VALIDATOR_KEYS.B.address]]]);

  // BankC's validator speaks for no member any more.
  const removed = await trestle('gateway-message', 'propose', CHAIN, 'Pause', '--reason', 'x', '--as', 'bankC/admin');
  t.is(removed.exitCode, 3);
  t.regex(removed.stderr, /^error: \[CALLER_NOT_MEMBER\] /);
});

test('refusals are one line with exit 3 (role, unknown chain) or 2 (usage), and write nothing', async (t) => {
  const worldState = await ledgerForBridge();
  const trestle = cli(worldState);
  const before = snapshotLedger(worldState);
  const byOfficer = await trestle('gateway-message', 'propose', CHAIN, 'SetLegalState', TOKEN, '--reason', 'x', '--as', 'regulator/rita');
  t.is(byOfficer.exitCode, 3);
  t.regex(byOfficer.stderr, /^error: \[CALLER_LACKS_ROLE\] /);
  const unknownChain = await trestle('gateway-message', 'propose', '999', 'Pause', '--reason', 'x', '--as', 'bankA/admin');
  t.is(unknownChain.exitCode, 3);
  t.regex(unknownChain.stderr, /^error: \[BRIDGE_CHAIN_UNKNOWN\] /);
  const wrongType = await trestle('gateway-message', 'propose', CHAIN, 'SetKycPhase', TOKEN, '--reason', 'x', '--as', 'bankA/admin');
  t.is(wrongType.exitCode, 2, 'SetKycPhase has its own command');
  t.deepEqual(snapshotLedger(worldState), before);
});

test('drift names what the EVM side lacks that no message carries yet', async (t) => {
  const trestle = cli(await ledgerForBridge());
  const drift = await trestle('gateway-message', 'drift', CHAIN, '--as', 'bankA/admin');
  t.is(drift.exitCode, 0, drift.stderr);
  t.true(drift.stdout.split('\n').every((line) => /^(SetLegalState|SetKycPhase|Nav|WriteOff) for \S+( wallet 0x[0-9a-fA-F]{40})?: .+$/.test(line)), drift.stdout);
  await trestle('gateway-message', 'propose', CHAIN, 'Nav', TOKEN, '--reason', 'valuation in force', '--as', 'bankA/admin');
  const after = await trestle('gateway-message', 'drift', CHAIN, '--as', 'bankA/admin');
  t.false(/^Nav for /m.test(after.stdout), 'a NAV on its way is not drift');
});

test("a bank's validator proposes registering its investor's wallet with a claims file; another bank cannot, and no bank revokes an investor in good standing", async (t) => {
  const worldState = await ledgerForBridge({ chain: IDENTITY_CHAIN_CONFIG });
  const trestle = cli(worldState);
  const dir = await mkdtemp(path.join(tmpdir(), 'trestle-claims-'));
  const claimsFile = path.join(dir, 'claims.json');
  await writeFile(claimsFile, JSON.stringify(kycClaimsDocument(VALIDATOR_KEYS.A)));

  const drift = await trestle('gateway-message', 'drift', CHAIN, '--as', 'bankC/admin');
  t.regex(drift.stdout, new RegExp(`^RegisterIdentity for \\S+ wallet ${WALLETS.anna.address} \\(by BankAMSP\\)`, 'm'));
  const refused = await trestle('gateway-message', 'propose-identity', CHAIN, TOKEN, WALLETS.anna.address, '--claims-file', claimsFile, '--reason', 'Mirror anna', '--as', 'bankB/admin');
  t.regex(refused.stderr, /^error: \[CALLER_OF_OTHER_BANK\] /, "BankB cannot vouch for BankA's investor");
  const proposed = await trestle('gateway-message', 'propose-identity', CHAIN, TOKEN, WALLETS.anna.address, '--claims-file', claimsFile, '--reason', 'Mirror anna', '--as', 'bankA/admin');
  t.is(proposed.exitCode, 0, proposed.stderr);
  t.is(proposed.stdout, `proposed RegisterIdentity #1: wallet ${WALLETS.anna.address} on ${TOKEN} as identity ${ANNA_IDENTITY}, country 756, 1 claim(s); each bank's validator signs it, then any relayer carries it`);

  const early = await trestle('gateway-message', 'propose-revocation', CHAIN, TOKEN, WALLETS.anna.address, '--reason', 'Not yet', '--as', 'bankC/admin');
  t.regex(early.stderr, /^error: \[BRIDGE_IDENTITY_INELIGIBLE\] /);
});
