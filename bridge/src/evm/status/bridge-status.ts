import { Contract, type Provider } from 'ethers';
import { ourArtifact } from '../artifacts';
import type { DeploymentFile } from '../deploy/deploy-all';
import { attach } from '../deploy/steps';
import { gatewayAt } from '../../validator/gateway';
import { describeOutlook, type HaircutOutlook } from '@trestle/compliance/src/nav/haircut-outlook';
import { readOracleNav } from '@trestle/compliance/src/nav/read-oracle-nav';

/** One bridged asset as the EVM side holds it now. */
export interface AssetStatus {
  readonly symbol: string;
  readonly token: string;
  readonly totalSupply: bigint;
  readonly inRemediation: boolean;
  readonly navPerUnit: bigint;
  readonly valuationSeq: bigint;
  readonly haircutBps: bigint;
  readonly price: bigint;
  readonly outlook: HaircutOutlook;
}

/** The gateway and every asset of a deployment, read from the chain. */
export interface BridgeStatus {
  readonly gateway: { readonly address: string; readonly paused: boolean; readonly threshold: bigint; readonly superThreshold: bigint; readonly validators: readonly string[] };
  readonly assets: readonly AssetStatus[];
  /** The block time the figures are for. */
  readonly at: number;
}

const TOTAL_SUPPLY = ['function totalSupply() view returns (uint256)'];

/** Reads the EVM half of the bridge: gateway state, each token's supply and legal state, each oracle's NAV and where it stands on its haircut schedule. */
export async function readBridgeStatus(provider: Provider, deployment: DeploymentFile): Promise<BridgeStatus> {
  const gateway = gatewayAt(deployment.contracts.gateway, provider);
  const module = attach(ourArtifact('RemediationModule'), deployment.contracts.modules.remediation, provider);
  const at = (await provider.getBlock('latest'))?.timestamp ?? 0;
  const [paused, threshold, superThreshold, validators] = (await Promise.all([gateway.paused(), gateway.threshold(), gateway.superThreshold(), gateway.validators()])) as [boolean, bigint, bigint, string[]];
  const assets: AssetStatus[] = [];
  for (const asset of deployment.assets) {
    const nav = await readOracleNav(provider, asset.oracle);
    assets.push({
      symbol: asset.symbol,
      token: asset.token,
      totalSupply: (await new Contract(asset.token, TOTAL_SUPPLY, provider).getFunction('totalSupply')()) as bigint,
      inRemediation: (await module.inRemediation(asset.compliance)) as boolean,
      navPerUnit: nav.navPerUnit,
      valuationSeq: nav.valuationSeq,
      haircutBps: nav.haircutBps,
      price: nav.price ?? 0n,
      outlook: nav.outlook,
    });
  }
  return { gateway: { address: deployment.contracts.gateway, paused, threshold, superThreshold, validators }, assets, at };
}

/** The status as lines a person reads in a terminal. */
export function renderBridgeStatus(status: BridgeStatus): string[] {
  const g = status.gateway;
  const lines = [`gateway ${g.address}: ${g.paused ? 'PAUSED' : 'running'}, ${g.threshold} of ${g.validators.length} validators (super ${g.superThreshold})`];
  for (const asset of status.assets) {
    lines.push(
      `${asset.symbol} ${asset.token}: supply ${asset.totalSupply}, ${asset.inRemediation ? 'in REMEDIATION (no new collateral)' : 'normal'}`,
      `  NAV ${asset.navPerUnit} (valuation ${asset.valuationSeq}), haircut ${Number(asset.haircutBps) / 100}%, oracle price ${asset.price}; ${describeOutlook(asset.outlook)}`,
    );
  }
  return lines;
}
