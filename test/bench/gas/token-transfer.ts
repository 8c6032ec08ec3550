import type { Wallet } from 'ethers';
import type { DeployedContract } from '@trestle/bridge/src/evm/deploy-contract';
import type { GasMeasurement } from '../../src/bench-report';
import type { BenchConsortium } from './bench-consortium';
import { WAD } from './bench-params';
import { gasOf } from './measure';
import { REFERENCE } from './references';

const TRANSFER_AMOUNT = 10n * WAD;

/**
 * An ERC-3643 transfer between two verified holders who both already hold units: a first transfer
 * gives `to` units, the second is measured.
 */
export async function measureRepeatTransfer(b: BenchConsortium, from: Wallet, to: string): Promise<GasMeasurement> {
  const token = b.token.connect(from) as DeployedContract;
  await gasOf('Token.transfer (first)', token.transfer(to, TRANSFER_AMOUNT));
  return {
    name: 'erc3643.transfer.repeat',
    label: 'ERC-3643 transfer between verified holders, repeat',
    gasUsed: await gasOf('Token.transfer (repeat)', token.transfer(to, TRANSFER_AMOUNT)),
    reference: REFERENCE.trexRepeatTransfer,
  };
}
