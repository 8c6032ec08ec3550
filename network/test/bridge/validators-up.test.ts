// First: fabric-network's own failure logs go to the stack's logs/fabric-client.log.
import '../transfers/quiet-fabric-client';
import test from 'ava';
import { readFileSync } from 'node:fs';
import { Wallet } from 'ethers';
import type { BridgeChainRecord } from '@trestle/compliance/src/bridge/bridge-chain';
import type { BridgeValidator } from '@trestle/compliance/src/bridge/bridge-validator';
import { deployAll } from '@trestle/bridge/src/evm/deploy/deploy-all';
import { validatorStatusFile, type PassReport } from '@trestle/bridge/src/node/validator-node';
import { devnet } from '@trestle/bridge/test/support/devnet';
import { stopValidators, validatorProcessName, validatorsUp } from '../../src/cli/validators-up';
import { runningPid } from '../../src/process/managed-process';
import { testStack } from '../../src/stack/stack-config';
import { BRIDGE_BANKS } from '../support/bridge-world';
import { sessionOf } from '../support/ledger-people';

// The task npm start runs after the deployment (validators-up.ts), on the real network and the
// test stack's devnet. Serial like every integration suite; the processes are stopped at the end.

const stack = testStack();
const json = <T>(bytes: Uint8Array) => JSON.parse(Buffer.from(bytes).toString('utf8')) as T;

test.after.always(async () => {
  await stopValidators(stack.home);
});

test.serial("npm start's validator task registers each bank's devnet key, puts the deployed gateway in force and leaves three validators passing; run again it changes nothing on the ledger and restarts them", async (t) => {
  const { deployment } = await deployAll(await devnet(), stack);
  const note = await validatorsUp(stack, deployment, () => {});
  t.regex(note, /^3 validators passing, BankA relaying/);

  const keys = JSON.parse(readFileSync(`${stack.home}/evm/devnet-keys.json`, 'utf8')) as { validators: Record<string, string> };
  const reader = await sessionOf(stack, 'bankA/validator1');
  const chainRecord = async () => json<BridgeChainRecord>(await reader.contract('BridgeContract').evaluateTransaction('GetBridgeChain', String(deployment.chainId)));
  try {
    const registered = json<BridgeValidator[]>(await reader.contract('BridgeContract').evaluateTransaction('ListBridgeValidators'));
    for (const bank of BRIDGE_BANKS) {
      const expected = new Wallet(keys.validators[bank.org.replace('bank', 'Bank')]!).address;
      t.is(registered.find((validator) => validator.bankMsp === bank.msp)?.address, expected, `${bank.msp}'s devnet validator key is registered`);
    }
    const first = await chainRecord();
    t.is(first.active?.gateway, deployment.contracts.gateway, 'the deployed gateway is in force');
    t.is(first.active?.threshold, deployment.threshold);
    t.is(first.active?.confirmations, 1, 'a burn on the automining devnet is final in its own block');

    const pids = BRIDGE_BANKS.map((bank) => runningPid(stack.home, validatorProcessName(bank.org)));
    t.true(pids.every((pid) => pid !== undefined), 'one validator process per bank runs');
    for (const bank of BRIDGE_BANKS) {
      const report = JSON.parse(readFileSync(validatorStatusFile(stack.home, bank.msp), 'utf8')) as PassReport;
      t.is(report.validator, new Wallet(keys.validators[bank.org.replace('bank', 'Bank')]!).address);
      t.deepEqual(Object.entries(report.duties).filter(([, outcome]) => 'error' in outcome), [], `${bank.msp}: no duty failed on its first pass`);
    }

    await validatorsUp(stack, deployment, () => {});
    t.is((await chainRecord()).version, first.version, 'the same configuration is not proposed again');
    const restarted = BRIDGE_BANKS.map((bank) => runningPid(stack.home, validatorProcessName(bank.org)));
    t.true(restarted.every((pid, index) => pid !== undefined && pid !== pids[index]), 'each validator was restarted');
  } finally {
    await reader.close();
  }
  t.deepEqual(await stopValidators(stack.home), BRIDGE_BANKS.map((bank) => validatorProcessName(bank.org)));
  t.true(BRIDGE_BANKS.every((bank) => runningPid(stack.home, validatorProcessName(bank.org)) === undefined), 'no validator process is left');
});
