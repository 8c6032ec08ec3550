import test from 'ava';
import fc from 'fast-check';
import { CONSORTIUM_ORGS } from '../cli/ledger/acting-identity';
import { DEFAULT_PORT_BASE, PORT_OFFSETS, TEST_PORT_BASE, type StackConfig } from '../stack/stack-config';
import { endpoint, fabricTopology, processName, type FabricTopology } from './topology';

const stackAt = (portBase: number): StackConfig => ({ home: `/tmp/trestle-topology-${portBase}`, portBase, host: '127.0.0.1' });

// The developer and test stacks sit one range apart; helpers and CI take further ranges
// (33000, 34000, ...). A stack owns [portBase, portBase + STACK_RANGE).
const STACK_RANGE = TEST_PORT_BASE - DEFAULT_PORT_BASE;
const PORTS_PER_STACK = Object.keys(PORT_OFFSETS).length + 3 * 7;

/** Every port a stack listens on: the fixed offsets (the EVM devnet's) and each Fabric process's, labelled. */
function stackPorts(stack: StackConfig, topology: FabricTopology = fabricTopology(stack)): Map<string, number> {
  const ports = new Map<string, number>(Object.entries(PORT_OFFSETS).map(([name, offset]) => [name, stack.portBase + offset]));
  for (const bank of topology.banks) {
    ports.set(`${processName.peer(bank)} listen`, bank.peer.port);
    ports.set(`${processName.peer(bank)} chaincode`, bank.peer.chaincodePort);
    ports.set(`${processName.peer(bank)} operations`, bank.peer.operationsPort);
    ports.set(`${processName.orderer(bank)} listen`, bank.orderer.port);
    ports.set(`${processName.orderer(bank)} admin`, bank.orderer.adminPort);
    ports.set(`${processName.orderer(bank)} operations`, bank.orderer.operationsPort);
    ports.set(`${processName.chaincode(bank)} listen`, bank.chaincodeServer.port);
  }
  return ports;
}

test('no two processes of a stack, the EVM devnet included, share a port', (t) => {
  const ports = stackPorts(stackAt(33000));
  t.is(ports.size, PORTS_PER_STACK);
  const owners = new Map<number, string>();
  for (const [owner, port] of ports) {
    t.false(owners.has(port), `${owner} and ${owners.get(port)} both take ${port}`);
    owners.set(port, owner);
  }
});

test('every port of a stack lies inside its own range, so stacks one range apart never collide', (t) => {
  t.notThrows(() =>
    fc.assert(
      fc.property(fc.integer({ min: 1024, max: 64000 }), (portBase) =>
        [...stackPorts(stackAt(portBase)).values()].every((port) => port >= portBase && port < portBase + STACK_RANGE && port <= 65535),
      ),
    ),
  );
  const bases = [DEFAULT_PORT_BASE, TEST_PORT_BASE, 33000, 34000];
  const seen = new Map<number, number>();
  for (const base of bases) {
    for (const port of stackPorts(stackAt(base)).values()) {
      t.false(seen.has(port), `port ${port} of stack ${base} is also taken by stack ${seen.get(port)}`);
      seen.set(port, base);
    }
  }
  t.is(seen.size, bases.length * PORTS_PER_STACK);
});

test('two stacks with bases at least a range apart share no port', (t) => {
  t.notThrows(() =>
    fc.assert(
      fc.property(fc.integer({ min: 1024, max: 64000 - STACK_RANGE }), fc.integer({ min: STACK_RANGE, max: 30000 }), (low, gap) => {
        const high = Math.min(low + gap, 64000);
        const lowPorts = new Set(stackPorts(stackAt(low)).values());
        return [...stackPorts(stackAt(high)).values()].every((port) => !lowPorts.has(port));
      }),
    ),
  );
});

test('every endpoint is on 127.0.0.1', (t) => {
  const stack = stackAt(33000);
  const topology = fabricTopology(stack);
  t.is(topology.host, '127.0.0.1');
  for (const port of stackPorts(stack, topology).values()) t.is(endpoint(topology, port), `127.0.0.1:${port}`);
});

test('banks are BankA..C with the MSP ids clients act as, the Regulator has no nodes, names follow the domains', (t) => {
  const topology = fabricTopology(stackAt(33000));
  t.deepEqual(
    topology.banks.map((bank) => [bank.handle, bank.name, bank.mspId, bank.domain]),
    [
      ['bankA', 'BankA', 'BankAMSP', 'banka.trestle.local'],
      ['bankB', 'BankB', 'BankBMSP', 'bankb.trestle.local'],
      ['bankC', 'BankC', 'BankCMSP', 'bankc.trestle.local'],
    ],
  );
  for (const bank of topology.banks) {
    t.is(CONSORTIUM_ORGS[bank.handle] as string, bank.mspId);
    t.is(bank.peer.name, `peer0.${bank.domain}`);
    t.is(bank.orderer.name, `orderer0.${bank.domain}`);
    t.is(bank.chaincodeServer.domain, `chaincode.${bank.domain}`);
    t.is(bank.chaincodeServer.name, `server.${bank.chaincodeServer.domain}`);
    t.deepEqual([processName.peer(bank), processName.orderer(bank), processName.chaincode(bank)], [`peer-${bank.handle}`, `orderer-${bank.handle}`, `chaincode-${bank.handle}`]);
  }
  t.deepEqual(topology.regulator, { handle: 'regulator', name: 'Regulator', mspId: CONSORTIUM_ORGS.regulator, domain: 'regulator.trestle.local' });
  t.is(topology.channel, 'rwa');
  t.is(topology.chaincode, 'trestle');
  t.is(topology.root, '/tmp/trestle-topology-33000/fabric');
});
