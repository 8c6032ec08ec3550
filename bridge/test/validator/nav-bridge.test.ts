import test from 'ava';

// Serial, like every devnet test here.
import { AssetContract } from '@trestle/chaincode/src/assets/asset-contract';
import { CAST, tx, unixSeconds } from '@trestle/chaincode/src/testing/ledger-cast';
import { ASSET_ID, json, valuationDocument } from '@trestle/chaincode/src/testing/ledger-documents';
import { decide, legalAction } from '@trestle/chaincode/src/testing/legal-story';
import { AFTER_LOCKUP } from '@trestle/chaincode/src/testing/transfer-story';
import type { DeployedContract } from '../../src/evm/deploy-contract';
import { GatewayMessageRelayer } from '../../src/relayer/gateway-message-relayer';
import { GatewayMessageSigning } from '../../src/validator/gateway-message-signing';
import { LedgerMirror } from '../../src/validator/ledger-mirror';
import { bridgeOutAndMint, chaincodeBridge, type ChaincodeBridge } from '../support/chaincode-ledgers';
import { DOLLARS, marketFixture, type MarketFixture } from '../support/fixtures';

const DAY_MS = 86_400_000;
// The oracle refuses a NAV whose validity has passed on the chain, and other devnet tests move the
// chain's clock forward (by years in all): valuations here stay valid well beyond that.
const VALID_UNTIL = unixSeconds('2036-01-01T00:00:00Z');

/** Bank A's mirror proposes, all three banks sign (a NAV far from the last needs the super threshold), bank C relays. */
async function mirror(s: ChaincodeBridge<MarketFixture>): Promise<string[]> {
  const drift = await new LedgerMirror(s.messages[0]!).pass();
  for (const index of [0, 1, 2]) await new GatewayMessageSigning({ signer: s.signers[index]!, ledger: s.messages[index]! }).signOpen();
  const outcomes = await new GatewayMessageRelayer({ ledger: s.messages[2]!, gateway: s.gateway, sender: s.relayerAccount }).relayOpen();
  return [...drift.map((entry) => `proposed ${entry.type}`), ...outcomes.map((outcome) => `${outcome.kind} ${outcome.type}`)];
}

test.serial('a valuation on the ledger prices the collateral; a write-off on the ledger prices it at zero and Morpho books the bad debt against lenders', async (t) => {
  // The token carries the ledger asset's 6 decimals, so base units and NAV per unit mean the same on both sides.
  const s = await chaincodeBridge(() => marketFixture({ decimals: 6 }));
  const m = s.a;
  const as = (contract: DeployedContract, wallet = s.holder) => contract.connect(wallet) as DeployedContract;

  // An independent appraiser values the building in dollars: $100,000,000 for the 1,000,000 base units (one whole unit).
  const revaluation = valuationDocument({ amount: '10000000000', currency: 'USD', effectiveDate: '2026-05-01', validUntil: VALID_UNTIL });
  await new AssetContract().RecordValuation(tx(CAST.appraiser, s.worldState, { at: AFTER_LOCKUP }).ctx, ASSET_ID, json(revaluation));
  t.deepEqual(await mirror(s), ['proposed Nav', 'relayed Nav']);
  const published = (await m.oracle.latestNav()) as { navPerUnit: bigint; valuationSeq: bigint };
  t.is(published.navPerUnit, 100_000_000n * 10n ** 18n);
  t.is(published.valuationSeq, 2n, 'numbered by the ledger valuation');
  t.deepEqual(await mirror(s), [], 'nothing left to carry');

  // anna bridges 10,000 base units (0.01 unit, $1,000,000), supplies them and borrows $500,000.
  await bridgeOutAndMint(s, 'B-1', 10_000n);
  await (await as(m.token).approve(await m.morpho.getAddress(), 2n ** 256n - 1n)).wait();
  await (await as(m.morpho).supplyCollateral(m.params, 10_000n, s.holder.address, '0x')).wait();
  await (await as(m.morpho).borrow(m.params, DOLLARS(500_000n), 0n, s.holder.address, s.holder.address)).wait();

  await decide(s.worldState, legalAction('L-1', 'start-remediation'), { at: AFTER_LOCKUP });
  t.deepEqual(await mirror(s), ['proposed SetLegalState', 'relayed SetLegalState']);
  await decide(s.worldState, legalAction('L-2', 'write-off'), { at: new Date(AFTER_LOCKUP.getTime() + 91 * DAY_MS) });
  t.deepEqual(await mirror(s), ['proposed WriteOff', 'relayed WriteOff']);
  t.is(await m.oracle.price(), 0n, 'the written-off collateral is worth nothing');

  const [supplyBefore] = (await m.morpho.market(m.market.id)) as [bigint];
  const liquidator = await m.fundedAccount();
  await (await as(m.morpho, liquidator).liquidate(m.params, s.holder.address, 10_000n, 0n, '0x')).wait();
  const [supplyAfter] = (await m.morpho.market(m.market.id)) as [bigint];
  const [, borrowShares, collateral] = (await m.morpho.position(m.market.id, s.holder.address)) as [bigint, bigint, bigint];
  t.is(collateral, 0n);
  t.is(borrowShares, 0n, 'the debt is gone from the borrower');
  t.true(supplyBefore - supplyAfter >= DOLLARS(500_000n), `lenders took the loss: supply ${supplyBefore} → ${supplyAfter}`);
});
