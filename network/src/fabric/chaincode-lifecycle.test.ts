import test from 'ava';
import { bankMajorityPolicy, chaincodeDefinitionFlags } from './chaincode-lifecycle';
import { fabricTopology, type FabricTopology } from './topology';

const topology = fabricTopology({ home: '/tmp/trestle-lifecycle', portBase: 33000, host: '127.0.0.1' });
const withBanks = (count: number): FabricTopology => ({ ...topology, banks: Array.from({ length: count }, (_, index) => ({ ...topology.banks[0]!, mspId: `Bank${index}MSP` })) });

test('the endorsement policy is two of the three banks\' peers, the Regulator not among them', (t) => {
  t.is(bankMajorityPolicy(topology), "OutOf(2,'BankAMSP.peer','BankBMSP.peer','BankCMSP.peer')");
  t.false(bankMajorityPolicy(topology).includes(topology.regulator.mspId));
});

test('the majority is more than half of the banks, whatever their number', (t) => {
  for (const [banks, majority] of [[1, 1], [2, 2], [4, 3], [5, 3]] as const) {
    t.regex(bankMajorityPolicy(withBanks(banks)), new RegExp(`^OutOf\\(${majority},('Bank\\dMSP\\.peer',?){${banks}}\\)$`), `${banks} banks`);
  }
});

test('the definition flags name the channel, chaincode, version 1, the sequence and the bank majority policy', (t) => {
  const flags = chaincodeDefinitionFlags(topology, 3);
  t.is(flags.length % 2, 0, 'flags come in name/value pairs');
  const pairs = Object.fromEntries(flags.flatMap((flag, index) => (index % 2 === 0 ? [[flag, flags[index + 1]]] : [])));
  t.deepEqual(pairs, { '--channelID': 'rwa', '--name': 'trestle', '--version': '1', '--sequence': '3', '--signature-policy': bankMajorityPolicy(topology) });
  // The chaincode has no Init function and uses only implicit collections.
  t.false(flags.includes('--init-required'));
  t.false(flags.includes('--collections-config'));
});
