import test from 'ava';

// Serial, like every devnet test here.
import { decide, legalAction } from '@trestle/chaincode/src/testing/legal-story';
import { AFTER_LOCKUP } from '@trestle/chaincode/src/testing/transfer-story';
import { ourArtifact } from '../../src/evm/artifacts';
import { attach } from '../../src/evm/deploy/steps';
import type { DeployedContract } from '../../src/evm/deploy-contract';
import { GatewayMessageRelayer } from '../../src/relayer/gateway-message-relayer';
import { GatewayMessageSigning } from '../../src/validator/gateway-message-signing';
import { LedgerMirror } from '../../src/validator/ledger-mirror';
import { bridgeOutAndMint, chaincodeBridge, type ChaincodeBridge } from '../support/chaincode-ledgers';
import { expectRevertReason, marketFixture, type MarketFixture } from '../support/fixtures';

const DAY_MS = 86_400_000;

/** Every bank's mirror looks, banks A and B sign, bank C relays: the legal state crosses. */
async function carryLegalState(s: ChaincodeBridge<MarketFixture>): Promise<number> {
  for (const ledger of s.messages) await new LedgerMirror(ledger).pass();
  for (const index of [0, 1]) await new GatewayMessageSigning({ signer: s.signers[index]!, ledger: s.messages[index]! }).signOpen();
  return (await new GatewayMessageRelayer({ ledger: s.messages[2]!, gateway: s.gateway, sender: s.relayerAccount }).relayOpen()).filter((outcome) => outcome.kind === 'relayed').length;
}

test.serial('REMEDIATION on the ledger stops new collateral in Morpho but not withdrawals; CURED restores it', async (t) => {
  const s = await chaincodeBridge(() => marketFixture());
  const m = s.a;
  const as = (contract: DeployedContract) => contract.connect(s.holder) as DeployedContract;
  await bridgeOutAndMint(s, 'B-1', 40_000n);
  await (await as(m.token).approve(await m.morpho.getAddress(), 2n ** 256n - 1n)).wait();
  await (await as(m.morpho).supplyCollateral(m.params, 10_000n, s.holder.address, '0x')).wait();
  const module = attach(ourArtifact('RemediationModule'), m.suite.modules.remediation, m.provider);

  t.is(await carryLegalState(s), 0, 'a TOKENIZED asset has nothing to carry');
  await decide(s.worldState, legalAction('L-1', 'start-remediation'), { at: AFTER_LOCKUP });
  t.is(await carryLegalState(s), 1, 'three mirrors, one message');
  t.true((await module.inRemediation(m.suite.compliance)) as boolean);
  await expectRevertReason(t, as(m.morpho).supplyCollateral(m.params, 10_000n, s.holder.address, '0x'), 'transferFrom reverted');
  await (await as(m.morpho).withdrawCollateral(m.params, 4_000n, s.holder.address, s.holder.address)).wait();
  t.is(await m.token.balanceOf(s.holder.address), 34_000n, 'a holder can still take collateral home');

  await decide(s.worldState, legalAction('L-2', 'cure'), { at: new Date(AFTER_LOCKUP.getTime() + 7 * DAY_MS) });
  t.is(await carryLegalState(s), 1);
  t.false((await module.inRemediation(m.suite.compliance)) as boolean);
  await (await as(m.morpho).supplyCollateral(m.params, 10_000n, s.holder.address, '0x')).wait();
  const [, , collateral] = (await m.morpho.position(m.market.id, s.holder.address)) as [bigint, bigint, bigint];
  t.is(collateral, 16_000n);
});
