import { getAddress, type JsonRpcProvider, type Wallet } from 'ethers';
import { deployAll, type DeploymentFile } from '@trestle/bridge/src/evm/deploy/deploy-all';
import { fundedWallet } from '@trestle/bridge/src/evm/provider';
import { liquidationMarketOf, marketContracts, type MarketContracts } from '@trestle/bridge/src/liquidation/liquidation-market';
import { devnet } from '@trestle/bridge/test/support/devnet';
import { bindingMessage, signWalletBinding } from '../../src/cli/ledger/wallet-binding-signature';
import { validatorsUp } from '../../src/cli/validators-up';
import type { StackConfig } from '../../src/stack/stack-config';
import { pollUntil } from '../support/fabric-poll';
import { ensurePeopleRoles } from '../support/ledger-people';
import { expectOk, ledgerCli, tokenizedAsset, type LedgerCli, type TokenizedAsset } from '../support/tokenized-asset';

// What the chaos suite runs on: a fresh tokenized asset on the real network (lockup 0, so its
// units move at once), bridged to the stack's deployed token by the REAL validator processes of
// validatorsUp (one `trestle validator start` per bank, BankA's relaying), and the BankA investor
// a1's devnet wallet bound on the ledger and registered on the token by the validators' own
// identity mirroring. The deployment's one token is mapped to this run's asset: the devnet
// deploys it once per stack, so a run ends with every unit burned home (supply 0) and the next
// run, or another suite, finds the token empty.

/** How long the validators may take to mirror the bound wallet onto the token's identity registry. */
const IDENTITY_MIRROR_DEADLINE_MS = 180_000;

export interface ChaosWorld {
  readonly cli: LedgerCli;
  readonly asset: TokenizedAsset;
  /** The stack's deployment with its token mapped to `asset` (what the validators were started with). */
  readonly deployment: DeploymentFile;
  readonly chainId: string;
  readonly provider: JsonRpcProvider;
  /** a1's wallet, bound to a1 for the chain and verified on the token. */
  readonly holder: Wallet;
  /** The token, gateway and identity registry, sending as `holder`. */
  readonly contracts: MarketContracts;
  /** The block before the load: mint and burn events are counted from here. */
  readonly startBlock: number;
}

/** Sets the world up; `say` gets a line per step (with how long the validators took to start). */
export async function chaosWorld(stack: StackConfig, say: (line: string) => void): Promise<ChaosWorld> {
  await ensurePeopleRoles(stack);
  const cli = ledgerCli(stack);
  const asset = await tokenizedAsset(cli, { tag: 'CHS', policy: { lockupSeconds: 0 } });
  say(`asset ${asset.assetId} tokenized`);

  const provider = await devnet();
  const { deployment: deployed } = await deployAll(provider, stack);
  const token = deployed.assets[0];
  if (token === undefined) throw new Error('the stack deployment has no token');
  const deployment: DeploymentFile = { ...deployed, assets: [{ ...token, symbol: asset.assetId }] };
  const reader = marketContracts(liquidationMarketOf(deployment, deployment.assets[0]!), provider);
  const leftOver = (await reader.collateral.totalSupply()) as bigint;
  // Another asset's units still out on this token would read as divergence for this one: the validators' reconcilers would pause the gateway.
  if (leftOver !== 0n) throw new Error(`the deployed token ${token.token} still has ${leftOver} units out from an earlier run; burn them home (or restart the devnet) first`);

  // validatorsUp reads the chain's record first and fails with BRIDGE_CHAIN_UNKNOWN on a network
  // where no bank has configured the chain yet: put this run's configuration in force first (the
  // one validatorsUp would propose, so it finds it in force).
  const config = { chainId: String(deployment.chainId), gateway: getAddress(deployment.contracts.gateway), threshold: deployment.threshold, confirmations: 1, tokens: [{ assetId: asset.assetId, token: getAddress(token.token) }], claimIssuer: getAddress(deployment.contracts.claimIssuer) };
  const configFile = cli.file(`chain-${asset.assetId}.json`, config);
  await expectOk(cli, 'bridge', 'chain', 'propose', configFile, '--as', 'bankA/operator1');
  await expectOk(cli, 'bridge', 'chain', 'approve', configFile, '--as', 'bankB/operator1');

  const started = Date.now();
  say(`validators: ${await validatorsUp(stack, deployment, () => {})} (${Date.now() - started} ms)`);

  const chainId = String(deployment.chainId);
  const holder = await fundedWallet(provider);
  const message = bindingMessage({ investorId: asset.investors.a1, address: holder.address, chainId, nonce: '1', bank: 'BankAMSP' });
  await expectOk(cli, 'investor', 'bind-wallet', asset.investors.a1, '--address', holder.address, '--chain-id', chainId, '--nonce', '1', '--signature', await signWalletBinding(holder, message), '--as', 'bankA/officer1');
  const bound = Date.now();
  await pollUntil("a1's bound wallet verified on the token (identity mirrored by the validators)", IDENTITY_MIRROR_DEADLINE_MS, async () => (((await reader.identityRegistry.isVerified(holder.address)) as boolean) ? true : undefined), 1000);
  say(`wallet ${holder.address} bound and verified on the token in ${Date.now() - bound} ms`);

  const contracts = marketContracts(liquidationMarketOf(deployment, deployment.assets[0]!), holder);
  return { cli, asset, deployment, chainId, provider, holder, contracts, startBlock: await provider.getBlockNumber() };
}
