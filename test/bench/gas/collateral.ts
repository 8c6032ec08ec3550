import type { Signer } from 'ethers';
import { ourArtifact } from '@trestle/bridge/src/evm/artifacts';
import { deployContract, type DeployedContract } from '@trestle/bridge/src/evm/deploy-contract';
import { mined } from '@trestle/bridge/src/evm/deploy/steps';
import type { BenchConsortium } from './bench-consortium';
import { gatewayMint } from './gateway-mint';
import { registerHolder } from './identity-registration';

/** The collateral of one bench market, with how a wallet becomes able to hold it and gets units. */
export interface Collateral {
  readonly kind: 'erc3643' | 'plain';
  readonly address: string;
  /** The token as the deployer; `connect` it to act as a holder. */
  readonly token: DeployedContract;
  /** Lets `wallet` hold the token: ERC-3643 registers it with claims on `topics`; a plain token needs nothing. */
  admit(wallet: string, topics: readonly bigint[]): Promise<void>;
  /** Gives `wallet` `amount` units: a gateway mint, or the plain token owner's mint. */
  fund(wallet: string, amount: bigint): Promise<void>;
}

/** The bench consortium's ERC-3643 asset. */
export function erc3643Collateral(b: BenchConsortium): Collateral {
  return {
    kind: 'erc3643',
    address: b.suite.token,
    token: b.token,
    async admit(wallet, topics) {
      await registerHolder(b, wallet, topics);
    },
    async fund(wallet, amount) {
      await gatewayMint(b, wallet, amount);
    },
  };
}

/** A fresh plain ERC-20 (`TestToken`, 18 decimals like the asset) owned by `deployer`. */
export async function plainCollateral(deployer: Signer): Promise<Collateral> {
  const token = await deployContract(deployer, ourArtifact('TestToken'), ['Plain Collateral', 'PLAIN', 18]);
  return {
    kind: 'plain',
    address: await token.getAddress(),
    token,
    async admit() {},
    async fund(wallet, amount) {
      await mined('TestToken.mint (collateral)', token.mint(wallet, amount));
    },
  };
}
