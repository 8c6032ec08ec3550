import type { ContractTransactionResponse } from 'ethers';
import { mined } from '@trestle/bridge/src/evm/deploy/steps';

/** Sends one transaction, waits for a successful receipt and returns its `gasUsed`. */
export async function gasOf(step: string, sent: Promise<ContractTransactionResponse>): Promise<bigint> {
  return (await mined(step, sent)).gasUsed;
}

/** Where the workload reports progress (one line per step). */
export type ProgressLog = (line: string) => void;
