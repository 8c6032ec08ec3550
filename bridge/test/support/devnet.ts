import type { JsonRpcProvider } from 'ethers';
import { startDevnet } from '@trestle/network/src/evm/devnet';
import { testStack } from '@trestle/network/src/stack/stack-config';
import { localProvider } from '../../src/evm/provider';
import { compileAll } from '../../src/compile/compile';

let shared: Promise<JsonRpcProvider> | undefined;

/**
 * The test stack's devnet: started if it is not running (the test runner usually started it),
 * with contracts compiled if their sources changed. One per test process.
 */
export function devnet(): Promise<JsonRpcProvider> {
  shared ??= (async () => {
    compileAll();
    const url = await startDevnet(testStack());
    return localProvider(url);
  })();
  return shared;
}
