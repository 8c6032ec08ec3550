import type { ContractTransactionReceipt, Wallet } from 'ethers';
import { ourArtifact } from '../../src/evm/artifacts';
import { deployContract, type DeployedContract } from '../../src/evm/deploy-contract';
import { fundedWallet } from '../../src/evm/provider';
import type { MarketFixture } from './fixtures';

/** One call the test-only FlashBorrower makes while it holds a loan (its `Call` struct). */
export interface BorrowerCall {
  readonly target: string;
  readonly data: string;
}

/** A deployed FlashBorrower (bridge/contracts/testing) and the wallet that owns it. */
export interface FlashBorrower {
  readonly contract: DeployedContract;
  readonly address: string;
  readonly owner: Wallet;
  /** Flash-loans `assets` of `token` (the market's collateral token unless given) from Morpho, making `calls` during the loan. */
  borrow(assets: bigint, calls?: readonly BorrowerCall[], token?: string): Promise<ContractTransactionReceipt>;
}

/** Deploys a FlashBorrower on `m`'s Morpho, owned by a fresh funded wallet; registered on the token's identity registry when `verified`. */
export async function deployFlashBorrower(m: MarketFixture, { verified }: { verified: boolean }): Promise<FlashBorrower> {
  const owner = await fundedWallet(m.provider);
  const contract = await deployContract(owner, ourArtifact('FlashBorrower'), [await m.morpho.getAddress()]);
  const address = await contract.getAddress();
  if (verified) await m.register(address);
  return {
    contract,
    address,
    owner,
    async borrow(assets, calls = [], token = m.suite.token) {
      const response = await contract.borrow(token, assets, calls.map((call) => [call.target, call.data]));
      return (await response.wait()) as ContractTransactionReceipt;
    },
  };
}

/** A call of `method` on `contract` with `args`, for the borrower to make during a loan. */
export async function callOf(contract: DeployedContract, method: string, args: readonly unknown[]): Promise<BorrowerCall> {
  return { target: await contract.getAddress(), data: contract.interface.encodeFunctionData(method, args) };
}
