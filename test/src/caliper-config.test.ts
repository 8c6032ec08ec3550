import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import test from 'ava';
import { parse } from 'yaml';
import { fabricTopology, type FabricTopology } from '@trestle/network/src/fabric/topology';
import { CALIPER_WORKLOADS, caliperBenchmarkConfig, FULL_ROUNDS, QUICK_ROUNDS, roundLabel, stepLabel, WORKLOADS_DIR, type CaliperSetup } from '../bench/caliper/benchmark-config';
import { caliperNetworkConfig, identityFiles, writeCaliperNetworkConfig } from '../bench/caliper/network-config';
import { leadsChannel } from '@trestle/network/src/fabric/raft-leader';

// The Caliper configuration generators (test/bench/caliper/), the Raft leader probe's metrics
// reading, and the workload modules' own logic against a stand-in connector (those last tests
// need Caliper installed in bench/caliper and are skipped without it).

const scratch = mkdtempSync(path.join(tmpdir(), 'trestle-caliper-config-'));
test.after.always(() => rmSync(scratch, { recursive: true, force: true }));

/** A topology under a fresh folder with the crypto files cryptogen would write for the bank users Caliper loads. */
function fakeStack(name: string, extraKey = false): FabricTopology {
  const topology = fabricTopology({ home: path.join(scratch, name), portBase: 41000, host: '127.0.0.1' });
  for (const bank of topology.banks) {
    const org = path.join(topology.root, 'crypto', 'peerOrganizations', bank.domain);
    mkdirSync(path.join(org, 'tlsca'), { recursive: true });
    writeFileSync(path.join(org, 'tlsca', `tlsca.${bank.domain}-cert.pem`), `-----BEGIN CERTIFICATE-----\ntls ca of ${bank.name}\n-----END CERTIFICATE-----\n`);
    for (const user of ['Admin', 'User1', 'User2', 'User3']) {
      const msp = path.join(org, 'users', `${user}@${bank.domain}`, 'msp');
      mkdirSync(path.join(msp, 'signcerts'), { recursive: true });
      mkdirSync(path.join(msp, 'keystore'), { recursive: true });
      writeFileSync(path.join(msp, 'signcerts', `${user}@${bank.domain}-cert.pem`), `cert of ${user}`);
      writeFileSync(path.join(msp, 'keystore', 'priv_sk'), `key of ${user}`);
      if (extraKey) writeFileSync(path.join(msp, 'keystore', 'second_sk'), 'another key');
    }
  }
  return topology;
}

interface NetworkConfig {
  version: string;
  caliper: { blockchain: string; sutOptions: { mutualTls: boolean } };
  channels: Array<{ channelName: string; contracts: Array<{ id: string }> }>;
  organizations: Array<{ mspid: string; identities: { certificates: Array<{ name: string; clientPrivateKey: { path: string }; clientSignedCert: { path: string } }> }; connectionProfile: { path: string; discover: boolean } }>;
}

test("the network configuration lists the three banks (no Regulator, which runs no peer) with their identities' key files from the crypto material", (t) => {
  const topology = fakeStack('network');
  const folder = path.join(scratch, 'network-out');
  const file = writeCaliperNetworkConfig(topology, folder);
  const config = parse(readFileSync(file, 'utf8')) as NetworkConfig;
  t.is(config.version, '2.0.0');
  t.deepEqual(config.caliper, { blockchain: 'fabric', sutOptions: { mutualTls: false } });
  t.deepEqual(config.channels, [{ channelName: 'rwa', contracts: [{ id: 'trestle' }] }]);
  t.deepEqual(config.organizations.map((org) => org.mspid), ['BankAMSP', 'BankBMSP', 'BankCMSP']);
  const bankB = config.organizations[1];
  t.deepEqual(bankB?.identities.certificates.map((identity) => identity.name), ['admin', 'officer1', 'officer2', 'operator1']);
  // Wallet label order: admin is Admin@, officer1 User1@ ... operator1 User3@ (client-files.ts).
  const operator = bankB?.identities.certificates.find((identity) => identity.name === 'operator1');
  t.is(readFileSync(operator?.clientSignedCert.path ?? '', 'utf8'), 'cert of User3');
  t.is(readFileSync(operator?.clientPrivateKey.path ?? '', 'utf8'), 'key of User3');
  t.false(readFileSync(file, 'utf8').includes('key of'), 'no private key is copied into the output folder');
  const profile = JSON.parse(readFileSync(bankB?.connectionProfile.path ?? '', 'utf8')) as { organizations: Record<string, { peers: string[] }>; peers: Record<string, { url: string; tlsCACerts: { pem: string } }> };
  t.is(path.dirname(bankB?.connectionProfile.path ?? ''), folder);
  t.deepEqual(profile.organizations.BankB?.peers, ['peer0.bankb.trestle.local'], "Caliper's Peer Gateway connector uses the org's first peer");
  t.is(profile.peers['peer0.bankb.trestle.local']?.url, `grpcs://127.0.0.1:${topology.banks[1]?.peer.port}`);
  t.regex(profile.peers['peer0.bankb.trestle.local']?.tlsCACerts.pem ?? '', /tls ca of BankB/);
});

test('an identity whose keystore holds more than one key is refused rather than guessed', (t) => {
  const topology = fakeStack('two-keys', true);
  t.throws(() => identityFiles(topology, topology.banks[0] as FabricTopology['banks'][number], 'officer1'), { message: /expected one private key in .*User1@banka\.trestle\.local.*found 2/ });
  t.throws(() => caliperNetworkConfig(topology, () => 'profile.json'), { message: /expected one private key/ });
  t.throws(() => identityFiles(fakeStack('label'), topology.banks[0] as FabricTopology['banks'][number], 'rita'), { message: /rita is not a wallet label of bankA/ });
});

const setup: CaliperSetup = {
  runTag: 'ABC123',
  reader: { mspId: 'BankAMSP', identity: 'admin' },
  admin: { mspId: 'BankAMSP', identity: 'admin' },
  adminIssuer: '/C=US/O=banka.trestle.local/CN=ca.banka.trestle.local',
  officer: { mspId: 'BankAMSP', identity: 'officer1' },
  onboardingEndorsers: ['BankAMSP', 'BankBMSP'],
  transferAmount: '100',
  lanes: [
    { assetId: 'CAL-1', from: 'INV-A1', to: 'INV-B2', requester: { mspId: 'BankAMSP', identity: 'operator1' }, approvers: [{ mspId: 'BankAMSP', identity: 'officer1' }, { mspId: 'BankBMSP', identity: 'officer1' }] },
  ],
};

interface Round {
  label: string;
  txDuration: number;
  rateControl: { type: string; opts: Record<string, unknown> };
  workload: { module: string; arguments: Record<string, unknown> };
}

test('the benchmark runs every workload at a fixed rate and then at the maximum rate, one worker, modules that exist', (t) => {
  const config = caliperBenchmarkConfig(setup, QUICK_ROUNDS) as { test: { workers: { number: number }; rounds: Round[] } };
  t.is(config.test.workers.number, 1);
  const rounds = config.test.rounds;
  t.deepEqual(
    rounds.map((round) => round.label),
    CALIPER_WORKLOADS.flatMap((workload) => [roundLabel(workload.id, 'fixed-rate'), roundLabel(workload.id, 'maximum-rate'), ...(workload.steps?.quick ?? []).map((tps) => stepLabel(workload.id, tps))]),
  );
  for (const workload of CALIPER_WORKLOADS) {
    const [fixed, maximum] = rounds.filter((round) => round.label.startsWith(`${workload.id}-`));
    t.deepEqual(fixed?.rateControl, { type: 'fixed-rate', opts: { tps: workload.fixedRate } });
    t.is(fixed?.txDuration, QUICK_ROUNDS.fixedSeconds);
    t.deepEqual(maximum?.rateControl, { type: 'maximum-rate', opts: { tps: workload.saturation.start, step: workload.saturation.step, sampleInterval: QUICK_ROUNDS.sampleSeconds, includeFailed: false } });
    t.is(maximum?.txDuration, QUICK_ROUNDS.maximumSeconds);
    t.true(existsSync(fixed?.workload.module ?? ''), `${workload.module} is in ${WORKLOADS_DIR}`);
  }
  const onboard = rounds.find((round) => round.label === 'onboard-fixed-rate');
  t.deepEqual(onboard?.workload.arguments, { invoker: setup.officer, endorsingOrganizations: ['BankAMSP', 'BankBMSP'], runTag: 'ABC123' });
  t.deepEqual(rounds.find((round) => round.label === 'transfer-maximum-rate')?.workload.arguments, { roundSeconds: QUICK_ROUNDS.maximumSeconds, amount: '100', lanes: setup.lanes, runTag: 'ABC123' });
  const only = caliperBenchmarkConfig(setup, QUICK_ROUNDS, CALIPER_WORKLOADS.filter((workload) => workload.id === 'read')) as { test: { rounds: Round[] } };
  t.deepEqual(only.test.rounds.map((round) => round.label), ['read-fixed-rate', 'read-maximum-rate']);
});

test('the saturation steps: plain write and transfer at rising fixed rates, each a round of the plan\'s step length; --quick runs none', (t) => {
  const full = (caliperBenchmarkConfig(setup, FULL_ROUNDS) as { test: { rounds: Round[] } }).test.rounds;
  const steps = full.filter((round) => round.label.includes('-step-'));
  t.deepEqual(steps.map((round) => round.label), ['plain-step-20', 'plain-step-40', 'plain-step-60', 'plain-step-80', 'plain-step-100', 'plain-step-120', 'plain-step-140', 'transfer-step-3', 'transfer-step-6', 'transfer-step-9', 'transfer-step-12', 'transfer-step-15', 'transfer-step-18']);
  for (const round of steps) {
    t.is(round.txDuration, FULL_ROUNDS.stepSeconds);
    t.deepEqual(round.rateControl, { type: 'fixed-rate', opts: { tps: Number(round.label.split('-step-')[1]) } });
  }
  // The transfer module stops taking lanes when its round's time is up: it must get the step's length.
  t.is(full.find((round) => round.label === 'transfer-step-18')?.workload.arguments.roundSeconds, FULL_ROUNDS.stepSeconds);
  const quick = (caliperBenchmarkConfig(setup, QUICK_ROUNDS) as { test: { rounds: Round[] } }).test.rounds.filter((round) => round.label.includes('-step-'));
  t.deepEqual(quick, []);
});

test("the Raft probe finds the leader of the channel in an orderer's Prometheus metrics", (t) => {
  const metrics = (rwa: number, other: number) =>
    [
      '# HELP consensus_etcdraft_is_leader The leadership status of the current node: 1 if it is the leader else 0.',
      '# TYPE consensus_etcdraft_is_leader gauge',
      `consensus_etcdraft_is_leader{channel="other"} ${other}`,
      `consensus_etcdraft_is_leader{channel="rwa"} ${rwa}`,
      'consensus_etcdraft_cluster_size{channel="rwa"} 3',
    ].join('\n');
  t.true(leadsChannel(metrics(1, 0), 'rwa'));
  t.false(leadsChannel(metrics(0, 1), 'rwa'), 'leading another channel is not enough');
  t.false(leadsChannel('consensus_etcdraft_cluster_size{channel="rwa"} 1', 'rwa'));
});

// The workload modules, loaded as Caliper loads them (they need @hyperledger/caliper-core from bench/caliper).
const caliperInstalled = existsSync(path.join(WORKLOADS_DIR, '..', 'node_modules', '@hyperledger', 'caliper-core', 'package.json'));
const withCaliper = caliperInstalled ? test : test.skip;
/** Loads a workload module as Caliper's worker does (CommonJS). */
const loadWorkloadFile = (file: string) => createRequire(__filename)(path.join(WORKLOADS_DIR, file)) as unknown;

interface Sent {
  readonly contractFunction: string;
  readonly contractArguments: string[];
  readonly invokerMspId: string;
  readonly invokerIdentity: string;
}

withCaliper('a transfer lane carries one transfer at a time: request by the operator, then each bank’s officer, stopping at the first failure', async (t) => {
  const { createWorkloadModule } = loadWorkloadFile('compliant-transfer.cjs') as { createWorkloadModule: () => { initializeWorkloadModule(...args: unknown[]): Promise<void>; submitTransaction(): Promise<void> } };
  const sent: Sent[] = [];
  const inFlight = new Map<string, number>();
  let overlapped = false;
  const failRequestsOf = new Set<string>(['INV-B1']);
  const assetOf = new Map<string, string>();
  const adapter = {
    sendRequests: async (request: Sent) => {
      sent.push(request);
      const isRequest = request.contractFunction === 'TransferContract:RequestTransfer';
      const body = isRequest ? (JSON.parse(request.contractArguments[0] as string) as { transferId: string; assetId: string; fromInvestorId: string }) : undefined;
      if (body !== undefined) assetOf.set(body.transferId, body.assetId);
      // Every step of a transfer counts against its lane (asset) while it is in flight.
      const lane = assetOf.get(body?.transferId ?? (request.contractArguments[0] as string)) as string;
      inFlight.set(lane, (inFlight.get(lane) ?? 0) + 1);
      if ((inFlight.get(lane) ?? 0) > 1) overlapped = true;
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight.set(lane, (inFlight.get(lane) ?? 1) - 1);
      const failed = body !== undefined && failRequestsOf.has(body.fromInvestorId);
      return { IsCommitted: () => !failed };
    },
  };
  const lanes = [
    ...setup.lanes,
    { assetId: 'CAL-2', from: 'INV-B1', to: 'INV-A2', requester: { mspId: 'BankBMSP', identity: 'operator1' }, approvers: [{ mspId: 'BankBMSP', identity: 'officer1' }, { mspId: 'BankAMSP', identity: 'officer1' }] },
  ];
  const workload = createWorkloadModule();
  await workload.initializeWorkloadModule(0, 1, 7, { roundSeconds: 60, amount: '100', lanes, runTag: 'T1' }, adapter, {});
  await Promise.all([1, 2, 3, 4].map(() => workload.submitTransaction()));
  t.false(overlapped, 'no lane had two transactions in flight at once');
  const requests = sent.filter((request) => request.contractFunction === 'TransferContract:RequestTransfer').map((request) => JSON.parse(request.contractArguments[0] as string) as Record<string, string>);
  t.is(requests.length, 4);
  t.deepEqual(new Set(requests.map((request) => request.transferId)).size, 4, 'a fresh transfer id each time');
  t.like(requests[0], { assetId: 'CAL-1', fromInvestorId: 'INV-A1', toInvestorId: 'INV-B2', amount: '100', transferId: 'T-BENCH-T1-R7-W0-1' });
  const approvalsOf = (transferId: string) => sent.filter((request) => request.contractFunction === 'TransferContract:ApproveTransfer' && request.contractArguments[0] === transferId).map((request) => request.invokerMspId);
  for (const request of requests) {
    t.deepEqual(approvalsOf(request.transferId as string), request.assetId === 'CAL-1' ? ['BankAMSP', 'BankBMSP'] : [], request.assetId === 'CAL-1' ? "the sender's bank's officer, then the receiver's" : 'a refused request is not approved');
  }
  t.deepEqual(new Set(sent.filter((request) => request.contractFunction.endsWith('RequestTransfer')).map((request) => `${request.invokerMspId}/${request.invokerIdentity}`)), new Set(['BankAMSP/operator1', 'BankBMSP/operator1']));
});

withCaliper('targetOrganizations become the gateway’s endorsing organisations, with the transient map as bytes; other requests keep the connector’s own path', async (t) => {
  const { endorseByTargetOrganizations } = loadWorkloadFile('endorsing-organizations.cjs') as { endorseByTargetOrganizations: (connector: unknown) => void };
  const proposals: Array<{ name: string; options: { arguments: string[]; transientData: Record<string, Uint8Array>; endorsingOrganizations: string[] } }> = [];
  const ownPath: unknown[] = [];
  const contract = {
    newProposal: (name: string, options: (typeof proposals)[number]['options']) => {
      proposals.push({ name, options });
      return { getTransactionId: () => 'tx1', endorse: async () => ({ submit: async () => ({ getStatus: async () => ({ successful: true, code: 0 }), getResult: () => new Uint8Array() }) }) };
    },
  };
  const connector = {
    connectorConfiguration: { getContractDetailsForContractId: (id: string) => (id === 'trestle' ? { channel: 'rwa', id: 'trestle' } : undefined) },
    _getContractForIdentityOnChannelWithChaincodeID: async (mspId: string, identity: string, channel: string, contractId: string) => (mspId === 'BankAMSP' && identity === 'officer1' && channel === 'rwa' && contractId === 'trestle' ? contract : undefined),
    _sendSingleRequest: async (request: unknown) => {
      ownPath.push(request);
      return 'own';
    },
  };
  endorseByTargetOrganizations(connector);
  endorseByTargetOrganizations(connector);
  const status = (await connector._sendSingleRequest({ contractId: 'trestle', contractFunction: 'InvestorContract:OnboardInvestor', contractArguments: ['{}'], transientMap: { pii: '{"fullName":"A"}' }, targetOrganizations: ['BankAMSP', 'BankBMSP'], invokerMspId: 'BankAMSP', invokerIdentity: 'officer1' })) as unknown as { GetStatus(): string; GetID(): string };
  t.is(status.GetStatus(), 'success');
  t.is(status.GetID(), 'tx1');
  t.is(proposals.length, 1);
  t.is(proposals[0]?.name, 'InvestorContract:OnboardInvestor');
  t.deepEqual(proposals[0]?.options.endorsingOrganizations, ['BankAMSP', 'BankBMSP']);
  t.deepEqual(proposals[0]?.options.arguments, ['{}']);
  t.is(Buffer.from(proposals[0]?.options.transientData.pii ?? []).toString('utf8'), '{"fullName":"A"}');
  t.is(await connector._sendSingleRequest({ contractId: 'trestle', contractFunction: 'RoleContract:ListRoles' }), 'own', 'installed once: a second call does not wrap the wrapper');
  t.is(ownPath.length, 1);
});

withCaliper("transfer calls still waiting for a lane when the round's time is up give it back unsent, so the round ends on time", async (t) => {
  const { createWorkloadModule } = loadWorkloadFile('compliant-transfer.cjs') as { createWorkloadModule: () => { initializeWorkloadModule(...args: unknown[]): Promise<void>; submitTransaction(): Promise<void> } };
  const sent: string[] = [];
  const adapter = {
    sendRequests: async (request: Sent) => {
      sent.push(request.contractFunction);
      await new Promise((resolve) => setTimeout(resolve, 30));
      return { IsCommitted: () => true };
    },
  };
  const workload = createWorkloadModule();
  // One lane; the first transfer's three steps take about 90 ms, past the 50 ms round.
  await workload.initializeWorkloadModule(0, 1, 0, { roundSeconds: 0.05, amount: '100', lanes: setup.lanes, runTag: 'T2' }, adapter, {});
  await Promise.all([1, 2, 3].map(() => workload.submitTransaction()));
  t.deepEqual(sent, ['TransferContract:RequestTransfer', 'TransferContract:ApproveTransfer', 'TransferContract:ApproveTransfer'], 'the transfer under way finished, the two waiting calls sent nothing');
});
