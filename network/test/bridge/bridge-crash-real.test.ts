// First: fabric-network's own failure logs go to the stack's logs/fabric-client.log.
import '../transfers/quiet-fabric-client';
import test from 'ava';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { concat, hexlify, randomBytes, Signature, toBeHex } from 'ethers';
import { investorRef } from '@trestle/compliance/src/bridge/investor-ref';
import type { BridgeOutRecord } from '@trestle/compliance/src/bridge/bridge-out';
import type { BurnRecord } from '@trestle/compliance/src/bridge/burn-attestation';
import { isTrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { mined } from '@trestle/bridge/src/evm/deploy/steps';
import { readDeployment } from '@trestle/bridge/src/evm/deploy/deploy-all';
import type { DeployedContract } from '@trestle/bridge/src/evm/deploy-contract';
import { mintTypedData } from '@trestle/bridge/src/plugin/public-api';
import type { SentMint } from '@trestle/bridge/src/relayer/send-journal';
import type { BurnAttestation } from '@trestle/bridge/src/validator/attestation-ledger';
import { FabricAttestationLedger } from '@trestle/bridge/src/validator/fabric-attestation-ledger';
import { validatorStateDir } from '../../src/cli/validator-command';
import { REPO_ROOT, testStack } from '../../src/stack/stack-config';
import { BRIDGE_CONFIRMATIONS, BRIDGE_DESK, connectValidators } from '../support/bridge-world';
import { pollUntil } from '../support/fabric-poll';
import { crashMarker, processBridge, stopAll, type ProcessBridge } from '../support/validator-process';

// Issue 6 on the REAL three-bank Fabric network with REAL validator processes (`trestle validator
// start`, as npm start runs them, validator-process.ts): crash points where a process SIGKILLs
// itself (crash-point.ts) and is started again, forged and replayed attestations, one and two
// validators down, a reorg before the confirmation depth. The in-process versions are
// bridge/test/validator/{mint-relay,relayer-restart,burn-watcher}.test.ts. One fresh asset and
// gateway for the file (realBridge), each test its own bridge-out; the processes a test leaves
// running serve the next (ProcessBridge.ensure), since each start costs tens of seconds here.

const stack = testStack();
const AMOUNT = 100n;
const BANK = { A: 0, B: 1, C: 2 } as const;
/** A bound on a stuck bridge on two loaded cores, not a speed target. */
const DEADLINE_MS = 120_000;
/** `validator status --stale-after`: longer than a pass takes on the loaded machine, shorter than the wait below. */
const STALE_AFTER_S = 15;
/** The order of the secp256k1 group. */
const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;

// Set up once, by the first test that needs it; a failed set-up fails every test without redoing it.
let world: Promise<ProcessBridge> | undefined;
const bridge = (): Promise<ProcessBridge> => (world ??= processBridge(stack, BRIDGE_CONFIRMATIONS));

test.after.always(async () => {
  await (await world?.catch(() => undefined))?.close();
});

// What the processes' duties reported failing, shown after the test that saw it (a crash point is no duty failure: the process dies).
// Shown, not asserted: a duty that loses its read conflicts on every retry is redone by the next pass (see the lending suite).
test.afterEach(async (t) => {
  const failures = (await world?.catch(() => undefined))?.dutyFailures() ?? [];
  if (failures.length > 0) t.log(`duty failures in the validator processes so far:\n${failures.join('\n')}`);
});

const banksSigned = (record: BridgeOutRecord) => record.signatures.map((signature) => signature.bankMsp).sort();

/** Polls until the bridge-out is MINTED; its record. */
const mintedRecord = (w: ProcessBridge, id: string) =>
  pollUntil(`bridge-out ${id} MINTED`, DEADLINE_MS, async () => {
    const record = await w.bridgeOut(id);
    return record.status === 'MINTED' ? record : undefined;
  }, 100);

/** `trestle validator …` as an operator runs it, against the processes' state folder. */
function validatorCli(w: ProcessBridge, ...args: string[]): { code: number | null; stdout: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'network/src/cli/main.ts', 'validator', ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, TRESTLE_HOME: w.home.dir, TRESTLE_PORT_BASE: String(stack.portBase) },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: run.status, stdout: run.stdout };
}

test.serial('forged and replayed attestations on the real ledger are refused with typed errors and change nothing; a forged burn below the threshold releases nothing', async (t) => {
  const w = await bridge();
  // No validator may sign this bridge-out but the test's own hand.
  await stopAll(w.processes);
  const { m, signers, holder, asset, chainId } = w.s;
  const out = await w.approvedBridgeOut(AMOUNT);
  const nonce = BigInt(out.nonce!);
  const connections = await connectValidators(stack);
  try {
    const [ledgerA, ledgerB] = connections.map((connection) => new FabricAttestationLedger(connection.bridge, m.chainId));
    const mint = (await ledgerA!.mint(nonce))!;
    const gateway = await m.gateway.getAddress();
    const sign = (index: number, message = mint) => {
      const typed = mintTypedData(gateway, message);
      return signers[index]!.signTypedData(typed.domain, typed.types, typed.value);
    };
    const [signatureA, signatureB] = [await sign(BANK.A), await sign(BANK.B)];
    const refusedWith = async (code: string, what: string, attempt: Promise<void>) => {
      const error = await t.throwsAsync(attempt);
      t.true(isTrestleError(error) && error.code === code, `${what}: ${code} expected, got ${error?.message}`);
      const record = await w.bridgeOut(out.bridgeOutId);
      t.is(record.status, 'APPROVED', `${what}: the bridge-out is unchanged`);
      t.deepEqual(record.signatures, [], `${what}: no signature recorded`);
    };

    // Mint signatures (bridge-real covers a signature after MINTED and the gateway's replay refusal).
    await refusedWith('BRIDGE_SIGNER_MISMATCH', "BankA records BankB's genuine signature as its own", ledgerA!.recordMintSignature(nonce, signers[BANK.B]!.address, signatureB));
    await refusedWith('BRIDGE_SIGNER_MISMATCH', "BankA's key over a Mint of 1000 times the amount", ledgerA!.recordMintSignature(nonce, signers[BANK.A]!.address, await sign(BANK.A, { ...mint, amount: mint.amount * 1000n })));
    await refusedWith('BRIDGE_SIGNER_MISMATCH', "BankA's key over the Mint to another wallet", ledgerA!.recordMintSignature(nonce, signers[BANK.A]!.address, await sign(BANK.A, { ...mint, to: signers[BANK.C]!.address })));
    await refusedWith('BRIDGE_SIGNATURE_INVALID', "BankA's own signature made malleable (high s)", ledgerA!.recordMintSignature(nonce, signers[BANK.A]!.address, malleable(signatureA)));
    await refusedWith('BRIDGE_SIGNATURE_INVALID', 'bytes that are no signature', ledgerA!.recordMintSignature(nonce, signers[BANK.A]!.address, '0xdeadbeef'));

    await ledgerA!.recordMintSignature(nonce, signers[BANK.A]!.address, signatureA);
    await ledgerA!.recordMintSignature(nonce, signers[BANK.A]!.address, signatureA);
    const once = await w.bridgeOut(out.bridgeOutId);
    t.deepEqual(banksSigned(once), ['BankAMSP'], "BankA's replayed signature is recorded once");
    t.is(once.status, 'APPROVED');
    await ledgerB!.recordMintSignature(nonce, signers[BANK.B]!.address, signatureB);
    t.is((await w.bridgeOut(out.bridgeOutId)).status, 'SIGNED');

    // Relayed by hand; then a forged MINTED (another transaction hash) is refused, the true one repeated is a no-op.
    const bundle = [signatureA, signatureB].map((signature, index) => ({ signature, signer: signers[index]!.address })).sort((a, b) => (BigInt(a.signer) < BigInt(b.signer) ? -1 : 1)).map((entry) => entry.signature);
    const receipt = await mined('gateway.mint', (m.gateway.connect(w.s.relayerAccount) as typeof m.gateway).mint(m.suite.token, holder.address, AMOUNT, nonce, mint.fabricTxId, bundle));
    await ledgerB!.recordMinted(nonce, receipt.hash);
    const forgedTx = hexlify(randomBytes(32));
    const conflict = await t.throwsAsync(ledgerA!.recordMinted(nonce, forgedTx));
    t.true(isTrestleError(conflict) && conflict.code === 'BRIDGE_MINTED_CONFLICT', `a second MINTED with another transaction: ${conflict?.message}`);
    await ledgerA!.recordMinted(nonce, receipt.hash);
    const minted = await w.bridgeOut(out.bridgeOutId);
    t.is(minted.status, 'MINTED');
    t.is(minted.evmTxHash, receipt.hash.toLowerCase(), 'the true transaction stays recorded');
    t.is((await w.mintedEvents(nonce)).length, 1);

    // Burns: the chaincode cannot see the EVM, the threshold of matching attestations is what protects the escrow.
    const escrowBefore = await w.escrowed();
    const holdingBefore = await w.holding();
    const forgedNonce = 10n ** 12n + BigInt(Math.floor(Math.random() * 1e9));
    const forged: BurnAttestation = {
      chainId: m.chainId,
      txHash: hexlify(randomBytes(32)),
      logIndex: 0,
      blockNumber: await m.provider.getBlockNumber(),
      blockHash: hexlify(randomBytes(32)),
      token: m.suite.token,
      from: holder.address,
      amount: AMOUNT,
      fabricInvestorRef: investorRef(asset.investors.a1),
      burnNonce: forgedNonce,
      validator: signers[BANK.A]!.address,
    };
    await ledgerA!.recordBurnAttestation(forged);
    // BankB states the same burn number with other facts: no two attestations match.
    await ledgerB!.recordBurnAttestation({ ...forged, amount: AMOUNT * 2n, validator: signers[BANK.B]!.address });
    const burn = await w.s.cli.json<BurnRecord>('bridge', 'burn', chainId, forgedNonce.toString(), '--as', BRIDGE_DESK.approver);
    t.is(burn.status, 'ATTESTED', 'two attestations that do not match release nothing');
    t.is(burn.release, null);
    t.is(burn.attestations.length, 2);
    const changed = await t.throwsAsync(ledgerA!.recordBurnAttestation({ ...forged, amount: AMOUNT * 2n }));
    t.true(isTrestleError(changed) && changed.code === 'BRIDGE_ATTESTATION_CONFLICT', `BankA changing its facts to match BankB's: ${changed?.message}`);
    const stranger = await t.throwsAsync(ledgerA!.recordBurnAttestation({ ...forged, burnNonce: forgedNonce + 1n, token: signers[BANK.C]!.address }));
    t.true(isTrestleError(stranger) && stranger.code === 'BRIDGE_TOKEN_UNKNOWN', `a burn of a token the chain does not map: ${stranger?.message}`);
    t.deepEqual(await w.s.cli.json<BurnRecord>('bridge', 'burn', chainId, forgedNonce.toString(), '--as', BRIDGE_DESK.approver), burn, 'the refusals changed nothing in the burn record');
    t.is(await w.escrowed(), escrowBefore, 'the escrow is untouched by the forged burn');
    t.deepEqual(await w.holding(), holdingBefore, "the investor's holding is untouched");
  } finally {
    for (const connection of connections) connection.close();
  }
});

test.serial('a validator SIGKILLed after signing a Mint and before recording it signs again when restarted: exactly one mint, its signature the one it lost', async (t) => {
  const w = await bridge();
  // BankB down, so BankA's signature is the one the threshold of 2 needs.
  await Promise.all([w.stopBank(BANK.A), w.stopBank(BANK.B)]);
  const relayer = await w.ensure({ bank: BANK.C, relays: true });
  const supplyBefore = await w.totalSupply();
  const escrowBefore = await w.escrowed();
  const out = await w.approvedBridgeOut(AMOUNT);
  const nonce = BigInt(out.nonce!);
  t.is(out.status, 'APPROVED');
  const began = Date.now();
  const crashing = w.start({ bank: BANK.A, crashAt: 'after-sign' });
  const exit = await pollUntil('BankA kills itself at the crash point', DEADLINE_MS, async () => crashing.exit, 100);
  const crashedAt = Date.now();
  t.is(exit.signal, 'SIGKILL', `BankA died by SIGKILL: ${crashing.logTail()}`);
  const lost = crashMarker(w.home, BANK.A);
  t.is(lost.nonce, nonce.toString(), 'it died signing this bridge-out');

  // BankC signs and relays nothing: one signature of two. Nothing moves while BankA is down.
  await pollUntil("BankC's signature is on the ledger", DEADLINE_MS, async () => (banksSigned(await w.bridgeOut(out.bridgeOutId)).includes('BankCMSP') ? true : undefined), 100);
  await relayer.passAfter(crashedAt);
  const waiting = await w.bridgeOut(out.bridgeOutId);
  t.deepEqual(banksSigned(waiting), ['BankCMSP'], "BankA's signature died with it: only BankC's is recorded");
  t.is(waiting.status, 'APPROVED', 'one signature of two: not SIGNED');
  t.deepEqual(await w.mintedEvents(nonce), [], 'no mint on the EVM');
  t.is(await w.totalSupply(), supplyBefore);

  const restarted = w.start({ bank: BANK.A });
  const minted = await pollUntil('MINTED on the ledger after the restart', DEADLINE_MS, async () => {
    const record = await w.bridgeOut(out.bridgeOutId);
    return record.status === 'MINTED' ? record : undefined;
  }, 100);
  const mintedAt = Date.now();
  t.deepEqual(banksSigned(minted), ['BankAMSP', 'BankCMSP']);
  t.is(minted.signatures.find((signature) => signature.bankMsp === 'BankAMSP')?.signature, lost.unrecorded, 'the restarted validator recorded the very signature it lost (RFC 6979: signing again gives the same bytes)');
  const events = await w.mintedEvents(nonce);
  t.is(events.length, 1, 'exactly one mint for the nonce');
  t.is(events[0]!.txHash.toLowerCase(), minted.evmTxHash ?? '(none)', 'the ledger records the transaction that minted');
  t.is(events[0]!.amount, AMOUNT);
  t.is(await w.totalSupply(), supplyBefore + AMOUNT, 'the supply grew by the bridge-out, once');
  t.is(await w.escrowed(), escrowBefore + AMOUNT, 'the escrow holds the units: nothing lost');
  // One more pass of each after MINTED changes nothing.
  await Promise.all([restarted.passAfter(mintedAt), relayer.passAfter(mintedAt)]);
  t.is((await w.mintedEvents(nonce)).length, 1);
  t.is(await w.totalSupply(), supplyBefore + AMOUNT);
  t.log(`crash after-sign: BankA died ${crashedAt - began} ms after start; restart → MINTED ${mintedAt - crashedAt} ms`);
});

test.serial("the relaying validator SIGKILLed after its mint transaction is mined and before MINTED is recorded records that transaction when restarted: no second mint, no second transaction", async (t) => {
  const w = await bridge();
  // No other relayer: the crashing one is the only one that can record the mint.
  await w.stopBank(BANK.C);
  const supplyBefore = await w.totalSupply();
  const escrowBefore = await w.escrowed();
  const out = await w.approvedBridgeOut(AMOUNT);
  const nonce = BigInt(out.nonce!);
  const relayerAddress = await w.s.relayerAccount.getAddress();
  const began = Date.now();
  const crashing = w.start({ bank: BANK.C, relays: true, crashAt: 'after-send' });
  const signers = await Promise.all([w.ensure({ bank: BANK.A }), w.ensure({ bank: BANK.B })]);
  const exit = await pollUntil('BankC kills itself at the crash point', DEADLINE_MS, async () => crashing.exit, 100);
  const crashedAt = Date.now();
  t.is(exit.signal, 'SIGKILL', `BankC died by SIGKILL: ${crashing.logTail()}`);
  const lost = crashMarker(w.home, BANK.C);
  t.is(lost.nonce, nonce.toString());

  // The EVM minted; the ledger does not know it yet; the journal kept the transaction.
  const events = await w.mintedEvents(nonce);
  t.deepEqual(events.map((event) => event.txHash), [lost.unrecorded], 'the mint the relayer sent is on the chain, once');
  const stranded = await w.bridgeOut(out.bridgeOutId);
  t.is(stranded.status, 'SIGNED', 'the ledger still waits for a relayer');
  t.is(stranded.evmTxHash, null);
  const deployment = readDeployment(w.home.dir);
  if (deployment === undefined) throw new Error(`no deployment file under ${w.home.dir}`);
  const journal = path.join(validatorStateDir(w.home.dir, deployment.chainId, deployment.contracts.gateway), 'relayer-BankCMSP.json');
  const journalled = JSON.parse(readFileSync(journal, 'utf8')) as SentMint[];
  t.deepEqual(journalled.map((entry) => [entry.mintNonce, entry.txHash]), [[nonce.toString(), lost.unrecorded]], 'the send journal survived the kill with the transaction');
  const sentBefore = await w.s.m.provider.getTransactionCount(relayerAddress);
  // Passes of the two signers meanwhile do not mint again either.
  await Promise.all(signers.map((signer) => signer.passAfter(crashedAt)));
  t.is((await w.mintedEvents(nonce)).length, 1);

  const restarted = w.start({ bank: BANK.C, relays: true });
  const recorded = await pollUntil('MINTED on the ledger after the restart', DEADLINE_MS, async () => {
    const record = await w.bridgeOut(out.bridgeOutId);
    return record.status === 'MINTED' ? record : undefined;
  }, 100);
  const recordedAt = Date.now();
  t.is(recorded.evmTxHash, lost.unrecorded.toLowerCase(), 'the restarted relayer recorded the transaction its predecessor sent');
  await restarted.passAfter(recordedAt);
  t.is((await w.mintedEvents(nonce)).length, 1, 'no second mint');
  t.is(await w.s.m.provider.getTransactionCount(relayerAddress), sentBefore, 'the restarted relayer sent no transaction at all (not even one the gateway would revert)');
  t.is(await w.totalSupply(), supplyBefore + AMOUNT);
  t.is(await w.escrowed(), escrowBefore + AMOUNT);
  const left = existsSync(journal) ? (JSON.parse(readFileSync(journal, 'utf8')) as SentMint[]) : [];
  t.deepEqual(left.filter((entry) => entry.mintNonce === nonce.toString()), [], 'the journal entry is gone once MINTED is recorded');
  t.log(`crash after-send: BankC died ${crashedAt - began} ms after start; restart → MINTED recorded ${recordedAt - crashedAt} ms`);
});

test.serial('with one validator process SIGKILLed 2 of 3 still mint; with two down nothing is minted and validator status and bridge pending say why; the bank back, the mint completes once', async (t) => {
  const w = await bridge();
  const [a, b, c] = await Promise.all([w.ensure({ bank: BANK.A }), w.ensure({ bank: BANK.B }), w.ensure({ bank: BANK.C, relays: true })]);
  const supplyBefore = await w.totalSupply();

  b!.child.kill('SIGKILL');
  t.is((await b!.exited).signal, 'SIGKILL');
  const first = await w.approvedBridgeOut(AMOUNT);
  const oneDownAt = Date.now();
  const minted = await mintedRecord(w, first.bridgeOutId);
  t.log(`one validator down: approval → MINTED ${Date.now() - oneDownAt} ms`);
  t.deepEqual(banksSigned(minted), ['BankAMSP', 'BankCMSP'], 'the two running banks signed');
  t.is((await w.mintedEvents(BigInt(minted.nonce!))).length, 1);
  t.is(await w.totalSupply(), supplyBefore + AMOUNT);

  a!.child.kill('SIGKILL');
  t.is((await a!.exited).signal, 'SIGKILL');
  const second = await w.approvedBridgeOut(AMOUNT);
  const twoDownAt = Date.now();
  const nonce = BigInt(second.nonce!);
  await pollUntil("BankC's signature on the second bridge-out", DEADLINE_MS, async () => (banksSigned(await w.bridgeOut(second.bridgeOutId)).includes('BankCMSP') ? true : undefined), 100);
  // Past the status limit, with BankC passing all along: nothing moves.
  await pollUntil(`${STALE_AFTER_S} s without BankA's pass`, DEADLINE_MS, async () => (Date.now() - twoDownAt > (STALE_AFTER_S + 1) * 1000 ? true : undefined), 250);
  await c!.passAfter(Date.now());
  const waiting = await w.bridgeOut(second.bridgeOutId);
  t.is(waiting.status, 'APPROVED', 'one signature of two: nothing to relay');
  t.deepEqual(banksSigned(waiting), ['BankCMSP']);
  t.deepEqual(await w.mintedEvents(nonce), [], 'nothing minted');
  t.is(await w.totalSupply(), supplyBefore + AMOUNT);

  const status = validatorCli(w, 'status', '--stale-after', String(STALE_AFTER_S));
  t.is(status.code, 0);
  t.log(status.stdout.trimEnd());
  t.regex(status.stdout, /^BankAMSP 0x[0-9a-fA-F]{40}: last pass \d+ s ago — NOT PASSING/m);
  t.regex(status.stdout, /^BankBMSP 0x[0-9a-fA-F]{40}: last pass \d+ s ago — NOT PASSING/m);
  t.regex(status.stdout, /^BankCMSP 0x[0-9a-fA-F]{40}: last pass \d+ s ago; sign-mints/m);
  t.regex(status.stdout, /^quorum: 1 of 3 banks' validators passing \(BankCMSP\); a mint needs 2 signatures: mints WAIT for 1 more; not passing: BankAMSP, BankBMSP$/m);
  const pending = await w.s.cli.run('bridge', 'pending', '--chain', w.s.chainId, '--as', BRIDGE_DESK.approver);
  t.is(pending.exitCode, 0);
  const line = pending.stdout.split('\n').find((candidate) => candidate.includes(`mint #${nonce} `));
  t.log(line ?? pending.stdout);
  t.regex(line ?? '', /APPROVED .* awaits signatures \(1 of 2: BankCMSP\)$/, 'the mint says it waits for signatures and whose it has');

  // BankA back: its signature completes the mint, once.
  const back = w.start({ bank: BANK.A });
  const completed = await mintedRecord(w, second.bridgeOutId);
  t.log(`BankA restarted → MINTED ${Date.now() - back.startedAt} ms`);
  t.deepEqual(banksSigned(completed), ['BankAMSP', 'BankCMSP']);
  t.is((await w.mintedEvents(nonce)).length, 1);
  t.is(await w.totalSupply(), supplyBefore + 2n * AMOUNT);
  t.is(await w.escrowed(), await w.totalSupply(), 'escrow equals supply: nothing lost');
});

test.serial(`a burn undone by a reorg before ${BRIDGE_CONFIRMATIONS} confirmations is never attested nor released; burned again it is released once`, async (t) => {
  const w = await bridge();
  const { m, holder, chainId } = w.s;
  // Two banks' validators, the threshold: each of them looks at the burn.
  const processes = await Promise.all([w.ensure({ bank: BANK.A }), w.ensure({ bank: BANK.C, relays: true })]);
  const out = await w.approvedBridgeOut(AMOUNT);
  await mintedRecord(w, out.bridgeOutId);
  const escrowBefore = await w.escrowed();
  const holdingBefore = await w.holding();
  const balanceBefore = (await m.token.balanceOf(holder.address)) as bigint;
  t.true(balanceBefore >= AMOUNT);
  const gateway = m.gateway.connect(holder) as DeployedContract;

  const snapshot = (await m.provider.send('evm_snapshot', [])) as string;
  const burn = await mined('burnForRedeem', gateway.burnForRedeem(m.suite.token, AMOUNT, investorRef(w.s.asset.investors.a1)));
  const burnNonce = (burn.logs.map((log) => m.gateway.interface.parseLog(log)).find((parsed) => parsed?.name === 'BurnedForRedeem')!.args.getValue('burnNonce') as bigint).toString();
  // One block on top: the burn has 2 of the 3 confirmations. Every validator looks at it, twice.
  await m.provider.send('evm_mine', []);
  const seenAt = Date.now();
  await Promise.all(processes.map((running) => running.passAfter(seenAt)));
  t.true(await burnUnknown(w, chainId, burnNonce), 'below the confirmation depth no bank attested the burn');

  t.true((await m.provider.send('evm_revert', [snapshot])) as boolean, 'the reorg');
  t.is((await m.token.balanceOf(holder.address)) as bigint, balanceBefore, 'the reorg undid the burn on the EVM');
  for (let block = 0; block < BRIDGE_CONFIRMATIONS + 2; block++) await m.provider.send('evm_mine', []);
  const reorgedAt = Date.now();
  await Promise.all(processes.map((running) => running.passAfter(reorgedAt)));
  t.true(await burnUnknown(w, chainId, burnNonce), 'the burn that no longer exists is never attested');
  t.is(await w.escrowed(), escrowBefore, 'the escrow still backs the units in the wallet');
  t.deepEqual(await w.holding(), holdingBefore, 'nothing released to the investor');
  t.is(await w.totalSupply(), escrowBefore, 'supply equals escrow');

  // The validators were watching all along: a burn that stays is released, once, with its canonical block.
  const again = await mined('burnForRedeem again', gateway.burnForRedeem(m.suite.token, AMOUNT, investorRef(w.s.asset.investors.a1)));
  for (let block = 0; block < BRIDGE_CONFIRMATIONS; block++) await m.provider.send('evm_mine', []);
  const burnedAt = Date.now();
  const released = await pollUntil('the burn is released on the ledger', DEADLINE_MS, async () => {
    const record = await w.s.cli.json<{ status: string; attestations: { event: { blockHash: string; txHash: string } }[] }>('bridge', 'burn', chainId, burnNonce, '--as', BRIDGE_DESK.approver).catch(() => undefined);
    return record?.status === 'RELEASED' ? record : undefined;
  }, 200);
  t.log(`reorg test: burn mined + ${BRIDGE_CONFIRMATIONS} blocks → released ${Date.now() - burnedAt} ms`);
  t.true(released.attestations.every((attestation) => attestation.event.blockHash === again.blockHash!.toLowerCase()), 'every attestation names the canonical block');
  t.is(await w.escrowed(), escrowBefore - AMOUNT, 'released once');
  const home = await w.holding();
  t.is(BigInt(home.balance), BigInt(holdingBefore.balance) + AMOUNT, "the units are back in the investor's holding, once");
  t.is(await w.totalSupply(), escrowBefore - AMOUNT);
});

/** The same ECDSA signature with s replaced by n - s (and v flipped): valid for ecrecover, refused as malleable. */
function malleable(signature: string): string {
  const parsed = Signature.from(signature);
  const highS = N - BigInt(parsed.s);
  return concat([parsed.r, toBeHex(highS, 32), toBeHex(parsed.v === 27 ? 28 : 27, 1)]);
}

/** Whether the ledger has no record of the burn (no bank attested it): the typed refusal, anything else fails the test. */
async function burnUnknown(w: ProcessBridge, chainId: string, burnNonce: string): Promise<boolean> {
  const run = await w.s.cli.run('bridge', 'burn', chainId, burnNonce, '--as', BRIDGE_DESK.approver, '--json');
  if (run.exitCode === 0) return false;
  if (run.exitCode === 3 && (JSON.parse(run.stderr) as { error: { code: string } }).error.code === 'BRIDGE_MINT_UNKNOWN') return true;
  throw new Error(`bridge burn ${chainId} ${burnNonce} exited ${run.exitCode}: ${run.stderr}`);
}
