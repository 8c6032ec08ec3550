import test from 'ava';
import { OFFICER_PORT_OFFSET } from '@trestle/compliance/src/officer/service-config';
import { SHARE_SERVICE_PORT_OFFSET } from '@trestle/compliance/src/vault/share-service/http/share-service-config';
import { fabricTopology } from '../fabric/topology';
import { DEFAULT_PORT_BASE, evmRpcUrl, TEST_PORT_BASE, type StackConfig } from '../stack/stack-config';
import { consolePasswordFile, consoleProcessName, officerConsoles } from './consoles-up';

const stackAt = (portBase: number): StackConfig => ({ home: `/tmp/trestle-consoles-${portBase}`, portBase, host: '127.0.0.1' });

/** Every other port the stack (or a hand-started officer or share service) takes. */
function otherPorts(stack: StackConfig): number[] {
  const fabric = fabricTopology(stack).banks.flatMap((bank) => [bank.peer.port, bank.peer.chaincodePort, bank.peer.operationsPort, bank.orderer.port, bank.orderer.adminPort, bank.orderer.operationsPort, bank.chaincodeServer.port]);
  return [...fabric, Number(new URL(evmRpcUrl(stack)).port), stack.portBase + OFFICER_PORT_OFFSET, stack.portBase + SHARE_SERVICE_PORT_OFFSET];
}

test('each bank and the regulator get their own console port, on loopback, colliding with no other port of the stack and inside its range', (t) => {
  for (const portBase of [DEFAULT_PORT_BASE, TEST_PORT_BASE, 23000]) {
    const stack = stackAt(portBase);
    const consoles = officerConsoles(stack);
    const ports = consoles.map((officerConsole) => officerConsole.port);
    t.deepEqual(consoles.map((officerConsole) => officerConsole.name), ['BankA', 'BankB', 'BankC', 'Regulator']);
    t.is(new Set(ports).size, 4, 'four distinct ports');
    t.deepEqual(ports.filter((port) => otherPorts(stack).includes(port)), [], 'no Fabric, devnet, default officer or share service port');
    t.true(ports.every((port) => port >= portBase && port < portBase + (TEST_PORT_BASE - DEFAULT_PORT_BASE)));
    t.true(consoles.every((officerConsole) => officerConsole.url === `http://127.0.0.1:${officerConsole.port}`));
  }
  t.is(officerConsoles(stackAt(DEFAULT_PORT_BASE))[0]?.url, 'http://127.0.0.1:27081', "npm start's BankA console");
});

test("a bank's console serves its two compliance officers, the regulator's serves rita, each from its own folder under the stack's officer/", (t) => {
  const stack = stackAt(23000);
  const consoles = officerConsoles(stack);
  for (const bank of consoles.slice(0, 3)) {
    t.deepEqual(bank.people, [
      { label: 'officer1', role: 'compliance-officer' },
      { label: 'officer2', role: 'compliance-officer' },
    ]);
  }
  t.deepEqual(consoles[3]?.people, [{ label: 'rita', role: 'regulator' }]);
  t.deepEqual(consoles.map((officerConsole) => [officerConsole.mspId, officerConsole.folder, consoleProcessName(officerConsole.org)]), [
    ['BankAMSP', '/tmp/trestle-consoles-23000/officer/bankA', 'officer-bankA'],
    ['BankBMSP', '/tmp/trestle-consoles-23000/officer/bankB', 'officer-bankB'],
    ['BankCMSP', '/tmp/trestle-consoles-23000/officer/bankC', 'officer-bankC'],
    ['RegulatorMSP', '/tmp/trestle-consoles-23000/officer/regulator', 'officer-regulator'],
  ]);
  t.is(consolePasswordFile(stack), '/tmp/trestle-consoles-23000/officer/passwords');
});
