import test from 'ava';

// Serial, like every devnet test here.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { investorRef } from '@trestle/compliance/src/bridge/investor-ref';
import type { HoldingRecord } from '@trestle/compliance/src/ledger/holding';
import { AssetContract } from '@trestle/chaincode/src/assets/asset-contract';
import { approveBridgeOut, bridgeOutRequest, requestBridgeOut, WALLETS } from '@trestle/chaincode/src/testing/bridge-story';
import { tx } from '@trestle/chaincode/src/testing/ledger-cast';
import { ASSET_ID } from '@trestle/chaincode/src/testing/ledger-documents';
import { decide, legalAction } from '@trestle/chaincode/src/testing/legal-story';
import { INVESTORS } from '@trestle/chaincode/src/testing/ledger-story';
import { AFTER_LOCKUP, DESK } from '@trestle/chaincode/src/testing/transfer-story';
import { ourArtifact } from '../../src/evm/artifacts';
import { attach, mined } from '../../src/evm/deploy/steps';
import type { DeployedContract } from '../../src/evm/deploy-contract';
import { DUTIES, validatorStatusFile, ValidatorNode, type PassReport } from '../../src/node/validator-node';
import { FileCheckpoint } from '../../src/plugin/public-api';
import { BridgeMetrics } from '../../src/validator/metrics';
import { chaincodeBridge, CONFIRMATIONS } from '../support/chaincode-ledgers';
import { marketFixture } from '../support/fixtures';
import { tempDir } from './validator-keys';

/** Waits until `condition` holds, checking every 100 ms; fails after `seconds` (a bound on a stuck bridge, not a speed target). */
async function eventually(condition: () => Promise<boolean>, what: string, seconds = 60): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`not within ${seconds} s: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test.serial("three banks' validator nodes running side by side carry a bridge-out to a mint, a burn home, and a remediation to the gateway, with nobody calling them", async (t) => {
  const s = await chaincodeBridge(() => marketFixture());
  const m = s.a;
  const dir = await tempDir('nodes');
  const startBlock = await m.provider.getBlockNumber();
  const logs: string[] = [];
  const venues = [await m.morpho.getAddress()];
  const nodes = [0, 1, 2].map(
    (index) =>
      new ValidatorNode({
        bank: ['BankAMSP', 'BankBMSP', 'BankCMSP'][index]!,
        signer: s.signers[index]!,
        provider: m.provider,
        gateway: m.gateway,
        ledger: s.ledgers[index]!,
        messages: s.messages[index]!,
        checkpoint: new FileCheckpoint(path.join(dir, `bank-${index}.json`)),
        escrowMoves: { tokens: [m.suite.token], venues, checkpoint: new FileCheckpoint(path.join(dir, `moves-${index}.json`)) },
        confirmations: CONFIRMATIONS,
        startBlock,
        // Only bank C relays here; any bank may.
        ...(index === 2 ? { relayer: { sender: s.relayerAccount } } : {}),
        metrics: new BridgeMetrics(),
        log: (line) => logs.push(line),
        statusFile: validatorStatusFile(dir, ['BankAMSP', 'BankBMSP', 'BankCMSP'][index]!),
      }),
  );
  for (const node of nodes) node.start(250);
  try {
    await requestBridgeOut(s.worldState, bridgeOutRequest('B-1', 1_000n, { chainId: m.chainId.toString(), wallet: s.holder.address }));
    await approveBridgeOut(s.worldState, DESK.officerA, 'B-1');
    await eventually(async () => ((await m.token.balanceOf(s.holder.address)) as bigint) === 1_000n, 'the bridge-out is minted to the bound wallet');
    const holdingOf = async (investorId: string) => JSON.parse(await new AssetContract().GetHolding(tx(DESK.regulator, s.worldState).ctx, ASSET_ID, investorId)) as HoldingRecord;

    // anna sends chloe (bound on the ledger, verified on the token) 100 units: her escrow follows them.
    await m.register(WALLETS.chloe.address);
    await mined('transfer', (m.token.connect(s.holder) as DeployedContract).transfer(WALLETS.chloe.address, 100n));
    for (let block = 0; block < CONFIRMATIONS; block++) await m.provider.send('evm_mine', []);
    await eventually(async () => (await holdingOf(INVESTORS.chloeB)).escrowed === '100', "the transfer moves 100 units of escrow to chloe's holding");

    await mined('burnForRedeem', (m.gateway.connect(s.holder) as DeployedContract).burnForRedeem(m.suite.token, 400n, investorRef(INVESTORS.annaA)));
    for (let block = 0; block < CONFIRMATIONS; block++) await m.provider.send('evm_mine', []);
    await eventually(async () => (await holdingOf(INVESTORS.annaA)).balance === '599400', 'the burn is released to anna on the ledger');
    t.is((await holdingOf(INVESTORS.annaA)).escrowed, '500', '1,000 bridged, 100 moved to chloe, 400 burned');

    await decide(s.worldState, legalAction('L-1', 'start-remediation'), { at: AFTER_LOCKUP });
    const module = attach(ourArtifact('RemediationModule'), m.suite.modules.remediation, m.provider);
    await eventually(async () => (await module.inRemediation(m.suite.compliance)) as boolean, 'the remediation reaches the compliance module');
  } finally {
    for (const node of nodes) await node.stop();
  }
  t.deepEqual((await nodes[0]!.pass()).duties['relay-mints'], { handled: 0 }, 'a bank without a relayer account relays nothing');
  t.deepEqual(logs, [], 'no duty failed on any pass');
  t.is(await m.token.totalSupply(), 600n);
  const written = JSON.parse(readFileSync(validatorStatusFile(dir, 'BankCMSP'), 'utf8')) as PassReport;
  t.like(written, { bank: 'BankCMSP', validator: s.signers[2]!.address });
  t.deepEqual(Object.keys(written.duties), [...DUTIES], 'the status file reports every duty of the last pass');
});
