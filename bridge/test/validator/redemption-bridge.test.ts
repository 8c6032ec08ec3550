import test from 'ava';

// Serial, like every devnet test here.
import path from 'node:path';
import { investorRef } from '@trestle/compliance/src/bridge/investor-ref';
import { isTrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { AssetContract } from '@trestle/chaincode/src/assets/asset-contract';
import { BridgeContract } from '@trestle/chaincode/src/bridge/bridge-contract';
import { bridgeOutRequest, escrowOf } from '@trestle/chaincode/src/testing/bridge-story';
import { CAST, tx, unixSeconds } from '@trestle/chaincode/src/testing/ledger-cast';
import { ASSET_ID, json, valuationDocument } from '@trestle/chaincode/src/testing/ledger-documents';
import { approve, BENCH, legalAction, legalHistoryOf, propose } from '@trestle/chaincode/src/testing/legal-story';
import { INVESTORS } from '@trestle/chaincode/src/testing/ledger-story';
import { AFTER_LOCKUP, DESK } from '@trestle/chaincode/src/testing/transfer-story';
import { mined } from '../../src/evm/deploy/steps';
import type { DeployedContract } from '../../src/evm/deploy-contract';
import { BurnWatcher, FileCheckpoint } from '../../src/plugin/public-api';
import { GatewayMessageRelayer } from '../../src/relayer/gateway-message-relayer';
import { GatewayMessageSigning } from '../../src/validator/gateway-message-signing';
import { LedgerMirror } from '../../src/validator/ledger-mirror';
import { bridgeOutAndMint, chaincodeBridge, CONFIRMATIONS } from '../support/chaincode-ledgers';
import { marketFixture } from '../support/fixtures';
import { tempDir } from './validator-keys';

// Valuations valid well beyond the clock other devnet tests move forward.
const VALID_UNTIL = unixSeconds('2036-01-01T00:00:00Z');
const at = { at: AFTER_LOCKUP };

test.serial('a maturing asset is redeemed at its NAV once its bridged units are home, and its units retire on both chains', async (t) => {
  const s = await chaincodeBridge(() => marketFixture({ decimals: 6 }));
  const m = s.a;
  // The bill's value at maturity, $10,000,000 for its 1,000,000 base units (one whole unit), published to the oracle.
  await new AssetContract().RecordValuation(tx(CAST.appraiser, s.worldState, at).ctx, ASSET_ID, json(valuationDocument({ amount: '1000000000', currency: 'USD', effectiveDate: '2026-05-01', validUntil: VALID_UNTIL })));
  await new LedgerMirror(s.messages[0]!).pass();
  for (const index of [0, 1, 2]) await new GatewayMessageSigning({ signer: s.signers[index]!, ledger: s.messages[index]! }).signOpen();
  await new GatewayMessageRelayer({ ledger: s.messages[2]!, gateway: s.gateway, sender: s.relayerAccount }).relayOpen();
  const nav = ((await m.oracle.latestNav()) as { navPerUnit: bigint }).navPerUnit;
  t.is(nav, 10_000_000n * 10n ** 18n);
  await bridgeOutAndMint(s, 'B-1', 25_000n);

  // At maturity the SPV proposes redemption at the NAV, in cents per whole unit; it cannot apply while units are bridged out.
  const pricePerUnit = ((nav * 100n) / 10n ** 18n).toString();
  const redemption = legalAction('L-MATURITY', 'redeem', { cashSettlement: { reference: 'UETR 1e6f3a52-5d9b-4c71-8a0e-2f4b6c8d9e10', currency: 'USD', pricePerUnit } });
  await propose(s.worldState, redemption, BENCH.spvAdmin, at);
  await approve(s.worldState, BENCH.officerA, 'L-MATURITY', at);
  const blocked = await t.throwsAsync(approve(s.worldState, BENCH.officerB, 'L-MATURITY', at));
  t.true(isTrestleError(blocked, 'REDEMPTION_UNITS_IN_ESCROW'), String(blocked?.message));

  // anna brings her units home; two banks attest the burn.
  const startBlock = await m.provider.getBlockNumber();
  await mined('burnForRedeem', (m.gateway.connect(s.holder) as DeployedContract).burnForRedeem(m.suite.token, 25_000n, investorRef(INVESTORS.annaA)));
  for (let block = 0; block < CONFIRMATIONS; block++) await m.provider.send('evm_mine', []);
  const dir = await tempDir('maturity-burns');
  for (const index of [0, 1]) {
    await new BurnWatcher({ provider: m.provider, gateway: m.gateway, ledger: s.ledgers[index]!, checkpoint: new FileCheckpoint(path.join(dir, `${index}.json`)), validator: m.validators[index]!.address, confirmations: CONFIRMATIONS, startBlock }).poll();
  }
  t.is((await escrowOf(s.worldState)).escrowed, '0');
  t.is(await m.token.totalSupply(), 0n, 'no unit left on the EVM chain');

  await approve(s.worldState, BENCH.officerB, 'L-MATURITY', at);
  const retired = (await legalHistoryOf(s.worldState)).transitions.at(-1)?.redemption;
  t.is(retired?.unitsRetired, '1000000');
  t.deepEqual(
    retired?.holders.map((holder) => [holder.investorId, holder.cash]),
    [
      [INVESTORS.annaA, '600000000'],
      [INVESTORS.benA, '300000000'],
      [INVESTORS.chloeB, '100000000'],
    ],
    'each holder receives the NAV pro rata, in cents',
  );
  const again = await t.throwsAsync(new BridgeContract().RequestBridgeOut(tx(DESK.requesterA, s.worldState, at).ctx, json(bridgeOutRequest('B-2', 1_000n, { chainId: m.chainId.toString(), wallet: s.holder.address }))));
  t.true(isTrestleError(again, 'ASSET_LEGALLY_CLOSED'), 'a redeemed asset is bridged no more');
});
