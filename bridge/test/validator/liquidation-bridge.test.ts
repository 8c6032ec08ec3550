import test from 'ava';

// Serial, like every devnet test here.
import path from 'node:path';
import { investorRef } from '@trestle/compliance/src/bridge/investor-ref';
import type { HoldingRecord } from '@trestle/compliance/src/ledger/holding';
import { AssetContract } from '@trestle/chaincode/src/assets/asset-contract';
import { escrowOf } from '@trestle/chaincode/src/testing/bridge-story';
import { CAST, tx, unixSeconds } from '@trestle/chaincode/src/testing/ledger-cast';
import { ASSET_ID, json, valuationDocument } from '@trestle/chaincode/src/testing/ledger-documents';
import { decide, legalAction, legalHistoryOf } from '@trestle/chaincode/src/testing/legal-story';
import { INVESTORS } from '@trestle/chaincode/src/testing/ledger-story';
import type { WorldState } from '@trestle/chaincode/src/testing/stub-context';
import { signBinding } from '@trestle/chaincode/src/testing/test-wallets';
import { AFTER_LOCKUP, DESK, unitsOnLedger } from '@trestle/chaincode/src/testing/transfer-story';
import { WalletContract } from '@trestle/chaincode/src/wallets/wallet-contract';
import { mined } from '../../src/evm/deploy/steps';
import type { DeployedContract } from '../../src/evm/deploy-contract';
import { BurnWatcher, FileCheckpoint } from '../../src/plugin/public-api';
import { GatewayMessageRelayer } from '../../src/relayer/gateway-message-relayer';
import { GatewayMessageSigning } from '../../src/validator/gateway-message-signing';
import { EscrowMoveWatcher } from '../../src/validator/escrow-move-watcher';
import { LedgerMirror } from '../../src/validator/ledger-mirror';
import { bridgeOutAndMint, chaincodeBridge, CONFIRMATIONS, type ChaincodeBridge } from '../support/chaincode-ledgers';
import { DOLLARS, expectRevertReason, marketFixture, type MarketFixture } from '../support/fixtures';
import { tempDir } from './validator-keys';

const appraiser = new AssetContract();
// The oracle refuses a NAV whose validity has passed on the chain, and other devnet tests move the
// chain's clock forward (by years in all): valuations here stay valid well beyond that.
const VALID_UNTIL = unixSeconds('2036-01-01T00:00:00Z');

/** Records an independent appraisal in dollars (cents) and carries it to the oracle (all three banks sign: a NAV far from the last needs the super threshold). */
async function appraise(s: ChaincodeBridge<MarketFixture>, dollars: bigint, effectiveDate: string): Promise<void> {
  await appraiser.RecordValuation(tx(CAST.appraiser, s.worldState, { at: AFTER_LOCKUP }).ctx, ASSET_ID, json(valuationDocument({ amount: (dollars * 100n).toString(), currency: 'USD', effectiveDate, validUntil: VALID_UNTIL })));
  await new LedgerMirror(s.messages[0]!).pass();
  for (const index of [0, 1, 2]) await new GatewayMessageSigning({ signer: s.signers[index]!, ledger: s.messages[index]! }).signOpen();
  await new GatewayMessageRelayer({ ledger: s.messages[2]!, gateway: s.gateway, sender: s.relayerAccount }).relayOpen();
}

const holdingOf = async (worldState: WorldState, investorId: string) => JSON.parse(await appraiser.GetHolding(tx(DESK.regulator, worldState).ctx, ASSET_ID, investorId)) as HoldingRecord;

/** DESIGN.md §9 invariants 1 and 2 for the story's asset: units conserved on the ledger, EVM supply within the escrow. */
async function invariantsHold(s: ChaincodeBridge<MarketFixture>): Promise<boolean> {
  const escrow = await escrowOf(s.worldState);
  const units = unitsOnLedger(s.worldState, tx(DESK.regulator, s.worldState).ctx) + BigInt(escrow.suspense);
  return units === 1_000_000n && ((await s.a.token.totalSupply()) as bigint) <= BigInt(escrow.escrowed);
}

test.serial('a 30% re-appraisal makes a loan unhealthy; only a permitted liquidator liquidates, bridges the units home, and the SPV redeems every holder pro rata', async (t) => {
  const s = await chaincodeBridge(() => marketFixture({ decimals: 6 }));
  const m = s.a;
  const as = (contract: DeployedContract, wallet = s.holder) => contract.connect(wallet) as DeployedContract;
  // $100,000,000 for the building's 1,000,000 base units (one whole unit at 6 decimals).
  await appraise(s, 100_000_000n, '2026-04-01');
  t.true(await invariantsHold(s));

  // anna bridges 10,000 base units ($1,000,000), supplies them and borrows $700,000 (LLTV 77%).
  await bridgeOutAndMint(s, 'B-1', 10_000n);
  await (await as(m.token).approve(await m.morpho.getAddress(), 2n ** 256n - 1n)).wait();
  await (await as(m.morpho).supplyCollateral(m.params, 10_000n, s.holder.address, '0x')).wait();
  await (await as(m.morpho).borrow(m.params, DOLLARS(700_000n), 0n, s.holder.address, s.holder.address)).wait();
  t.true(await invariantsHold(s));

  // The building is re-appraised 30% lower: $700,000 of collateral, $539,000 of borrowing power.
  await appraise(s, 70_000_000n, '2026-05-01');
  t.is(((await m.oracle.latestNav()) as { navPerUnit: bigint }).navPerUnit, 70_000_000n * 10n ** 18n);

  const outsider = await m.fundedAccount({ dollars: DOLLARS(1_000_000n), kyc: false });
  await expectRevertReason(t, as(m.morpho, outsider).liquidate(m.params, s.holder.address, 10_000n, 0n, '0x'), 'transfer reverted');

  // ben, an investor of BankA, liquidates from a wallet verified on the token and bound to him on the ledger.
  const liquidator = await m.fundedAccount({ dollars: DOLLARS(1_000_000n) });
  const binding = await signBinding(liquidator, { investorId: INVESTORS.benA, bank: 'BankAMSP', chainId: m.chainId });
  await new WalletContract().BindWallet(tx(DESK.requesterA, s.worldState).ctx, INVESTORS.benA, liquidator.address, m.chainId.toString(), '1', binding);
  const beforeLiquidation = await m.provider.getBlockNumber();
  await (await as(m.morpho, liquidator).liquidate(m.params, s.holder.address, 10_000n, 0n, '0x')).wait();
  t.is(await m.token.balanceOf(liquidator.address), 10_000n);

  // Two banks' watchers state the seizure as a move from anna to ben: the escrow follows the units.
  for (let block = 0; block < CONFIRMATIONS; block++) await m.provider.send('evm_mine', []);
  const movesDir = await tempDir('liquidation-moves');
  for (const index of [0, 1]) {
    const venues = [await m.morpho.getAddress()];
    await new EscrowMoveWatcher({ provider: m.provider, ledger: s.ledgers[index]!, checkpoint: new FileCheckpoint(path.join(movesDir, `bank-${index}.json`)), gateway: s.gateway, tokens: [m.suite.token], venues, confirmations: CONFIRMATIONS, startBlock: beforeLiquidation }).poll();
  }
  t.is((await holdingOf(s.worldState, INVESTORS.annaA)).escrowed, '0', "anna's escrow went with her collateral");
  t.is((await holdingOf(s.worldState, INVESTORS.benA)).escrowed, '10000', 'to the liquidator who seized it');

  // ben bridges the seized units home: two banks attest the burn after the confirmations.
  const startBlock = await m.provider.getBlockNumber();
  await mined('burnForRedeem', as(m.gateway, liquidator).burnForRedeem(m.suite.token, 10_000n, investorRef(INVESTORS.benA)));
  for (let block = 0; block < CONFIRMATIONS; block++) await m.provider.send('evm_mine', []);
  const dir = await tempDir('liquidation-burns');
  for (const index of [0, 1]) {
    const watcher = new BurnWatcher({ provider: m.provider, gateway: m.gateway, ledger: s.ledgers[index]!, checkpoint: new FileCheckpoint(path.join(dir, `bank-${index}.json`)), validator: m.validators[index]!.address, confirmations: CONFIRMATIONS, startBlock });
    await watcher.poll();
  }
  t.is((await holdingOf(s.worldState, INVESTORS.benA)).balance, '310000', "ben's 300,000 and the 10,000 he seized");
  t.is((await holdingOf(s.worldState, INVESTORS.benA)).escrowed, '0', "the burn released ben's own escrow");
  t.is((await escrowOf(s.worldState)).escrowed, '0');
  t.is(await m.token.totalSupply(), 0n);
  t.true(await invariantsHold(s));

  // The SPV sells the building at the re-appraised $70,000,000 and redeems every unit.
  const sale = { cashSettlement: { reference: 'UETR 5b3f0c1e-7d0e-4a8e-9f57-3d2c1b0a9e8f', currency: 'USD', pricePerUnit: '7000000000' } };
  await decide(s.worldState, legalAction('L-1', 'redeem', sale), { at: AFTER_LOCKUP });
  const redemption = (await legalHistoryOf(s.worldState)).transitions.at(-1)?.redemption;
  t.is(redemption?.unitsRetired, '1000000');
  t.deepEqual(
    redemption?.holders.map((holder) => [holder.investorId, holder.units, holder.cash]),
    [
      [INVESTORS.annaA, '590000', '4130000000'],
      [INVESTORS.benA, '310000', '2170000000'],
      [INVESTORS.chloeB, '100000', '700000000'],
    ],
    'each holder gets the sale price pro rata, in cents',
  );
});
