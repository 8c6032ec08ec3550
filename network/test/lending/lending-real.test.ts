// First: fabric-network's own failure logs (the read conflicts the validators retry) go to the stack's logs/fabric-client.log.
import '../transfers/quiet-fabric-client';
import test, { type ExecutionContext } from 'ava';
import type { LegalHistory } from '@trestle/compliance/src/ledger/legal-transition';
import { mined } from '@trestle/bridge/src/evm/deploy/steps';
import type { DeployedContract } from '@trestle/bridge/src/evm/deploy-contract';
import { DOLLARS, expectRevertReason } from '@trestle/bridge/test/support/fixtures';
import { testStack } from '../../src/stack/stack-config';
import { keystoreOf, PASSWORD, PASSWORD_ENV, removeStateFolders, stateFolder } from '../support/cli-deployment';
import { pollUntil } from '../support/fabric-poll';
import { CROSSING_DEADLINE_MS, decideLegally, lendingWorld, type LendingWorld } from '../support/lending-world';
import { ALLOCATIONS } from '../support/tokenized-asset';

// Issue 8 end to end on the REAL three-bank Fabric network and the stack's devnet: the banks'
// ValidatorNodes on the real peers carry valuations, legal states and escrow moves across on their
// own passes; the ledger side is driven through the CLI as its people run it, the liquidator
// through `trestle liquidator` in process. The scenarios of bridge/test/validator/*-bridge.test.ts
// (chaincode in process), here with real endorsement, ordering and commit. Serial: one devnet.

const stack = testStack();
process.env[PASSWORD_ENV] = PASSWORD;
test.after.always(removeStateFolders);

const as = (contract: DeployedContract, wallet: LendingWorld['holder']) => contract.connect(wallet) as DeployedContract;
const isoDate = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
/** `trestle liquidator positions --json`: each borrower and whether the position is healthy. */
async function positions(t: ExecutionContext, w: LendingWorld): Promise<[string, boolean][]> {
  const listed = await w.liquidator('positions', '--json');
  t.is(listed.exitCode, 0, listed.stderr);
  return (JSON.parse(listed.stdout) as { positions: { borrower: string; healthy: boolean }[] }).positions.map((p) => [p.borrower, p.healthy]);
}
const navOf = async (w: LendingWorld) => (await w.m.oracle.latestNav()) as { navPerUnit: bigint; valuationSeq: bigint };

/** Milliseconds since `start`, and a line for the log. */
function stopwatch(): { lap(label: string): number; lines: string[]; total(): number } {
  const start = Date.now();
  let last = start;
  const lines: string[] = [];
  return {
    lap(label) {
      const now = Date.now();
      lines.push(`${label}: ${now - last} ms`);
      const spent = now - last;
      last = now;
      return spent;
    },
    lines,
    total: () => Date.now() - start,
  };
}

/** Waits until the oracle holds the valuation numbered `seq` (the validators' Nav message relayed). */
async function navArrives(w: LendingWorld, seq: number): Promise<bigint> {
  return pollUntil(`valuation ${seq} reaches the NavOracle`, CROSSING_DEADLINE_MS, async () => {
    const nav = await navOf(w);
    return nav.valuationSeq === BigInt(seq) ? nav.navPerUnit : undefined;
  }, 100);
}

test.serial('a building re-appraised 30% lower: the loan turns unhealthy, an unverified address cannot liquidate, a permitted liquidator does and brings the seized units home, invariants after every step', async (t) => {
  const clock = stopwatch();
  const w = await lendingWorld(stack);
  clock.lap('set-up (asset tokenized, market deployed, chain configured, validators started)');
  const { m, asset, holder } = w;
  const { a1: anna, a2: ben } = asset.investors;
  const home = stateFolder('lending-real');
  try {
    const liquidatorWallet = await m.fundedAccount({ dollars: DOLLARS(1_000_000n) });
    const outsider = await m.fundedAccount({ dollars: DOLLARS(1_000_000n), kyc: false });
    const wallets = [holder.address, liquidatorWallet.address, outsider.address];
    // ben, an investor of BankA, liquidates from a wallet verified on the token and bound to him on the ledger.
    await w.bind(ben, liquidatorWallet, 1);

    // $100,000,000 for the building's 1,000,000 base units (one whole unit at 6 decimals), in cents.
    const first = await w.appraise(10_000_000_000n, isoDate(2));
    clock.lap('people set up');
    t.is(await navArrives(w, first), 100_000_000n * 10n ** 18n, 'the NAV per whole unit, 18 decimals');
    clock.lap('valuation → NAV on the oracle (three banks sign: a move beyond 10% needs the super threshold)');
    await w.invariants(t, 'valued', { wallets });

    // anna bridges 10,000 base units ($1,000,000) out, supplies them and borrows $700,000 (LLTV 77%).
    await w.bridgeOut(anna, holder, 10_000n);
    clock.lap('bridge-out requested → minted');
    await mined('supplyCollateral', as(m.morpho, holder).supplyCollateral(m.params, 10_000n, holder.address, '0x'));
    await mined('borrow', as(m.morpho, holder).borrow(m.params, DOLLARS(700_000n), 0n, holder.address, holder.address));
    await w.invariants(t, 'borrowed', { wallets });
    t.deepEqual(await positions(t, w), [[holder.address, true]]);
    clock.lap('collateral supplied, borrowed');

    // The building is re-appraised 30% lower: $700,000 of collateral, $539,000 of borrowing power.
    const second = await w.appraise(7_000_000_000n, isoDate(0));
    t.is(await navArrives(w, second), 70_000_000n * 10n ** 18n);
    clock.lap('re-appraisal recorded → NAV on the oracle');
    t.deepEqual(await positions(t, w), [[holder.address, false]], 'the position is unhealthy at the new NAV');
    await w.invariants(t, 're-appraised', { wallets });

    // An unverified address: refused by the CLI before sending, and by the token if it calls Morpho itself.
    const refused = await w.liquidator('liquidate', holder.address, '--keystore', keystoreOf(home, outsider), '--password-env', PASSWORD_ENV, '--json');
    t.is(refused.exitCode, 3, refused.stderr);
    t.regex(refused.stderr, /LIQUIDATOR_NOT_VERIFIED/);
    await expectRevertReason(t, as(m.morpho, outsider).liquidate(m.params, holder.address, 10_000n, 0n, '0x'), 'transfer reverted');
    t.is(((await m.morpho.position(m.market.id, holder.address)) as [bigint, bigint, bigint])[2], 10_000n, 'the collateral is untouched');

    // The permitted liquidator seizes everything.
    const done = await w.liquidator('liquidate', holder.address, '--keystore', keystoreOf(home, liquidatorWallet), '--password-env', PASSWORD_ENV);
    t.is(done.exitCode, 0, done.stderr);
    t.regex(done.stdout, /liquidated 0x[0-9a-fA-F]{40}: seized 0\.01 TTF/);
    t.is(await m.token.balanceOf(liquidatorWallet.address), 10_000n);
    clock.lap('liquidation (CLI refusal, reverted attempt, liquidation)');
    // Two banks' watchers state the seizure as a move from anna to ben: the escrow follows the units.
    await w.mineConfirmations();
    await pollUntil("the seizure moves anna's escrow to ben on the ledger", CROSSING_DEADLINE_MS, async () => ((await w.holding(ben)).escrowed === '10000' ? true : undefined), 100);
    clock.lap('liquidation confirmed → escrow moved on the ledger');
    t.is((await w.holding(anna)).escrowed, '0', "anna's escrow went with her collateral");
    t.is(BigInt((await w.holding(anna)).balance), ALLOCATIONS.a1 - 10_000n);
    await w.invariants(t, 'liquidated', { wallets });

    // ben brings the seized units home: `liquidator redeem` burns them for his investor record.
    const redeemed = await w.liquidator('redeem', '--investor', ben, '--keystore', keystoreOf(home, liquidatorWallet), '--password-env', PASSWORD_ENV, '--json');
    t.is(redeemed.exitCode, 0, redeemed.stderr);
    t.is((JSON.parse(redeemed.stdout) as { amount: string }).amount, '10000');
    await w.mineConfirmations();
    await pollUntil('the burn is released to ben on the ledger', CROSSING_DEADLINE_MS, async () => ((await w.holding(ben)).escrowed === '0' ? true : undefined), 100);
    clock.lap('redeem burn mined → released on the ledger');
    t.is(BigInt((await w.holding(ben)).balance), ALLOCATIONS.a2 + 10_000n, "ben's units and the ones he seized");
    t.is((await w.escrow()).escrowed, '0');
    t.is(await m.token.totalSupply(), 0n, 'no unit left on the EVM chain');
    await w.invariants(t, 'redeemed', { wallets });
  } finally {
    await w.close();
  }
  t.log(`scenario end to end: ${clock.total()} ms\n  ${clock.lines.join('\n  ')}`);
  t.log(w.failures.length === 0 ? 'no duty failed on any pass' : `duty failures:\n${w.failures.join('\n')}`);
  t.deepEqual(w.failures, [], 'no duty failed on any pass');
});

test.serial('SPV default: REMEDIATION decided on the ledger blocks new collateral in Morpho but not repaying; CURED restores it', async (t) => {
  const clock = stopwatch();
  const w = await lendingWorld(stack);
  clock.lap('set-up');
  const { m, asset, holder } = w;
  const inRemediation = async () => (await w.remediation.inRemediation(m.suite.compliance)) as boolean;
  try {
    const wallets = [holder.address];
    // The fixture's NAV: $100 per whole unit, so 10,000 base units are worth $1.
    await w.bridgeOut(asset.investors.a1, holder, 40_000n);
    await mined('supplyCollateral', as(m.morpho, holder).supplyCollateral(m.params, 10_000n, holder.address, '0x'));
    await mined('borrow', as(m.morpho, holder).borrow(m.params, 500_000n, 0n, holder.address, holder.address));
    await w.invariants(t, 'borrowed', { wallets });
    t.false(await inRemediation());
    clock.lap('bridged out, supplied, borrowed');

    const remediation = await decideLegally(w, 'start-remediation', ['--window-days', '30']);
    t.deepEqual([remediation.status, remediation.to], ['APPLIED', 'REMEDIATION']);
    clock.lap('remediation proposed and approved by two banks');
    await pollUntil('REMEDIATION reaches the compliance module', CROSSING_DEADLINE_MS, async () => ((await inRemediation()) ? true : undefined), 100);
    clock.lap('REMEDIATION on the ledger → on the EVM');
    await expectRevertReason(t, as(m.morpho, holder).supplyCollateral(m.params, 10_000n, holder.address, '0x'), 'transferFrom reverted');
    const [, borrowShares] = (await m.morpho.position(m.market.id, holder.address)) as [bigint, bigint, bigint];
    await mined('repay', as(m.morpho, holder).repay(m.params, 0n, borrowShares, holder.address, '0x'));
    t.is(((await m.morpho.position(m.market.id, holder.address)) as [bigint, bigint, bigint])[1], 0n, 'repaid in full during remediation');
    await mined('withdrawCollateral', as(m.morpho, holder).withdrawCollateral(m.params, 4_000n, holder.address, holder.address));
    t.is(await m.token.balanceOf(holder.address), 34_000n, 'collateral can still go home');
    await w.invariants(t, 'in remediation', { wallets });

    const cure = await decideLegally(w, 'cure');
    t.deepEqual([cure.status, cure.to], ['APPLIED', 'CURED']);
    clock.lap('cure proposed and approved');
    await pollUntil('CURED reaches the compliance module', CROSSING_DEADLINE_MS, async () => ((await inRemediation()) ? undefined : true), 100);
    clock.lap('CURED on the ledger → on the EVM');
    await mined('supplyCollateral', as(m.morpho, holder).supplyCollateral(m.params, 10_000n, holder.address, '0x'));
    t.is(((await m.morpho.position(m.market.id, holder.address)) as [bigint, bigint, bigint])[2], 16_000n);
    await w.invariants(t, 'cured', { wallets });

    const history = await w.cli.json<LegalHistory>('legal', 'history', asset.assetId, '--as', 'regulator/rita');
    t.is(history.state, 'CURED');
    t.deepEqual(history.transitions.map((step) => [step.from, step.to]), [['TOKENIZED', 'REMEDIATION'], ['REMEDIATION', 'CURED']]);
  } finally {
    await w.close();
  }
  t.log(`scenario end to end: ${clock.total()} ms\n  ${clock.lines.join('\n  ')}`);
  t.log(w.failures.length === 0 ? 'no duty failed on any pass' : `duty failures:\n${w.failures.join('\n')}`);
  t.deepEqual(w.failures, [], 'no duty failed on any pass');
});
