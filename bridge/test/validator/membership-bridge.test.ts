import test from 'ava';

// Serial, like every devnet test here. The ledger is the chaincode run in process on the stubbed
// context (an in-process stub, not a Fabric network); the gateway is a real contract on the devnet.
import '@trestle/chaincode/src/testing/quiet-fabric-logs';
import { GatewayMessageContract } from '@trestle/chaincode/src/bridge/gateway-message-contract';
import { BRIDGE_DESK, bridgeOutOf, bridgeOutRequest, approveBridgeOut, requestBridgeOut } from '@trestle/chaincode/src/testing/bridge-story';
import { InProcessContract } from '@trestle/chaincode/src/testing/in-process-contract';
import { AFTER_LOCKUP, DESK } from '@trestle/chaincode/src/testing/transfer-story';
import { getAddress } from 'ethers';
import type { DeployedContract } from '../../src/evm/deploy-contract';
import { GatewayMessageRelayer } from '../../src/relayer/gateway-message-relayer';
import { mintTypedData } from '../../src/validator/gateway';
import { FabricGatewayMessageLedger } from '../../src/validator/gateway-message-ledger';
import { GatewayMessageSigning } from '../../src/validator/gateway-message-signing';
import { MintSigning } from '../../src/validator/mint-signing';
import { chaincodeBridge, relayer, type ChaincodeBridge } from '../support/chaincode-ledgers';
import { expectRevert } from '../support/errors';
import { removeBankC } from '../support/membership';

/** Units anna bridges out: fewer than she holds on the ledger. */
const AMOUNT = 40_000n;

/** anna's bridge-out `bridgeOutId` of `amount`, requested and approved on the ledger: escrowed, its Mint numbered. */
async function escrowed(s: ChaincodeBridge, bridgeOutId: string, amount: bigint) {
  await requestBridgeOut(s.worldState, bridgeOutRequest(bridgeOutId, amount, { chainId: s.a.chainId.toString(), wallet: s.holder.address }));
  await approveBridgeOut(s.worldState, DESK.officerA, bridgeOutId);
  const record = await bridgeOutOf(s.worldState, bridgeOutId);
  return { nonce: BigInt(record.nonce ?? '0'), chainId: s.a.chainId, token: s.a.suite.token, to: s.holder.address, amount, fabricTxId: record.fabricTxId ?? '' };
}

test.serial("BankC removed on the ledger: a SetValidators signed by A and B and relayed takes BankC's key out of the gateway; A and B still mint", async (t) => {
  const s = await chaincodeBridge();
  const [keyA, keyB, keyC] = s.a.validators;
  if (keyA === undefined || keyB === undefined || keyC === undefined) return t.fail('the fixture has three validators');
  const validators = async () => [...((await s.a.gateway.validators()) as string[])].map((address) => getAddress(address));
  t.deepEqual(await validators(), [keyA.address, keyB.address, keyC.address], 'the gateway starts with the three banks');
  t.is(await s.a.gateway.superThreshold(), 3n);

  await removeBankC(s.worldState);
  // BankA's operator proposes the set by hand after the membership change; the ledger fills it in.
  let clock = AFTER_LOCKUP.getTime();
  const operatorA = new FabricGatewayMessageLedger(new InProcessContract(new GatewayMessageContract(), s.worldState, BRIDGE_DESK.operatorA, () => new Date((clock += 1_000))), s.a.chainId);
  await operatorA.proposeValidatorSet(2, 'BankC left the consortium');
  const [proposed] = await s.messages[0]!.openMessages();
  t.like(proposed, { type: 'SetValidators', status: 'PROPOSED', fields: { validators: [keyA.address, keyB.address], threshold: 2, superThreshold: 2 } });

  for (const index of [0, 1]) await new GatewayMessageSigning({ signer: s.signers[index]!, ledger: s.messages[index]! }).signOpen();
  const outcomes = await new GatewayMessageRelayer({ ledger: s.messages[1]!, gateway: s.gateway, sender: s.relayerAccount }).relayOpen();
  t.deepEqual(outcomes.map((outcome) => [outcome.kind, outcome.type]), [['relayed', 'SetValidators']]);
  t.deepEqual(await validators(), [keyA.address, keyB.address]);
  t.is(await s.a.gateway.threshold(), 2n);
  t.is(await s.a.gateway.superThreshold(), 2n);
  t.false((await s.a.gateway.isValidator(keyC.address)) as boolean);
  t.deepEqual(await s.messages[0]!.openMessages(), [], 'the relay is recorded on the ledger');
  await t.throwsAsync(s.messages[2]!.openMessages(), { message: /CALLER_NOT_MEMBER/ }, "BankC's validator reads the ledger no more");

  // BankC's key, with BankA's, no longer mints: the gateway refuses the bundle.
  const mint = await escrowed(s, 'B-1', AMOUNT);
  const { domain, types, value } = mintTypedData(s.gateway, mint);
  const bundle = await Promise.all([keyA, keyC].sort((x, y) => (BigInt(x.address) < BigInt(y.address) ? -1 : 1)).map((key) => key.signTypedData(domain, types, value)));
  const gateway = s.a.gateway.connect(s.relayerAccount) as DeployedContract;
  const [unknown] = await expectRevert(t, gateway.mint(mint.token, mint.to, mint.amount, mint.nonce, mint.fabricTxId, bundle), s.a.gateway, 'QuorumSignerUnknown');
  t.is(getAddress(unknown as string), keyC.address);
  t.is(await s.a.token.balanceOf(s.holder.address), 0n);

  // A and B sign the same Mint through the ledger and the relayer mints it.
  for (const index of [0, 1]) await new MintSigning({ signer: s.signers[index]!, gateway: s.a.gateway, ledger: s.ledgers[index]! }).signPending();
  const relayed = await relayer(s, 0).relayPending();
  t.deepEqual(relayed.map((outcome) => outcome.kind), ['minted']);
  t.is(await s.a.token.balanceOf(s.holder.address), AMOUNT);
  t.is((await bridgeOutOf(s.worldState, 'B-1')).status, 'MINTED');
});
