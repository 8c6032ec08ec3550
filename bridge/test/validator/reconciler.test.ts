import test from 'ava';

// Serial, like every devnet test here.
import { escrowOf } from '@trestle/chaincode/src/testing/bridge-story';
import { ASSET_ID } from '@trestle/chaincode/src/testing/ledger-documents';
import { GatewayMessageRelayer } from '../../src/relayer/gateway-message-relayer';
import { Reconciler } from '../../src/reconciler/reconciler';
import { GatewayMessageSigning } from '../../src/validator/gateway-message-signing';
import { BridgeMetrics } from '../../src/validator/metrics';
import { bridgeOutAndMint, chaincodeBridge } from '../support/chaincode-ledgers';

test.serial('EVM supply above the Fabric escrow: the reconciler proposes a pause, two banks sign it on the ledger, a relayer pauses the gateway', async (t) => {
  const s = await chaincodeBridge();
  await bridgeOutAndMint(s, 'B-1', 1_000n);
  const metrics = new BridgeMetrics();
  const reconciler = new Reconciler({ provider: s.a.provider, ledger: s.ledgers[0]!, messages: s.messages[0]!, metrics });
  const calm = await reconciler.reconcile();
  t.like(calm.assets[0], { assetId: ASSET_ID, escrowed: 1_000n, evmSupply: 1_000n, inFlight: 0n, unexplained: 0n, diverged: false });
  t.false(calm.pauseProposed);

  // Keys of two validators sign a mint the ledger never escrowed: 500 unbacked tokens.
  await s.a.mint(s.holder.address, 500n);
  const first = await reconciler.reconcile();
  t.like(first.assets[0], { escrowed: 1_000n, evmSupply: 1_500n, diverged: true });
  t.false(first.pauseProposed, 'one pass could be a read racing a mint');
  t.true((await reconciler.reconcile()).pauseProposed);
  await new Reconciler({ provider: s.a.provider, ledger: s.ledgers[1]!, messages: s.messages[1]!, confirmPasses: 1 }).reconcile();
  const open = await s.messages[2]!.openMessages();
  t.deepEqual(open.map((message) => [message.type, message.nonce, message.proposerMsp]), [['Pause', '1', 'BankAMSP']], "bank B's alarm joined bank A's pause");
  t.regex(open[0]!.reason, /EVM supply 1500 above Fabric escrow 1000/);
  t.regex(metrics.render(), /trestle_bridge_divergence\{asset="ZOB"\} 1/);

  for (const index of [0, 1]) await new GatewayMessageSigning({ signer: s.signers[index]!, ledger: s.messages[index]! }).signOpen();
  const outcomes = await new GatewayMessageRelayer({ ledger: s.messages[2]!, gateway: s.gateway, sender: s.relayerAccount }).relayOpen();
  t.is(outcomes[0]?.kind, 'relayed');
  t.true((await s.a.gateway.paused()) as boolean, 'the gateway is paused');
  t.deepEqual(await s.messages[0]!.openMessages(), [], 'the pause is recorded as relayed');
  t.is((await escrowOf(s.worldState)).escrowed, '1000', 'the ledger is untouched by the alarm');
});

test.serial('an unpause is never signed automatically and needs the super threshold', async (t) => {
  const s = await chaincodeBridge();
  await s.messages[0]!.propose('Pause', undefined, 'Drill');
  for (const index of [0, 1]) await new GatewayMessageSigning({ signer: s.signers[index]!, ledger: s.messages[index]! }).signOpen();
  await new GatewayMessageRelayer({ ledger: s.messages[0]!, gateway: s.gateway, sender: s.relayerAccount }).relayOpen();
  await s.messages[1]!.propose('Unpause', undefined, 'Drill over');
  const automatic = await new GatewayMessageSigning({ signer: s.signers[0]!, ledger: s.messages[0]! }).signOpen();
  t.deepEqual(automatic, [], 'the automatic set leaves the unpause to people');
  for (const index of [0, 1]) await new GatewayMessageSigning({ signer: s.signers[index]!, ledger: s.messages[index]! }).signOpen(['Unpause']);
  const relayer = new GatewayMessageRelayer({ ledger: s.messages[0]!, gateway: s.gateway, sender: s.relayerAccount });
  t.like((await relayer.relayOpen())[0], { kind: 'quorum-not-met', have: 2, need: 3 });
  await new GatewayMessageSigning({ signer: s.signers[2]!, ledger: s.messages[2]! }).signOpen(['Unpause']);
  t.is((await relayer.relayOpen())[0]?.kind, 'relayed');
  t.false((await s.a.gateway.paused()) as boolean);
});
