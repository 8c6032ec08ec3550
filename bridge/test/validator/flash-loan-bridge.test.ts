import '@trestle/chaincode/src/testing/quiet-fabric-logs';
import test from 'ava';

// Serial, like every devnet test here.
import path from 'node:path';
import { getAddress, Interface, Wallet } from 'ethers';
import type { EscrowMoveRecord } from '@trestle/compliance/src/bridge/escrow-move';
import type { HoldingRecord } from '@trestle/compliance/src/ledger/holding';
import { AssetContract } from '@trestle/chaincode/src/assets/asset-contract';
import { BridgeContract } from '@trestle/chaincode/src/bridge/bridge-contract';
import { escrowOf } from '@trestle/chaincode/src/testing/bridge-story';
import { tx } from '@trestle/chaincode/src/testing/ledger-cast';
import { ASSET_ID } from '@trestle/chaincode/src/testing/ledger-documents';
import { INVESTORS } from '@trestle/chaincode/src/testing/ledger-story';
import { DESK } from '@trestle/chaincode/src/testing/transfer-story';
import type { DeployedContract } from '../../src/evm/deploy-contract';
import { FileCheckpoint } from '../../src/plugin/public-api';
import { EscrowMoveWatcher } from '../../src/validator/escrow-move-watcher';
import { bridgeOutAndMint, chaincodeBridge, CONFIRMATIONS, type ChaincodeBridge } from '../support/chaincode-ledgers';
import { DOLLARS, expectRevertReason, LEGAL_STATE, marketFixture, type MarketFixture } from '../support/fixtures';
import { expectRevert } from '../support/errors';
import { callOf, deployFlashBorrower } from '../support/flash-borrower';
import { tempDir } from './validator-keys';
import { bindBenAndChloe } from '../support/bound-holders';

// Morpho Blue flash loans of bridged ERC-3643 units, judged by two banks' escrow-move watchers
// against the chaincode run in process on the stubbed context (a test stub: no Fabric peer here).
// Morpho lends out everything it holds of a token, collateral included, so a flash loan of the
// collateral token takes the units suppliers deposited and must give them back in the same call.

// Morpho 1.0 emits its events from a library, so its compiled ABI (solc 0.8.19) does not list them.
const FLASH_LOAN = new Interface(['event FlashLoan(address indexed caller, address indexed token, uint256 assets)']);
const as = (contract: DeployedContract, wallet: Wallet) => contract.connect(wallet) as DeployedContract;

/** A market with 10,000 units bridged to anna, ben and chloe bound, and 5,000 in Morpho: 3,000 anna's own collateral, 2,000 supplied on chloe's behalf (already stated). */
interface FlashStage {
  readonly s: ChaincodeBridge<MarketFixture>;
  readonly m: MarketFixture;
  readonly ben: Wallet;
  readonly chloe: Wallet;
  readonly morpho: string;
  /** Both banks' watchers over the final blocks since the stage began; they resume from their checkpoints. */
  watch(): Promise<{ attested: number; unexplained: number }>;
  /** The escrow the ledger attributes to each investor, and the pool's total. */
  escrows(): Promise<{ anna: string; ben: string; chloe: string; pool: string }>;
}

async function flashStage(): Promise<FlashStage> {
  const s = await chaincodeBridge(() => marketFixture({ decimals: 6 }));
  const m = s.a;
  const dir = await tempDir('flash-loans');
  const startBlock = await m.provider.getBlockNumber();
  const morpho = await m.morpho.getAddress();
  await bridgeOutAndMint(s, 'B-1', 10_000n);
  const { ben, chloe } = await bindBenAndChloe(s);
  await (await as(m.token, s.holder).approve(morpho, 5_000n)).wait();
  await (await as(m.morpho, s.holder).supplyCollateral(m.params, 3_000n, s.holder.address, '0x')).wait();
  await (await as(m.morpho, s.holder).supplyCollateral(m.params, 2_000n, chloe.address, '0x')).wait();

  const watch = async () => {
    for (let block = 0; block < CONFIRMATIONS; block++) await m.provider.send('evm_mine', []);
    let attested = 0;
    let unexplained = 0;
    for (const index of [0, 1]) {
      const checkpoint = new FileCheckpoint(path.join(dir, `moves-${index}.json`));
      const watcher = new EscrowMoveWatcher({ provider: m.provider, ledger: s.ledgers[index]!, checkpoint, gateway: s.gateway, tokens: [m.suite.token], venues: [morpho], confirmations: CONFIRMATIONS, startBlock });
      const pass = await watcher.poll();
      attested += pass.attested.length;
      unexplained += pass.unexplained;
    }
    return { attested, unexplained };
  };
  // The setup's one move (anna → chloe through Morpho) is stated before any test looks.
  const setup = await watch();
  if (setup.attested !== 2 || setup.unexplained !== 0) throw new Error(`the setup stated ${setup.attested} moves (${setup.unexplained} unexplained), expected 2 (0)`);
  const escrowed = async (investorId: string) => (JSON.parse(await new AssetContract().GetHolding(tx(DESK.regulator, s.worldState).ctx, ASSET_ID, investorId)) as HoldingRecord).escrowed;
  const escrows = async () => ({ anna: await escrowed(INVESTORS.annaA), ben: await escrowed(INVESTORS.benA), chloe: await escrowed(INVESTORS.chloeB), pool: (await escrowOf(s.worldState)).escrowed });
  return { s, m, ben, chloe, morpho, watch, escrows };
}

/** The ledger's record of the move a token Transfer log stated. */
async function moveRecord(stage: FlashStage, txHash: string, logIndex: number): Promise<EscrowMoveRecord> {
  return JSON.parse(await new BridgeContract().GetEscrowMove(tx(DESK.regulator, stage.s.worldState).ctx, stage.m.chainId.toString(), txHash, String(logIndex))) as EscrowMoveRecord;
}

type ReceiptLog = { readonly address: string; readonly topics: readonly string[]; readonly data: string; readonly transactionHash: string; readonly index: number };

/** The token's Transfer logs in a receipt, in order. */
function transferLogs(m: MarketFixture, receipt: { readonly logs: readonly ReceiptLog[] }): { from: string; to: string; amount: bigint; log: ReceiptLog }[] {
  return receipt.logs.flatMap((log) => {
    const parsed = getAddress(log.address) === getAddress(m.suite.token) ? m.token.interface.parseLog(log) : null;
    return parsed?.name === 'Transfer' ? [{ from: getAddress(parsed.args[0] as string), to: getAddress(parsed.args[1] as string), amount: parsed.args[2] as bigint, log }] : [];
  });
}

/** The token's transfers in a receipt, in order, as [from, to, amount]. */
const transfersIn = (m: MarketFixture, receipt: { readonly logs: readonly ReceiptLog[] }): [string, string, bigint][] => transferLogs(m, receipt).map(({ from, to, amount }) => [from, to, amount]);

test.serial('a flash borrower without an identity on the token cannot take the units: T-REX refuses Morpho\'s payout ("Transfer not possible"), Morpho reports "transfer reverted", and keeps every unit', async (t) => {
  const stage = await flashStage();
  const { m, morpho } = stage;
  const borrower = await deployFlashBorrower(m, { verified: false });
  t.false(await m.identityRegistry.isVerified(borrower.address));

  // Morpho calls the token at low level and replaces its reason with its own.
  await expectRevertReason(t, borrower.borrow(5_000n), 'transfer reverted');
  // The reason underneath: T-REX sends only to verified identities.
  await expectRevertReason(t, as(m.token, stage.s.holder).transfer(borrower.address, 1n), 'Transfer not possible');
  t.is(await m.token.balanceOf(morpho), 5_000n);
  t.is(await m.token.balanceOf(borrower.address), 0n);
  t.deepEqual(await stage.watch(), { attested: 0, unexplained: 0 });
  t.deepEqual(await stage.escrows(), { anna: '8000', ben: '0', chloe: '2000', pool: '10000' });
});

test.serial('a verified flash borrower borrows all the collateral Morpho holds, also in two nested loans of equal size, and returns it: no move is stated and the escrow stays with its holders', async (t) => {
  const stage = await flashStage();
  const { m, morpho } = stage;
  const borrower = await deployFlashBorrower(m, { verified: true });

  // Only its owner starts a loan, and only Morpho runs its callback.
  await expectRevert(t, as(borrower.contract, stage.ben).borrow(m.suite.token, 5_000n, []), borrower.contract, 'FlashBorrowerUnauthorized');
  await expectRevert(t, as(borrower.contract, borrower.owner).onMorphoFlashLoan(5_000n, '0x'), borrower.contract, 'FlashBorrowerNotMorpho');

  const receipt = await borrower.borrow(5_000n);
  t.deepEqual(transfersIn(m, receipt), [[morpho, borrower.address, 5_000n], [borrower.address, morpho, 5_000n]], 'the units really left Morpho and came back');
  const flashLoans = receipt.logs.filter((log) => getAddress(log.address) === morpho).map((log) => FLASH_LOAN.parseLog(log)).filter((parsed) => parsed !== null);
  t.deepEqual(flashLoans.map((parsed) => [...parsed.args]), [[borrower.address, getAddress(m.suite.token), 5_000n]]);

  // The borrower re-enters Morpho for a second loan of the same size while it holds the first.
  const inner = m.morpho.interface.getAbiCoder().encode(['address', 'tuple(address target, bytes data)[]'], [m.suite.token, []]);
  const nested = await borrower.borrow(2_500n, [await callOf(m.morpho, 'flashLoan', [m.suite.token, 2_500n, inner])]);
  t.deepEqual(transfersIn(m, nested), [
    [morpho, borrower.address, 2_500n],
    [morpho, borrower.address, 2_500n],
    [borrower.address, morpho, 2_500n],
    [borrower.address, morpho, 2_500n],
  ]);

  t.is(await m.token.balanceOf(morpho), 5_000n);
  t.is(await m.token.balanceOf(borrower.address), 0n);
  t.deepEqual(await stage.watch(), { attested: 0, unexplained: 0 });
  t.deepEqual(await stage.escrows(), { anna: '8000', ben: '0', chloe: '2000', pool: '10000' });
});

test.serial('during its flash loan a verified borrower may send units to a verified third wallet and repay from units of its own: the watchers state that transfer from the borrower contract, which is bound to nobody, so the ledger records it and moves no escrow; a third wallet without identity fails the whole loan', async (t) => {
  const stage = await flashStage();
  const { m, ben, morpho } = stage;
  const borrower = await deployFlashBorrower(m, { verified: true });
  await (await as(m.token, stage.s.holder).transfer(borrower.address, 1_000n)).wait();
  t.deepEqual(await stage.watch(), { attested: 2, unexplained: 0 }, 'anna → borrower contract: stated, though the contract is bound to nobody');

  const stranger = Wallet.createRandom().address;
  await expectRevertReason(t, borrower.borrow(5_000n, [await callOf(m.token, 'transfer', [stranger, 1_000n])]), 'Transfer not possible');
  t.is(await m.token.balanceOf(stranger), 0n);

  const receipt = await borrower.borrow(5_000n, [await callOf(m.token, 'transfer', [ben.address, 1_000n])]);
  t.is(await m.token.balanceOf(ben.address), 1_000n);
  t.is(await m.token.balanceOf(borrower.address), 0n, 'the repayment took the borrower\'s own 1,000');
  t.is(await m.token.balanceOf(morpho), 5_000n);
  t.deepEqual(await stage.watch(), { attested: 2, unexplained: 0 }, 'the transfer to ben, by two banks; the loan itself moves nothing');

  const toBen = transferLogs(m, receipt).find(({ to }) => to === ben.address)!.log;
  const record = await moveRecord(stage, toBen.transactionHash, toBen.index);
  t.like(record.attestations[0]!.event, { from: borrower.address, to: ben.address, amount: '1000', venue: null });
  t.like(record, { status: 'APPLIED', applied: { fromInvestorId: null, toInvestorId: INVESTORS.benA, moved: '0' } });
  t.regex(record.applied!.note ?? '', /sending wallet is not bound/);
  t.deepEqual(await stage.escrows(), { anna: '8000', ben: '0', chloe: '2000', pool: '10000' }, 'the units anna gave the contract stay attributed to her');
});

test.serial('in REMEDIATION a flash loan of the collateral fails as a whole: RemediationModule refuses the repayment into Morpho (a venue), so Morpho keeps every unit; withdrawals and stablecoin flash loans still work, and back to normal collateral flash loans do too', async (t) => {
  const stage = await flashStage();
  const { m, morpho, s } = stage;
  const borrower = await deployFlashBorrower(m, { verified: true });
  await m.setLegalState(LEGAL_STATE.Remediation);

  t.true(await m.compliance.canTransfer(morpho, borrower.address, 5_000n), 'the payout out of Morpho is allowed');
  t.false(await m.compliance.canTransfer(borrower.address, morpho, 5_000n), 'the repayment into Morpho is not');
  await expectRevertReason(t, borrower.borrow(5_000n), 'transferFrom reverted');
  t.is(await m.token.balanceOf(morpho), 5_000n);
  t.is(await m.token.balanceOf(borrower.address), 0n);

  await (await as(m.morpho, s.holder).withdrawCollateral(m.params, 1_000n, s.holder.address, s.holder.address)).wait();
  t.is(await m.token.balanceOf(morpho), 4_000n, 'a holder still takes collateral home');
  // Unwinding a loan flash-borrows the loan token, which no ERC-3643 module sees.
  const dollars = await m.stablecoin.getAddress();
  const stable = await borrower.borrow(DOLLARS(10_000n), [], dollars);
  t.true(stable.logs.some((log) => getAddress(log.address) === morpho && FLASH_LOAN.parseLog(log)?.args[1] === dollars), 'a flash loan of the stablecoin still works');

  await m.setLegalState(LEGAL_STATE.Normal);
  const receipt = await borrower.borrow(4_000n);
  t.is(transfersIn(m, receipt).length, 2);
  t.deepEqual(await stage.watch(), { attested: 0, unexplained: 0 });
  t.deepEqual(await stage.escrows(), { anna: '8000', ben: '0', chloe: '2000', pool: '10000' });
});

test.serial('a flash loan does not hide a collateral withdrawal of the same size in its transaction: chloe\'s 500 withdrawn to ben by her authorized borrower during a 500 loan move her escrow to ben', async (t) => {
  const stage = await flashStage();
  const { m, ben, chloe, morpho } = stage;
  const borrower = await deployFlashBorrower(m, { verified: true });
  await (await as(m.morpho, chloe).setAuthorization(borrower.address, true)).wait();

  const receipt = await borrower.borrow(500n, [await callOf(m.morpho, 'withdrawCollateral', [m.params, 500n, chloe.address, ben.address])]);
  t.deepEqual(transfersIn(m, receipt), [[morpho, borrower.address, 500n], [morpho, ben.address, 500n], [borrower.address, morpho, 500n]]);
  t.deepEqual(await stage.watch(), { attested: 2, unexplained: 0 }, 'chloe → ben, by two banks');
  const withdrawal = transferLogs(m, receipt)[1]!.log;
  t.like(await moveRecord(stage, withdrawal.transactionHash, withdrawal.index), { status: 'APPLIED', applied: { fromInvestorId: INVESTORS.chloeB, toInvestorId: INVESTORS.benA, moved: '500' } });
  t.deepEqual(await stage.escrows(), { anna: '8000', ben: '500', chloe: '1500', pool: '10000' });
});

test.serial('a flash loan does not hide a collateral supply of the same size in its transaction: the borrower supplying 1,000 of its own units for ben during a 1,000 loan is stated as its move to ben', async (t) => {
  const stage = await flashStage();
  const { m, ben, morpho } = stage;
  const borrower = await deployFlashBorrower(m, { verified: true });
  await (await as(m.token, stage.s.holder).transfer(borrower.address, 1_000n)).wait();
  t.deepEqual(await stage.watch(), { attested: 2, unexplained: 0 });

  const receipt = await borrower.borrow(1_000n, [await callOf(m.token, 'approve', [morpho, 1_000n]), await callOf(m.morpho, 'supplyCollateral', [m.params, 1_000n, ben.address, '0x'])]);
  t.deepEqual(transfersIn(m, receipt), [[morpho, borrower.address, 1_000n], [borrower.address, morpho, 1_000n], [borrower.address, morpho, 1_000n]]);
  const [, , collateral] = (await m.morpho.position(m.market.id, ben.address)) as [bigint, bigint, bigint];
  t.is(collateral, 1_000n);
  t.deepEqual(await stage.watch(), { attested: 2, unexplained: 0 }, 'borrower → ben through Morpho, by two banks; the loan and its repayment move nothing');

  // The first of the two pulls is the supply: the repayment comes after the callback.
  const [, supplyLog, repaymentLog] = transferLogs(m, receipt).map(({ log }) => log);
  const record = await moveRecord(stage, supplyLog!.transactionHash, supplyLog!.index);
  t.like(record.attestations[0]!.event, { from: borrower.address, to: ben.address, amount: '1000', venue: morpho });
  await t.throwsAsync(moveRecord(stage, repaymentLog!.transactionHash, repaymentLog!.index), { message: /BRIDGE_MOVE_UNKNOWN/ }, 'the repayment is stated by nobody');
});
