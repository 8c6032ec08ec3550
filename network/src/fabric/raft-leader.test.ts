import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import test from 'ava';
import { ensureRaftLeader } from './raft-leader';
import { fabricTopology, type FabricTopology } from './topology';

/** An operations endpoint whose /metrics says whether it leads channel rwa; `leads` can change. */
async function metricsServer(state: { leads: boolean }): Promise<Server> {
  const server = createServer((_request, response) => response.end(`consensus_etcdraft_is_leader{channel="rwa"} ${state.leads ? 1 : 0}\n`));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

function topologyOn(port: number): FabricTopology {
  const base = fabricTopology({ home: '/tmp/trestle-raft-leader', portBase: 33000, host: '127.0.0.1' });
  return { ...base, banks: base.banks.map((bank) => ({ ...bank, orderer: { ...bank.orderer, operationsPort: port } })) };
}

test('a leader elected in time is named and the orderers are left alone', async (t) => {
  const server = await metricsServer({ leads: true });
  t.teardown(() => server.close());
  let restarts = 0;
  const leader = await ensureRaftLeader(topologyOn((server.address() as AddressInfo).port), async () => void restarts++, () => {}, 2_000);
  t.is(leader, 'orderer0.banka.trestle.local');
  t.is(restarts, 0);
});

test('no leader in the first wait: the orderers are restarted one at a time and the leader then elected is named', async (t) => {
  const state = { leads: false };
  const server = await metricsServer(state);
  t.teardown(() => server.close());
  const lines: string[] = [];
  const leader = await ensureRaftLeader(topologyOn((server.address() as AddressInfo).port), async () => void (state.leads = true), (line) => lines.push(line), 1_000);
  t.is(leader, 'orderer0.banka.trestle.local');
  t.deepEqual(lines, ['no Raft leader of rwa after 1 s: restarting the orderers one at a time']);
});
