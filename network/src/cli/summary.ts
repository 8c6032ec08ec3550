import path from 'node:path';
import { endpoint, fabricTopology } from '../fabric/topology';
import { logFileOf } from '../process/managed-process';
import { DEVNET_PROCESS } from '../evm/devnet';
import type { StackConfig } from '../stack/stack-config';
import type { StackUpResult } from './stack-up';

/** Prints where to look once `up` finished: endpoints, files, and what could not start and why. */
export function printSummary(stack: StackConfig, result: StackUpResult): void {
  const line = (label: string, value: string) => console.log(`  ${label.padEnd(18)} ${value}`);
  console.log('\nTrestle local stack');
  line('state folder', stack.home);
  line('EVM JSON-RPC', result.evmRpcUrl ?? 'not started');
  line('EVM log', logFileOf(stack.home, DEVNET_PROCESS));
  if (result.deployment) {
    line('deployment file', result.deploymentFile ?? '');
    line('gateway', result.deployment.contracts.gateway);
    line('morpho blue', result.deployment.contracts.morpho);
    for (const asset of result.deployment.assets) {
      line(`asset ${asset.symbol}`, `token ${asset.token}, oracle ${asset.oracle}, market ${asset.marketId}`);
    }
  }
  if (result.fabric.ok) {
    const topology = fabricTopology(stack);
    line('Fabric', `${result.fabric.release}, channel ${topology.channel}, chaincode ${topology.chaincode}`);
    for (const bank of topology.banks) {
      line(`  ${bank.mspId}`, `peer ${endpoint(topology, bank.peer.port)}, orderer ${endpoint(topology, bank.orderer.port)}, chaincode server ${endpoint(topology, bank.chaincodeServer.port)}`);
    }
    line('client wallets', `${path.join(topology.root, 'clients')}/<org>/wallet (admin and people of each org)`);
    line('Fabric logs', '"npm run trestle -- network logs peer-bankA" (orderer-…, chaincode-…)');
    if (result.consoles !== undefined) {
      const passwordFile = shortPath(result.consoles.passwordFile);
      for (const officerConsole of result.consoles.consoles) {
        line('officer console', `${officerConsole.name.padEnd(9)} ${officerConsole.url} (users ${officerConsole.people.map((person) => person.label).join(', ')}; password in ${passwordFile})`);
      }
      line('', 'KYC files do not open there: they need the evidence vault\'s share services, which npm start does not run (compliance/src/vault/README.md)');
    }
    console.log('\n  On the ledger now: "npm run trestle -- role list --as bankA/admin", "npm run trestle -- consortium show --as regulator/rita".');
  } else {
    console.log('\n  Fabric network: NOT STARTED');
    console.log(`  ${result.fabric.reason.split('\n').join('\n  ')}`);
    console.log('\n  Bridge validators: not started; each needs its bank\'s Fabric peer ("npm run trestle -- validator start --help").');
    console.log('  Officer console: not started; it needs its bank\'s Fabric peer ("npm run officer -- serve", see compliance/src/officer/README.md).');
    console.log('  Ledger commands (spv, asset, investor, transfer, policy, legal, bridge out, gateway-message, audit …): need the Fabric network.');
  }
  if (result.deployment) console.log('\n  On the EVM side now: "npm run trestle -- bridge status", "npm run trestle -- liquidator positions", "npm run trestle -- owner-call --help".');
}

/** The path relative to the working folder when it lies inside it (`.trestle/officer/passwords` from the repository), else absolute. */
function shortPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}
