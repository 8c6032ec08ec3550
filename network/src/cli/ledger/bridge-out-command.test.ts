import test from 'ava';
import { Wallet } from 'ethers';
import type { BridgeOutRecord } from '@trestle/compliance/src/bridge/bridge-out';
import type { TransferVerdict } from '@trestle/compliance/src/rules/evaluate-transfer';
import { ASSET_ID } from '@trestle/chaincode/src/testing/ledger-documents';
import { INVESTORS } from '@trestle/chaincode/src/testing/ledger-story';
import { attest, BRIDGE_DESK, burnEvent, signMint, VALIDATOR_KEYS, WALLETS } from '@trestle/chaincode/src/testing/bridge-story';
import { snapshotLedger } from '@trestle/chaincode/src/testing/stub-context';
import { CHAIN_ID } from '@trestle/chaincode/src/testing/test-wallets';
import { DAY } from '@trestle/chaincode/src/testing/transfer-story';
import { bridgeCliWorld, type BridgeCliWorld } from '../bridge/testing/bridge-cli-world';

// `trestle bridge out|check|approve|reject|cancel|expire|show|pending|escrow|burn` over the
// in-process stub: anna (BankA, 600000 units of ZOB) bridges to her
// bound wallet on chain 31337; bankA/bob requests, bankA/alice and bankA/admin are BankA's
// officers (bankA/admin is also BankA's validator), bankB/admin BankB's validator.

const ANNA = INVESTORS.annaA;
const CHAIN = CHAIN_ID.toString();
const out = (id: string, amount: string, ...more: string[]) => ['bridge', 'out', ASSET_ID, ANNA, '--chain', CHAIN, '--wallet', WALLETS.anna.address, '--amount', amount, '--id', id, ...more];

async function shown(w: BridgeCliWorld, id: string): Promise<BridgeOutRecord> {
  const run = await w.run('bridge', 'show', id, '--as', 'regulator/rita', '--json');
  return JSON.parse(run.stdout) as BridgeOutRecord;
}

/** A bridge-out of `amount` requested by bob and approved by alice: APPROVED, in escrow. */
async function escrowed(t: { is(a: unknown, b: unknown, m?: string): void }, w: BridgeCliWorld, id: string, amount: string): Promise<BridgeOutRecord> {
  const requested = await w.run(...out(id, amount, '--as', 'bankA/bob'));
  t.is(requested.exitCode, 0, requested.stderr);
  const approved = await w.run('bridge', 'approve', id, '--as', 'bankA/alice');
  t.is(approved.exitCode, 0, approved.stderr);
  return shown(w, id);
}

test('a bridge-out waits in the bank\'s pending list, two officers approve it (never the requester), and it is escrowed with a Mint nonce', async (t) => {
  const w = await bridgeCliWorld();
  const requested = await w.run(...out('BO-1', '60000', '--as', 'bankA/bob'));
  t.is(requested.exitCode, 0, requested.stderr);
  t.regex(requested.stdout, /^bridge-out +BO-1 +PENDING$/m);
  t.regex(requested.stdout, new RegExp(`^to wallet +${WALLETS.anna.address} on chain ${CHAIN} `, 'm'));
  t.regex(requested.stdout, /^still needs an officer of the sender's bank BankAMSP; 1 more distinct officer \(four-eyes\)$/m);

  const pending = await w.run('bridge', 'pending', '--as', 'bankA/alice');
  t.is(pending.exitCode, 0, pending.stderr);
  t.regex(pending.stdout, new RegExp(`^ {2}BO-1 +PENDING +${ASSET_ID} +60000 +${ANNA} -> ${WALLETS.anna.address} \\(chain ${CHAIN}\\) +needs an officer`, 'm'));

  const self = await w.run('bridge', 'approve', 'BO-1', '--as', 'bankA/bob');
  t.is(self.exitCode, 3);
  t.regex(self.stderr, /^error: \[TRANSFER_SELF_APPROVAL\] /);
  const otherBank = await w.run('bridge', 'approve', 'BO-1', '--as', 'bankB/carol');
  t.is(otherBank.exitCode, 3);
  t.regex(otherBank.stderr, /\[CALLER_OF_OTHER_BANK\]/);

  const first = await w.run('bridge', 'approve', 'BO-1', '--as', 'bankA/alice', '--reason', 'collateral for her loan');
  t.is(first.exitCode, 0, first.stderr);
  t.regex(first.stdout, /^bridge-out +BO-1 +PENDING$/m);
  t.regex(first.stdout, /alice@banka\.trestle\.test \(BankAMSP\) at .*: collateral for her loan/);
  t.regex(first.stdout, /^still needs 1 more distinct officer \(four-eyes\)$/m);

  const second = await w.run('bridge', 'approve', 'BO-1', '--as', 'bankA/admin');
  t.is(second.exitCode, 0, second.stderr);
  t.regex(second.stdout, /^bridge-out +BO-1 +APPROVED$/m);
  t.regex(second.stdout, /^escrow +60000 units since .*, Mint nonce 1 \(Fabric tx 0x[0-9a-f]{64}\)$/m);
  t.regex(second.stdout, /^signatures +none yet$/m);
  t.false(/still needs/.test(second.stdout));
  const record = await shown(w, 'BO-1');
  t.is(record.status, 'APPROVED');
  t.is(record.nonce, '1');

  const none = await w.run('bridge', 'pending', '--as', 'bankA/alice');
  t.is(none.stdout, "bridge-outs awaiting BankAMSP's officers: none");
  const mints = await w.run('bridge', 'pending', '--chain', CHAIN, '--as', 'bankB/admin');
  t.is(mints.exitCode, 0, mints.stderr);
  t.regex(mints.stdout, new RegExp(`^mints in flight on chain ${CHAIN} \\(threshold 2\\)$`, 'm'));
  t.regex(mints.stdout, /^ {2}mint #1 +BO-1 +APPROVED +ZOB +60000 -> 0x[0-9a-fA-F]{40} +awaits signatures \(0 of 2: no bank yet\)$/m);
  const escrow = await w.run('bridge', 'escrow', ASSET_ID, '--chain', CHAIN, '--as', 'regulator/rita');
  t.is(escrow.exitCode, 0, escrow.stderr);
  t.regex(escrow.stdout, /^escrowed +60000 units$/m);
});

test('show and pending follow the validators\' signatures by bank and the mint; burn shows the attestations and the release', async (t) => {
  const w = await bridgeCliWorld();
  const record = await escrowed(t, w, 'BO-2', '1000');
  t.is(record.status, 'APPROVED');
  await w.asValidator(BRIDGE_DESK.validatorA, async (bridge, ctx) => bridge.RecordMintSignature(ctx, CHAIN, '1', await signMint(VALIDATOR_KEYS.A, record)));
  const one = await w.run('bridge', 'pending', '--chain', CHAIN, '--as', 'bankA/alice');
  t.regex(one.stdout, /mint #1 +BO-2 +APPROVED .* awaits signatures \(1 of 2: BankAMSP\)$/m);
  await w.asValidator(BRIDGE_DESK.validatorB, async (bridge, ctx) => bridge.RecordMintSignature(ctx, CHAIN, '1', await signMint(VALIDATOR_KEYS.B, record)));
  const two = await w.run('bridge', 'pending', '--chain', CHAIN, '--as', 'regulator/rita', '--json');
  const listed = JSON.parse(two.stdout) as { mints: { records: BridgeOutRecord[]; threshold: number } };
  t.deepEqual(listed.mints.records.map((mint) => [mint.bridgeOutId, mint.status]), [['BO-2', 'SIGNED']]);
  t.regex((await w.run('bridge', 'pending', '--chain', CHAIN, '--as', 'regulator/rita')).stdout, /mint #1 +BO-2 +SIGNED .* awaits a relayer$/m);

  const signed = await w.run('bridge', 'show', 'BO-2', '--as', 'bankB/carol');
  t.is(signed.exitCode, 0, signed.stderr);
  t.regex(signed.stdout, new RegExp(`^ {2}BankAMSP validator ${VALIDATOR_KEYS.A.address} at `, 'm'));
  t.regex(signed.stdout, new RegExp(`^ {2}BankBMSP validator ${VALIDATOR_KEYS.B.address} at `, 'm'));
  const mintTx = `0x${'ab'.repeat(32)}`;
  await w.asValidator(BRIDGE_DESK.validatorC, (bridge, ctx) => bridge.RecordMinted(ctx, CHAIN, '1', mintTx));
  const minted = await w.run('bridge', 'show', 'BO-2', '--as', 'bankB/carol');
  t.regex(minted.stdout, /^bridge-out +BO-2 +MINTED$/m);
  t.regex(minted.stdout, new RegExp(`^minted +.* in EVM tx ${mintTx}$`, 'm'));
  t.regex((await w.run('bridge', 'pending', '--chain', CHAIN, '--as', 'regulator/rita')).stdout, /^mints in flight on chain 31337 \(threshold 2\): none$/m);

  await attest(w.worldState, BRIDGE_DESK.validatorA, burnEvent(1n, 400n));
  const attested = await w.run('bridge', 'burn', CHAIN, '1', '--as', 'bankA/alice');
  t.is(attested.exitCode, 0, attested.stderr);
  t.regex(attested.stdout, /^burn +#1 on chain 31337 +ATTESTED$/m);
  t.regex(attested.stdout, /^attested +by 1 bank\(s\)$/m);
  t.regex(attested.stdout, /^released +not yet/m);
  await attest(w.worldState, BRIDGE_DESK.validatorB, burnEvent(1n, 400n));
  const released = await w.run('bridge', 'burn', CHAIN, '1', '--as', 'bankA/alice');
  t.regex(released.stdout, /^burn +#1 on chain 31337 +RELEASED$/m);
  t.regex(released.stdout, new RegExp(`^released +400 units of ${ASSET_ID} to ${ANNA} at `, 'm'));
  t.regex((await w.run('bridge', 'escrow', ASSET_ID, '--chain', CHAIN, '--as', 'bankA/alice')).stdout, /^escrowed +600 units$/m);
  const unknown = await w.run('bridge', 'burn', CHAIN, '2', '--as', 'bankA/alice');
  t.is(unknown.exitCode, 3);
  t.regex(unknown.stderr, /^error: \[BRIDGE_MINT_UNKNOWN\] /);
});

test('check prints every verdict and exits 0 when all pass, 3 naming the failing rule or the ledger\'s refusal; checks write nothing', async (t) => {
  const w = await bridgeCliWorld();
  const before = snapshotLedger(w.worldState);
  const flags = (amount: string, wallet: string = WALLETS.anna.address) => ['bridge', 'check', ASSET_ID, ANNA, '--chain', CHAIN, '--wallet', wallet, '--amount', amount, '--as', 'bankA/bob'];
  const fine = await w.run(...flags('1000'));
  t.is(fine.exitCode, 0, fine.stderr);
  t.regex(fine.stdout, /^every rule passes; it would need an officer of the investor's bank$/m);
  const json = JSON.parse((await w.run(...flags('60000'), '--json')).stdout) as TransferVerdict;
  t.true(json.allowed);
  t.is(json.approvalsRequired.distinctOfficers, 2);

  const tooMuch = await w.run(...flags('700000'));
  t.is(tooMuch.exitCode, 3);
  t.regex(tooMuch.stdout, /^2 of 10 rules fail: INSUFFICIENT_BALANCE, LOCKUP_ACTIVE$/m);
  t.regex(tooMuch.stdout, /^ {2}FAIL +unfrozen-balance +\[INSUFFICIENT_BALANCE\] The sender holds 600000 units, fewer than the 700000 requested\.$/m);

  const unbound = await w.run(...flags('1000', Wallet.createRandom().address));
  t.is(unbound.exitCode, 3);
  t.regex(unbound.stderr, /^error: \[BRIDGE_WALLET_MISMATCH\] /);
  const chloes = await w.run(...flags('1000', WALLETS.chloe.address));
  t.is(chloes.exitCode, 3);
  t.regex(chloes.stderr, /\[BRIDGE_WALLET_MISMATCH\]/);
  t.deepEqual(snapshotLedger(w.worldState), before, 'a check writes nothing');

  const refused = await w.run(...out('BO-SMALL', '50', '--as', 'bankA/bob'));
  t.is(refused.exitCode, 3);
  t.regex(refused.stderr, /^error: \[BRIDGE_OUT_REFUSED\] .*\[BELOW_MIN_TRANSFER\] /);
  t.is(refused.stderr.split('\n').length, 1, 'one line');
  t.deepEqual(snapshotLedger(w.worldState), before, 'a refused request writes nothing');
  t.regex((await w.run('bridge', 'check', '--help')).stdout, /exit status: 0 when every rule passes; 3 when any rule fails/i);
});

test('malformed or unauthorised calls are refused with a typed code (exit 2 or 3) and write nothing', async (t) => {
  const w = await bridgeCliWorld();
  const before = snapshotLedger(w.worldState);
  const base = (over: Record<string, string>) => {
    const v = { chain: CHAIN, wallet: WALLETS.anna.address, amount: '1000', id: 'BO-X', ...over };
    return ['bridge', 'out', ASSET_ID, ANNA, '--chain', v.chain, '--wallet', v.wallet, '--amount', v.amount, '--id', v.id, '--as', 'bankA/bob'];
  };
  const cases: ReadonlyArray<readonly [string[], number, RegExp]> = [
    [['bridge', 'out', ASSET_ID, ANNA, '--chain', CHAIN, '--amount', '1000', '--as', 'bankA/bob'], 2, /required option '--wallet <address>' not specified/],
    [base({ wallet: '0x1234' }), 3, /^error: \[BRIDGE_OUT_INVALID\] .* --wallet /],
    [base({ amount: '-5' }), 3, /^error: \[BRIDGE_OUT_INVALID\] .* --amount /],
    [base({ amount: '1.5' }), 3, /^error: \[BRIDGE_OUT_INVALID\] .* --amount /],
    [base({ chain: 'mainnet' }), 3, /^error: \[BRIDGE_OUT_INVALID\] .* --chain /],
    [base({ id: 'two words' }), 3, /^error: \[BRIDGE_OUT_INVALID\] .* --id /],
    [base({ chain: '1' }), 3, /^error: \[BRIDGE_CHAIN_/],
    [[...base({}).slice(0, -1), 'bankA/nobody'], 2, /^error: \[CLI_IDENTITY_UNKNOWN\] /],
    [[...base({}).slice(0, -1), 'bankB/carol'], 3, /^error: \[CALLER_OF_OTHER_BANK\] /],
    [['bridge', 'approve', 'BO-NONE', '--as', 'bankA/alice'], 3, /^error: \[BRIDGE_OUT_NOT_FOUND\] /],
    [['bridge', 'pending', '--bank', 'bankZ', '--as', 'bankA/alice'], 2, /^error: \[CLI_INPUT_INVALID\] --bank/],
    [['bridge', 'pending', '--bank', 'bankB', '--as', 'bankA/alice'], 3, /^error: \[CALLER_OF_OTHER_BANK\] /],
    [['bridge', 'pending', '--as', 'regulator/rita'], 2, /^error: \[CLI_INPUT_INVALID\] The regulator has no bank/],
    [['bridge', 'pending', '--bank', 'bankA', '--chain', CHAIN, '--bookmark', 'abc', '--as', 'regulator/rita'], 2, /--bookmark continues one list/],
    [['bridge', 'escrow', ASSET_ID, '--as', 'regulator/rita'], 2, /required option '--chain <chainId>'/],
    [['bridge', 'burn', CHAIN, 'one', '--as', 'regulator/rita'], 3, /^error: \[[A-Z_]+_INVALID\] .*burnNonce/],
  ];
  for (const [args, exitCode, message] of cases) {
    const run = await w.run(...args);
    t.is(run.exitCode, exitCode, args.join(' '));
    t.regex(run.stderr, message, `${args.join(' ')}: ${run.stderr}`);
    t.is(run.stdout, '', args.join(' '));
  }
  t.deepEqual(snapshotLedger(w.worldState), before);

  t.is((await w.run(...base({}))).exitCode, 0);
  const afterOne = snapshotLedger(w.worldState);
  const replay = await w.run(...base({ amount: '2000' }));
  t.is(replay.exitCode, 3);
  t.regex(replay.stderr, /^error: \[BRIDGE_OUT_ALREADY_EXISTS\] /);
  t.deepEqual(snapshotLedger(w.worldState), afterOne, 'a retried id is not a second bridge-out');
});

test('out makes a fresh id when --id is left out; reject needs a reason; cancel is the requesting bank\'s; expire only after the time to live', async (t) => {
  const w = await bridgeCliWorld();
  const fresh = await w.run('bridge', 'out', ASSET_ID, ANNA, '--chain', CHAIN, '--wallet', WALLETS.anna.address, '--amount', '1000', '--as', 'bankA/bob', '--json');
  t.is(fresh.exitCode, 0, fresh.stderr);
  t.regex((JSON.parse(fresh.stdout) as BridgeOutRecord).bridgeOutId, /^bo-[0-9a-f-]{36}$/);
  for (const id of ['BO-R', 'BO-C', 'BO-E']) t.is((await w.run(...out(id, '1000', '--as', 'bankA/bob'))).exitCode, 0);

  t.is((await w.run('bridge', 'reject', 'BO-R', '--as', 'bankA/alice')).exitCode, 2, 'no --reason');
  const rejected = await w.run('bridge', 'reject', 'BO-R', '--as', 'bankA/alice', '--reason', 'wallet under review');
  t.is(rejected.exitCode, 0, rejected.stderr);
  t.regex(rejected.stdout, /^closed +REJECTED at .* by alice@banka\.trestle\.test \(BankAMSP\): wallet under review$/m);

  const foreign = await w.run('bridge', 'cancel', 'BO-C', '--as', 'bankB/carol');
  t.is(foreign.exitCode, 3);
  t.regex(foreign.stderr, /\[CALLER_OF_OTHER_BANK\]/);
  const cancelled = await w.run('bridge', 'cancel', 'BO-C', '--as', 'bankA/bob');
  t.is(cancelled.exitCode, 0, cancelled.stderr);
  t.is((await shown(w, 'BO-C')).status, 'CANCELLED');

  const early = await w.run('bridge', 'expire', 'BO-E', '--as', 'bankB/carol');
  t.is(early.exitCode, 3);
  t.regex(early.stderr, /\[TRANSFER_NOT_EXPIRED\]/);
  w.clock.now = new Date(w.clock.now.getTime() + 8 * DAY * 1000);
  const expired = await w.run('bridge', 'expire', 'BO-E', '--as', 'bankB/carol');
  t.is(expired.exitCode, 0, expired.stderr);
  t.regex(expired.stdout, /^bridge-out +BO-E +EXPIRED$/m);
});

test('bridge keeps its EVM status command beside the ledger ones, with help for every option', async (t) => {
  const w = await bridgeCliWorld();
  const help = await w.run('bridge', '--help');
  t.is(help.exitCode, 0);
  for (const sub of ['status', 'out', 'check', 'approve', 'reject', 'cancel', 'expire', 'show', 'pending', 'escrow', 'burn', 'in']) t.regex(help.stdout, new RegExp(`^ {2}${sub}\\b`, 'm'), sub);
  for (const sub of ['out', 'pending', 'in']) {
    const text = (await w.run('bridge', sub, '--help')).stdout;
    const options = text.split('\n').filter((line) => /^ {2}-/.test(line));
    t.true(options.length > 2, sub);
    for (const line of options) t.regex(line, /^ {2}-\S.*\S {2,}\S/, `${sub}: ${line}`);
  }
});
