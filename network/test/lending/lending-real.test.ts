// First: fabric-network's own failure logs (the read conflicts the validators retry) go to the stack's logs/fabric-client.log.
import '../transfers/quiet-fabric-client';
import test, { type ExecutionContext } from 'ava';
import { investorRef } from '@trestle/compliance/src/bridge/investor-ref';
import type { LegalHistory } from '@trestle/compliance/src/ledger/legal-transition';
import { mined } from '@trestle/bridge/src/evm/deploy/steps';
import type { DeployedContract } from '@trestle/bridge/src/evm/deploy-contract';
import { DOLLARS, expectRevertReason } from '@trestle/bridge/test/support/fixtures';
import { testStack } from '../../src/stack/stack-config';
import { keystoreOf, PASSWORD, PASSWORD_ENV, removeStateFolders, stateFolder } from '../support/cli-deployment';
import { pollUntil } from '../support/fabric-poll';
import { CROSSING_DEADLINE_MS, decideLegally, lendingWorld, TOTAL_UNITS, type LendingWorld } from '../support/lending-world';
import { advanceLedgerClock, ledgerClockOffset, resetLedgerClock } from '../support/lending-clock';
import { ALLOCATIONS, ASSET_DESK, investorDocument } from '../support/tokenized-asset';

// Issue 8 end to end on the REAL three-bank Fabric network and the stack's devnet: the banks'
// ValidatorNodes on the real peers carry valuations, legal states and escrow moves across on their
// own passes; the ledger side is driven through the CLI as its people run it, the liquidator
// through `trestle liquidator` in process. The scenarios of bridge/test/validator/*-bridge.test.ts
// (chaincode in process), here with real endorsement, ordering and commit. Serial: one devnet.

const stack = testStack();
process.env[PASSWORD_ENV] = PASSWORD;
test.after.always(removeStateFolders);

const as = (contract: DeployedContract, wallet: LendingWorld['holder']) => contract.connect(wallet) as DeployedContract;
const DAY = 86_400;
const isoDate = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
/** `trestle liquidator positions --json`: each borrower and whether the position is healthy. */
async function positions(t: ExecutionContext, w: LendingWorld): Promise<[string, boolean][]> {
  const listed = await w.liquidator('positions', '--json');
  t.is(listed.exitCode, 0, listed.stderr);
  return (JSON.parse(listed.stdout) as { positions: { borrower: string; healthy: boolean }[] }).positions.map((p) => [p.borrower, p.healthy]);
}
const navOf = async (w: LendingWorld) => (await w.m.oracle.latestNav()) as { navPerUnit: bigint; valuationSeq: bigint };

type Stopwatch = { lap(label: string): number; readonly lines: string[]; total(): number };

/** Milliseconds since the start and since the last lap, as lines for the log. */
function stopwatch(): Stopwatch {
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

/** Runs `body` in a fresh lending world, then stops its nodes, puts the ledger clock back, logs the durations and checks that no duty failed. */
async function scenario(t: ExecutionContext, body: (w: LendingWorld, clock: Stopwatch) => Promise<void>): Promise<void> {
  const clock = stopwatch();
  const w = await lendingWorld(stack);
  clock.lap('set-up (asset tokenized, market deployed, chain configured, validators started)');
  try {
    await body(w, clock);
  } finally {
    // The nodes stop before the clock goes back: no pass sees the ledger's own past.
    await w.close();
    resetLedgerClock();
  }
  t.log(`scenario end to end: ${clock.total()} ms\n  ${clock.lines.join('\n  ')}`);
  t.log(w.failures.length === 0 ? 'no duty failed on any pass' : `duty failures:\n${w.failures.join('\n')}`);
  // A write that lost read conflicts on every retry (three banks' validators writing the same key
  // on a loaded machine) fails that pass's duty and is done again by the next pass, as the scenario
  // above shows by completing; any other failure is a defect.
  t.deepEqual(w.failures.filter((line) => !/with status (MVCC_READ_CONFLICT|PHANTOM_READ_CONFLICT)\b/.test(line)), [], 'no duty failed on any pass but for read conflicts redone next pass');
}

/** Waits until the oracle holds the valuation numbered `seq` (the validators' Nav message relayed). */
async function navArrives(w: LendingWorld, seq: number): Promise<bigint> {
  return pollUntil(`valuation ${seq} reaches the NavOracle`, CROSSING_DEADLINE_MS, async () => {
    const nav = await navOf(w);
    return nav.valuationSeq === BigInt(seq) ? nav.navPerUnit : undefined;
  }, 100);
}

test.serial('a building re-appraised 30% lower: the loan turns unhealthy, an unverified address cannot liquidate, a permitted liquidator does and brings the seized units home, the SPV sells and every holder gets a pro-rata share, invariants after every step', (t) =>
  scenario(t, async (w, clock) => {
    const { m, asset, holder } = w;
    const { a1: anna, a2: ben } = asset.investors;
    const home = stateFolder('lending-real');
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

    // The SPV sells the building at the re-appraised $70,000,000 and redeems every unit; each holder's share pro rata, in cents.
    const sale = ['--settlement-reference', 'UETR 5b3f0c1e-7d0e-4a8e-9f57-3d2c1b0a9e8f', '--currency', 'USD', '--price-per-unit', '7000000000'];
    const applied = await decideLegally(w, 'redeem', sale);
    t.deepEqual([applied.status, applied.to], ['APPLIED', 'REDEEMED']);
    const retired = (await w.cli.json<LegalHistory>('legal', 'history', asset.assetId, '--as', 'regulator/rita')).transitions.at(-1)?.redemption;
    t.is(retired?.unitsRetired, TOTAL_UNITS.toString());
    t.deepEqual(
      retired?.holders.map((share) => [share.investorId, share.units, share.cash]),
      [
        [anna, '490000', '3430000000'],
        [ben, '310000', '2170000000'],
        [asset.investors.b1, '200000', '1400000000'],
      ],
    );
    clock.lap('sale: redemption proposed and approved, proceeds pro rata');
  }),
);

test.serial('SPV default: REMEDIATION decided on the ledger blocks new collateral in Morpho but not repaying; CURED restores it', (t) =>
  scenario(t, async (w, clock) => {
    const { m, asset, holder } = w;
    const inRemediation = async () => (await w.remediation.inRemediation(m.suite.compliance)) as boolean;
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
  }),
);

test.serial('WRITTEN_OFF after the remediation window: the oracle prices the collateral at zero and Morpho books the loss against lenders', (t) =>
  scenario(t, async (w, clock) => {
    const { m, asset, holder } = w;
    const { a1: anna, a2: ben } = asset.investors;
    const liquidatorWallet = await m.fundedAccount({ dollars: DOLLARS(1_000_000n) });
    const wallets = [holder.address, liquidatorWallet.address];
    await w.bind(ben, liquidatorWallet, 1);
    t.is(await navArrives(w, await w.appraise(10_000_000_000n, isoDate(2))), 100_000_000n * 10n ** 18n);
    // anna bridges 10,000 base units ($1,000,000), supplies them and borrows $500,000.
    await w.bridgeOut(anna, holder, 10_000n);
    await mined('supplyCollateral', as(m.morpho, holder).supplyCollateral(m.params, 10_000n, holder.address, '0x'));
    await mined('borrow', as(m.morpho, holder).borrow(m.params, DOLLARS(500_000n), 0n, holder.address, holder.address));
    await w.invariants(t, 'borrowed', { wallets });
    clock.lap('valued, bridged out, borrowed');

    t.is((await decideLegally(w, 'start-remediation', ['--window-days', '1'])).to, 'REMEDIATION');
    await pollUntil('REMEDIATION reaches the compliance module', CROSSING_DEADLINE_MS, async () => ((await w.remediation.inRemediation(m.suite.compliance)) ? true : undefined), 100);
    const document = ['--document-uri', 'https://docs.banka.example/write-off.pdf', '--document-sha256', 'ab'.repeat(32)];
    const early = await w.cli.refused('legal', 'propose', 'write-off', asset.assetId, '--reason', 'Too early.', ...document, '--as', ASSET_DESK.spvAdmin);
    t.is(early.code, 'REMEDIATION_WINDOW_OPEN', 'no write-off inside the window');
    clock.lap('remediation decided and carried, early write-off refused');

    // The one-day window passes (the ledger clock of every session in this process moves on).
    advanceLedgerClock(2 * DAY);
    const [supplyBefore] = (await m.morpho.market(m.market.id)) as [bigint];
    t.is((await decideLegally(w, 'write-off')).to, 'WRITTEN_OFF');
    clock.lap('write-off proposed and approved');
    await pollUntil('the write-off reaches the NavOracle', CROSSING_DEADLINE_MS, async () => (((await m.oracle.latestNav()) as { writtenOff: boolean }).writtenOff ? true : undefined), 100);
    clock.lap('WRITTEN_OFF on the ledger → oracle written off');
    t.is(await m.oracle.price(), 0n, 'the written-off collateral is worth nothing');

    // A permitted liquidator takes the worthless collateral; the debt it cannot cover is the lenders' loss.
    await mined('liquidate', as(m.morpho, liquidatorWallet).liquidate(m.params, holder.address, 10_000n, 0n, '0x'));
    const [supplyAfter] = (await m.morpho.market(m.market.id)) as [bigint];
    const [, borrowShares, collateral] = (await m.morpho.position(m.market.id, holder.address)) as [bigint, bigint, bigint];
    t.is(collateral, 0n);
    t.is(borrowShares, 0n, 'the debt is gone from the borrower');
    t.true(supplyBefore - supplyAfter >= DOLLARS(500_000n), `lenders took the loss: supply ${supplyBefore} → ${supplyAfter}`);
    await w.mineConfirmations();
    await pollUntil("the seizure moves anna's escrow to ben on the ledger", CROSSING_DEADLINE_MS, async () => ((await w.holding(ben)).escrowed === '10000' ? true : undefined), 100);
    clock.lap('liquidation → escrow moved on the ledger');
    await w.invariants(t, 'written off and liquidated', { wallets });
    const history = await w.cli.json<LegalHistory>('legal', 'history', asset.assetId, '--as', 'regulator/rita');
    t.deepEqual(history.transitions.map((step) => step.to), ['REMEDIATION', 'WRITTEN_OFF']);
  }),
);

test.serial('KYC expiry walks through grace, repay-only and frozen on both chains, and a renewal restores', (t) =>
  scenario(t, async (w, clock) => {
    const { m, asset, holder } = w;
    const anna = asset.investors.a1;
    const phase = async () => Number((await w.remediation.kycPhase(m.suite.compliance, holder.address)) as bigint);
    const ledgerNow = () => Math.floor(Date.now() / 1000) + ledgerClockOffset();
    const updateKyc = (kycExpiresAt: number) => w.cli.json('investor', 'update', w.cli.file(`${anna}-${kycExpiresAt}.json`, investorDocument(anna, { kycExpiresAt })), '--as', ASSET_DESK.officerA);
    /** Waits until every bank's node has run `rounds` whole passes begun after now (a pass ends before the next begins): what the banks would propose, sign and relay, they have. */
    const passesAfter = async (what: string, rounds: number) => {
      let marks = w.nodes.map(() => Date.now());
      for (let round = 0; round < rounds; round++) {
        const ended = (index: number) => Date.parse(w.nodes[index]!.lastPass?.at ?? '');
        await pollUntil(what, CROSSING_DEADLINE_MS, async () => (w.nodes.every((_, index) => ended(index) > marks[index]!) ? true : undefined), 50);
        marks = w.nodes.map((_, index) => ended(index));
      }
    };
    const openKycMessages = async () =>
      (JSON.parse(Buffer.from(await w.reader.contract('GatewayMessageContract').evaluateTransaction('ListOpenGatewayMessages', w.chainId)).toString('utf8')) as { type: string; fields: { wallet?: string } }[]).filter(
        (message) => message.type === 'SetKycPhase' && message.fields.wallet === holder.address,
      );
    const phaseBecomes = (expected: number, what: string) => pollUntil(what, CROSSING_DEADLINE_MS, async () => ((await phase()) === expected ? true : undefined), 100);
    const wallets = [holder.address];
    // anna's KYC runs out a day from now.
    await updateKyc(ledgerNow() + DAY);
    await w.bridgeOut(anna, holder, 10_000n);
    await mined('supplyCollateral', as(m.morpho, holder).supplyCollateral(m.params, 5_000n, holder.address, '0x'));
    t.is(await phase(), 0);
    clock.lap('KYC set to expire, bridged out, supplied');

    advanceLedgerClock(2 * DAY);
    // Three whole passes of every bank: a proposal, its signatures and its relay would all have happened.
    await passesAfter('the validators look at the expired KYC', 3);
    t.is(await phase(), 0, 'the grace period changes nothing');
    t.deepEqual(await openKycMessages(), [], 'nor is anything on its way');
    await mined('supplyCollateral', as(m.morpho, holder).supplyCollateral(m.params, 1_000n, holder.address, '0x'));
    clock.lap('grace: three passes of every bank, nothing carried');

    advanceLedgerClock(30 * DAY);
    await phaseBecomes(1, 'repay-only reaches the compliance module');
    clock.lap('repay-only on the ledger → on the EVM');
    await expectRevertReason(t, as(m.morpho, holder).supplyCollateral(m.params, 1_000n, holder.address, '0x'), 'transferFrom reverted');
    await mined('withdrawCollateral', as(m.morpho, holder).withdrawCollateral(m.params, 2_000n, holder.address, holder.address));
    await w.invariants(t, 'repay-only', { wallets });

    advanceLedgerClock(60 * DAY);
    await phaseBecomes(2, 'frozen reaches the compliance module');
    clock.lap('frozen on the ledger → on the EVM');
    await expectRevertReason(t, as(m.morpho, holder).withdrawCollateral(m.params, 1_000n, holder.address, holder.address), 'transfer reverted');

    await updateKyc(ledgerNow() + 500 * DAY);
    await phaseBecomes(0, 'the renewal reaches the compliance module');
    clock.lap('renewal recorded → current on the EVM');
    await mined('supplyCollateral', as(m.morpho, holder).supplyCollateral(m.params, 1_000n, holder.address, '0x'));
    t.is(((await m.morpho.position(m.market.id, holder.address)) as [bigint, bigint, bigint])[2], 5_000n);
    await w.invariants(t, 'renewed', { wallets });
  }),
);

test.serial('a maturing Treasury bill is redeemed at its NAV once its bridged units are home, and its units retire on both chains', (t) =>
  scenario(t, async (w, clock) => {
    const { m, asset, holder, cli } = w;
    const anna = asset.investors.a1;
    // The bill's value at maturity, $10,000,000 for its 1,000,000 base units (one whole unit), carried to the oracle.
    const nav = await navArrives(w, await w.appraise(1_000_000_000n, isoDate(1)));
    t.is(nav, 10_000_000n * 10n ** 18n);
    await w.bridgeOut(anna, holder, 25_000n);
    await w.invariants(t, 'bridged out', { wallets: [holder.address] });
    clock.lap('valued at maturity, bridged out');

    // The SPV proposes redemption at the NAV, in cents per whole unit; it cannot apply while units are bridged out.
    const id = `LEGAL-MATURITY-${asset.assetId}`;
    const pricePerUnit = ((nav * 100n) / 10n ** 18n).toString();
    const terms = ['--document-uri', `https://docs.banka.example/${asset.assetId}/maturity.pdf`, '--document-sha256', 'cd'.repeat(32), '--settlement-reference', 'UETR 1e6f3a52-5d9b-4c71-8a0e-2f4b6c8d9e10', '--currency', 'USD', '--price-per-unit', pricePerUnit];
    await cli.json('legal', 'propose', 'redeem', asset.assetId, '--id', id, '--reason', 'The bill matures today.', ...terms, '--as', ASSET_DESK.spvAdmin);
    await cli.json('legal', 'approve', id, '--reason', 'Maturity confirmed.', '--as', ASSET_DESK.officerA);
    const blocked = await cli.refused('legal', 'approve', id, '--reason', 'Maturity confirmed.', '--as', ASSET_DESK.officerB);
    t.is(blocked.code, 'REDEMPTION_UNITS_IN_ESCROW');
    clock.lap('redemption proposed, refused while units are bridged out');

    // anna brings her units home; the banks attest the burn.
    await mined('burnForRedeem', as(m.gateway, holder).burnForRedeem(m.suite.token, 25_000n, investorRef(anna)));
    await w.mineConfirmations();
    await pollUntil('the burn is released to anna on the ledger', CROSSING_DEADLINE_MS, async () => ((await w.holding(anna)).escrowed === '0' ? true : undefined), 100);
    clock.lap('burn mined → released on the ledger');
    t.is((await w.escrow()).escrowed, '0');
    t.is(await m.token.totalSupply(), 0n, 'no unit left on the EVM chain');
    await w.invariants(t, 'home', { wallets: [holder.address] });

    const applied = await cli.json<{ status: string; to: string }>('legal', 'approve', id, '--reason', 'Maturity confirmed.', '--as', ASSET_DESK.officerB);
    t.deepEqual([applied.status, applied.to], ['APPLIED', 'REDEEMED']);
    clock.lap('redemption applied');
    const history = await cli.json<LegalHistory>('legal', 'history', asset.assetId, '--as', 'regulator/rita');
    const retired = history.transitions.at(-1)?.redemption;
    t.is(retired?.unitsRetired, '1000000');
    t.deepEqual(
      retired?.holders.map((holding) => [holding.investorId, holding.units, holding.cash]),
      [
        [anna, ALLOCATIONS.a1.toString(), '500000000'],
        [asset.investors.a2, ALLOCATIONS.a2.toString(), '300000000'],
        [asset.investors.b1, ALLOCATIONS.b1.toString(), '200000000'],
      ],
      'each holder receives the NAV pro rata, in cents',
    );
    const again = await cli.refused('bridge', 'out', asset.assetId, anna, '--chain', w.chainId, '--wallet', holder.address, '--amount', '1000', '--as', 'bankA/operator1');
    t.is(again.code, 'ASSET_LEGALLY_CLOSED', 'a redeemed asset is bridged no more');
  }),
);
