import '@trestle/chaincode/src/testing/quiet-fabric-logs';
import test from 'ava';

// Serial, like every devnet test here.
import path from 'node:path';
import type { Wallet } from 'ethers';
import type { EscrowMoveRecord } from '@trestle/compliance/src/bridge/escrow-move';
import type { HoldingRecord } from '@trestle/compliance/src/ledger/holding';
import { AssetContract } from '@trestle/chaincode/src/assets/asset-contract';
import { BridgeContract } from '@trestle/chaincode/src/bridge/bridge-contract';
import { escrowOf } from '@trestle/chaincode/src/testing/bridge-story';
import { tx } from '@trestle/chaincode/src/testing/ledger-cast';
import { ASSET_ID } from '@trestle/chaincode/src/testing/ledger-documents';
import { INVESTORS } from '@trestle/chaincode/src/testing/ledger-story';
import type { WorldState } from '@trestle/chaincode/src/testing/stub-context';
import { DESK } from '@trestle/chaincode/src/testing/transfer-story';
import type { DeployedContract } from '../../src/evm/deploy-contract';
import { FileCheckpoint } from '../../src/plugin/public-api';
import { EscrowMoveWatcher } from '../../src/validator/escrow-move-watcher';
import { bridgeOutAndMint, chaincodeBridge, CONFIRMATIONS, type ChaincodeBridge } from '../support/chaincode-ledgers';
import { marketFixture, type MarketFixture } from '../support/fixtures';
import { tempDir } from './validator-keys';
import { bindBenAndChloe } from '../support/bound-holders';

// Bridged units changing hands on the EVM chain, stated by two banks' watchers and moved on the
// ledger (the chaincode run in process on the stubbed context, a test stub: no Fabric peer here).

const as = (contract: DeployedContract, wallet: Wallet) => contract.connect(wallet) as DeployedContract;
const holdingOf = async (worldState: WorldState, investorId: string) => JSON.parse(await new AssetContract().GetHolding(tx(DESK.regulator, worldState).ctx, ASSET_ID, investorId)) as HoldingRecord;
const escrowedOf = async (worldState: WorldState, investorId: string) => (await holdingOf(worldState, investorId)).escrowed;

/** Both banks' watchers over the final blocks since `startBlock`, after mining the confirmations. */
async function watch(s: ChaincodeBridge<MarketFixture>, dir: string, startBlock: number): Promise<{ attested: number; unexplained: number }> {
  for (let block = 0; block < CONFIRMATIONS; block++) await s.a.provider.send('evm_mine', []);
  let attested = 0;
  let unexplained = 0;
  for (const index of [0, 1]) {
    const watcher = new EscrowMoveWatcher({
      provider: s.a.provider,
      ledger: s.ledgers[index]!,
      checkpoint: new FileCheckpoint(path.join(dir, `moves-${index}.json`)),
      gateway: s.gateway,
      tokens: [s.a.suite.token],
      venues: [await s.a.morpho.getAddress()],
      confirmations: CONFIRMATIONS,
      startBlock,
    });
    const pass = await watcher.poll();
    attested += pass.attested.length;
    unexplained += pass.unexplained;
  }
  return { attested, unexplained };
}

test.serial('transfers, collateral supplied for another and withdrawn to another move the escrow to the units\' owner; own collateral and mints move nothing', async (t) => {
  const s = await chaincodeBridge(() => marketFixture({ decimals: 6 }));
  const m = s.a;
  const dir = await tempDir('escrow-moves');
  const startBlock = await m.provider.getBlockNumber();
  await bridgeOutAndMint(s, 'B-1', 10_000n);

  // ben (BankA) and chloe (BankB) each have a wallet verified on the token and bound on the ledger.
  const { ben, chloe } = await bindBenAndChloe(s);

  // anna sends ben 4,000; supplies 3,000 for herself and 2,000 on chloe's behalf; chloe withdraws 500 of hers to ben.
  await (await as(m.token, s.holder).transfer(ben.address, 4_000n)).wait();
  await (await as(m.token, s.holder).approve(await m.morpho.getAddress(), 5_000n)).wait();
  await (await as(m.morpho, s.holder).supplyCollateral(m.params, 3_000n, s.holder.address, '0x')).wait();
  await (await as(m.morpho, s.holder).supplyCollateral(m.params, 2_000n, chloe.address, '0x')).wait();
  await (await as(m.morpho, chloe).withdrawCollateral(m.params, 500n, chloe.address, ben.address)).wait();

  const pass = await watch(s, dir, startBlock);
  t.is(pass.attested, 6, 'three moves, each stated by two banks; the mint and anna\'s own supply are not moves');
  t.is(pass.unexplained, 0);
  t.is(await escrowedOf(s.worldState, INVESTORS.annaA), '4000', '10,000 − 4,000 to ben − 2,000 to chloe (her own 3,000 in Morpho stay hers)');
  t.is(await escrowedOf(s.worldState, INVESTORS.benA), '4500');
  t.is(await escrowedOf(s.worldState, INVESTORS.chloeB), '1500');
  t.is((await escrowOf(s.worldState)).escrowed, '10000', 'the pool is what was bridged');

  // A plain transfer into Morpho is nobody's collateral: no venue event explains it, nothing moves.
  await (await as(m.token, ben).transfer(await m.morpho.getAddress(), 100n)).wait();
  const stray = await watch(s, dir, startBlock);
  t.deepEqual(stray, { attested: 0, unexplained: 2 });
  t.is(await escrowedOf(s.worldState, INVESTORS.benA), '4500');

  // The watchers resume from their checkpoints: nothing is stated twice.
  t.deepEqual(await watch(s, dir, startBlock), { attested: 0, unexplained: 0 });
  const moved = await m.token.queryFilter(m.token.getEvent('Transfer')(s.holder.address, ben.address));
  const record = JSON.parse(await new BridgeContract().GetEscrowMove(tx(DESK.regulator, s.worldState).ctx, m.chainId.toString(), moved[0]!.transactionHash, String(moved[0]!.index))) as EscrowMoveRecord;
  t.like(record, { status: 'APPLIED', applied: { fromInvestorId: INVESTORS.annaA, toInvestorId: INVESTORS.benA, moved: '4000' } });
  t.deepEqual(record.attestations.map((attestation) => attestation.bankMsp), ['BankAMSP', 'BankBMSP']);
});
