import type { ExecutionContext } from 'ava';
import type { Wallet } from 'ethers';
import type { BridgeEscrow } from '@trestle/compliance/src/bridge/bridge-escrow';
import type { HoldingRecord } from '@trestle/compliance/src/ledger/holding';
import { ourArtifact } from '@trestle/bridge/src/evm/artifacts';
import { attach } from '@trestle/bridge/src/evm/deploy/steps';
import type { DeployedContract } from '@trestle/bridge/src/evm/deploy-contract';
import { localProvider } from '@trestle/bridge/src/evm/provider';
import { ValidatorNode } from '@trestle/bridge/src/node/validator-node';
import { tempDir } from '@trestle/bridge/test/validator/validator-keys';
import type { DeploymentFile } from '@trestle/bridge/src/evm/deploy/deploy-all';
import { bindingMessage, signWalletBinding } from '../../src/cli/ledger/wallet-binding-signature';
import { liquidatorCommand } from '../../src/cli/liquidator-command';
import { runCli, type CliRun } from '../../src/cli/ledger/testing/run-cli';
import type { LedgerSession } from '../../src/cli/ledger/ledger-session';
import { evmRpcUrl, type StackConfig } from '../../src/stack/stack-config';
import { BRIDGE_BANKS, BRIDGE_CONFIRMATIONS, BRIDGE_DESK, connectValidators, realBridge, validatorNodesOnRealPeers, type RealBridge } from './bridge-world';
import { pollUntil } from './fabric-poll';
import { sessionOf } from './ledger-people';
import { ALLOCATIONS, ASSET_DESK, expectOk } from './tokenized-asset';

// Issue 8's world on the REAL three-bank network and the stack's devnet: the bridge of
// bridge-world.ts with the asset's NavOracle named in the chain configuration (so the validators
// carry valuations to it), the three banks' ValidatorNodes running passes on their own (BankC
// relays), and what the lending scenarios read and check: holdings, escrow, the compliance
// module's legal state and KYC phases, DESIGN.md §9's invariants.

/** A bound on one crossing (two cores run nine Fabric processes and the devnet), not a speed target. */
export const CROSSING_DEADLINE_MS = 120_000;
/** Every unit tokenizedAsset issues. */
export const TOTAL_UNITS = ALLOCATIONS.a1 + ALLOCATIONS.a2 + ALLOCATIONS.b1;
/** Valuations valid well beyond any devnet clock other suites move forward. */
export const VALID_UNTIL = Math.floor(Date.parse('2036-01-01T00:00:00Z') / 1000);

const json = <T>(bytes: Uint8Array) => JSON.parse(Buffer.from(bytes).toString('utf8')) as T;
const hash = (n: number) => n.toString(16).padStart(2, '0').repeat(32);

/** What `lendingWorld` set up and runs. */
export interface LendingWorld extends RealBridge {
  /** The regulator's session: reads every bank's holdings. */
  readonly reader: LedgerSession;
  /** The asset's compliance module (RemediationModule): legal state and KYC phases on the EVM side. */
  readonly remediation: DeployedContract;
  /** Duty failures the banks' nodes reported, with their time. */
  readonly failures: string[];
  readonly nodes: readonly ValidatorNode[];
  /** The units of `investorId` on the ledger (balance, escrowed, frozen). */
  holding(investorId: string): Promise<HoldingRecord>;
  escrow(): Promise<BridgeEscrow>;
  /** Records a valuation of the whole asset in US cents by BankC's appraiser; its sequence number. */
  appraise(cents: bigint, effectiveDate: string): Promise<number>;
  /** Binds `wallet` to `investorId` (a BankA investor) with the wallet's own signature; `nonce` counts the investor's bindings. */
  bind(investorId: string, wallet: Wallet, nonce: number): Promise<void>;
  /** Bridges `amount` of `investorId`'s units out to `wallet` and waits until the wallet holds them and the ledger says MINTED. */
  bridgeOut(investorId: string, wallet: Wallet, amount: bigint): Promise<void>;
  /** `trestle liquidator …` in process against this world's market (symbol TTF). */
  liquidator(...argv: string[]): Promise<CliRun>;
  /** Mines the blocks a burn or a move waits for before the validators act on it. */
  mineConfirmations(): Promise<void>;
  /** DESIGN.md §9 after a step has settled, asserted on `t`. */
  invariants(t: ExecutionContext, step: string, expected: { readonly wallets: readonly string[] }): Promise<void>;
  /** Stops the nodes and closes every connection. */
  close(): Promise<void>;
}

/**
 * Sets up the bridge (realBridge), names the market's NavOracle (USD, cents) for the asset in a new
 * chain configuration, and starts the three banks' ValidatorNodes on the real peers, BankC relaying.
 */
export async function lendingWorld(stack: StackConfig): Promise<LendingWorld> {
  const s = await realBridge(stack);
  const { m, cli, asset, chainId } = s;
  const oracle = { address: await m.oracle.getAddress(), currency: 'USD', currencyDecimals: 2 };
  const config = { chainId, gateway: await m.gateway.getAddress(), threshold: 2, confirmations: BRIDGE_CONFIRMATIONS, tokens: [{ assetId: asset.assetId, token: m.suite.token, oracle }] };
  const configFile = cli.file(`chain-oracle-${asset.assetId}.json`, config);
  await expectOk(cli, 'bridge', 'chain', 'propose', configFile, '--as', BRIDGE_DESK.proposer);
  await expectOk(cli, 'bridge', 'chain', 'approve', configFile, '--as', BRIDGE_DESK.chainApprover);

  const dir = await tempDir('lending-real');
  const connections = await connectValidators(stack);
  const reader = await sessionOf(stack, 'regulator/rita');
  const failures: string[] = [];
  const startBlock = await m.provider.getBlockNumber();
  const venues = [await m.morpho.getAddress()];
  const { nodes, reconciler } = validatorNodesOnRealPeers(s, connections, { dir, startBlock, venues, log: (line) => failures.push(line) });
  const remediation = attach(ourArtifact('RemediationModule'), m.suite.modules.remediation, m.provider);
  const deployment = {
    chainId: Number(m.chainId),
    rpcUrl: evmRpcUrl(stack),
    contracts: { gateway: await m.gateway.getAddress(), morpho: venues[0]! },
    assets: [{ symbol: 'TTF', token: m.suite.token, identityRegistry: m.suite.identityRegistry, marketId: m.market.id, marketParams: { ...m.market.params, lltv: m.market.params.lltv.toString() } }],
  } as unknown as DeploymentFile;

  const holding = async (investorId: string) => json<HoldingRecord>(await reader.contract('AssetContract').evaluateTransaction('GetHolding', asset.assetId, investorId));
  const escrow = async () => json<BridgeEscrow>(await reader.contract('BridgeContract').evaluateTransaction('GetEscrow', asset.assetId, chainId));
  const balanceOf = async (wallet: string) => (await m.token.balanceOf(wallet)) as bigint;

  for (const node of nodes) node.start(250);
  return {
    ...s,
    reader,
    remediation,
    failures,
    nodes,
    holding,
    escrow,
    async appraise(cents, effectiveDate) {
      const valuation = { amount: cents.toString(), currency: 'USD', method: 'RICS Red Book market value', effectiveDate, validUntil: VALID_UNTIL, reportSha256: hash(6), reportUri: `https://appraisal.bankc.example/${asset.assetId}-${effectiveDate}.pdf` };
      const done = await cli.json<{ valuation: { seq: number } }>('asset', 'value', asset.assetId, cli.file(`${asset.assetId}-${cents}.json`, valuation), '--as', ASSET_DESK.appraiser);
      return done.valuation.seq;
    },
    async bind(investorId, wallet, nonce) {
      const message = bindingMessage({ investorId, address: wallet.address, chainId, nonce: String(nonce), bank: BRIDGE_BANKS[0].msp });
      const signature = await signWalletBinding(wallet, message);
      await expectOk(cli, 'investor', 'bind-wallet', investorId, '--address', wallet.address, '--chain-id', chainId, '--nonce', String(nonce), '--signature', signature, '--as', BRIDGE_DESK.approver);
    },
    async bridgeOut(investorId, wallet, amount) {
      const before = await balanceOf(wallet.address);
      const requested = await cli.json<{ bridgeOutId: string }>('bridge', 'out', asset.assetId, investorId, '--chain', chainId, '--wallet', wallet.address, '--amount', amount.toString(), '--as', BRIDGE_DESK.requester);
      await expectOk(cli, 'bridge', 'approve', requested.bridgeOutId, '--as', BRIDGE_DESK.approver);
      await pollUntil(`bridge-out ${requested.bridgeOutId} is minted`, CROSSING_DEADLINE_MS, async () => ((await balanceOf(wallet.address)) === before + amount ? true : undefined), 50);
      // The relayer records MINTED after the EVM receipt; until then the reconciler counts it in flight.
      await pollUntil(`MINTED of ${requested.bridgeOutId} is recorded on the ledger`, CROSSING_DEADLINE_MS, async () => {
        const record = json<{ status: string }>(await reader.contract('BridgeContract').evaluateTransaction('GetBridgeOut', requested.bridgeOutId));
        return record.status === 'MINTED' ? true : undefined;
      }, 50);
    },
    liquidator: (...argv) => runCli(async () => Promise.reject(new Error('the liquidator needs no ledger session')), ['liquidator', ...argv], (deps) => [liquidatorCommand({ ...deps, chain: async () => ({ deployment, provider: localProvider(deployment.rpcUrl) }) })]),
    async mineConfirmations() {
      for (let block = 0; block < BRIDGE_CONFIRMATIONS; block++) await m.provider.send('evm_mine', []);
    },
    async invariants(t, step, expected) {
      const pass = await reconciler.reconcile();
      const entry = pass.assets.find((candidate) => candidate.assetId === asset.assetId);
      t.truthy(entry, `${step}: the reconciler sees the asset`);
      t.false(entry!.diverged, `${step}: EVM supply ${entry!.evmSupply} above Fabric escrow ${entry!.escrowed}`);
      t.is(entry!.evmSupply, entry!.escrowed, `${step}: EVM supply equals Fabric escrow`);
      t.is(entry!.inFlight, 0n, `${step}: nothing in flight`);
      // b2 holds no units and has no holding.
      const held = await Promise.all([asset.investors.a1, asset.investors.a2, asset.investors.b1].map(holding));
      const onLedger = held.reduce((sum, h) => sum + BigInt(h.balance) + BigInt(h.escrowed), 0n);
      const bridged = await escrow();
      t.is(onLedger + BigInt(bridged.suspense), TOTAL_UNITS, `${step}: units conserved on Fabric (balances + escrowed + suspense)`);
      t.is(held.reduce((sum, h) => sum + BigInt(h.escrowed), 0n), BigInt(bridged.escrowed), `${step}: the holdings carry the whole escrow`);
      const tokens = await Promise.all([...expected.wallets, venues[0]!].map(balanceOf));
      t.is(tokens.reduce((sum, n) => sum + n, 0n), entry!.evmSupply, `${step}: every token is in a known wallet or in Morpho`);
    },
    async close() {
      for (const node of nodes) await node.stop();
      for (const connection of connections) connection.close();
      await reader.close();
      cli.dispose();
    },
  };
}

/** A legal action proposed by the SPV's administrator and approved by officers of BankA and BankB (2 of 3 banks); the proposal as applied. */
export async function decideLegally(w: RealBridge, action: 'start-remediation' | 'cure' | 'write-off' | 'redeem', extra: readonly string[] = []): Promise<{ status: string; to: string }> {
  const id = `LEGAL-${action}-${w.asset.assetId}-${Date.now()}`;
  const document = ['--document-uri', `https://docs.banka.example/${w.asset.assetId}/${action}.pdf`, '--document-sha256', hash(7)];
  await w.cli.json('legal', 'propose', action, w.asset.assetId, '--id', id, '--reason', `The SPV's board resolved: ${action}.`, ...document, ...extra, '--as', ASSET_DESK.spvAdmin);
  await w.cli.json('legal', 'approve', id, '--reason', 'Reviewed the resolution.', '--as', ASSET_DESK.officerA);
  return w.cli.json<{ status: string; to: string }>('legal', 'approve', id, '--reason', 'Reviewed the resolution.', '--as', ASSET_DESK.officerB);
}
