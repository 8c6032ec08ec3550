import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import { fabricTopology } from '@trestle/network/src/fabric/topology';
import { fabricRssFigures, networkUpFigure } from '../bench/caliper/fabric-footprint';

test('network up is reported as warm or fresh, in seconds to one decimal', (t) => {
  t.deepEqual(networkUpFigure(12.345, true), { name: 'fabric.warmUpSeconds', label: 'Fabric network up, warm (processes started on kept ledgers, chaincode definition in force)', value: 12.3, unit: 's' });
  t.is(networkUpFigure(90.04, false).name, 'fabric.freshUpSeconds');
});

test('resident memory is read for each running Fabric process and totalled; a process not running is left out', (t) => {
  const home = mkdtempSync(path.join(os.tmpdir(), 'trestle-fabric-rss-'));
  t.teardown(() => rmSync(home, { recursive: true, force: true }));
  const topology = fabricTopology({ home, portBase: 33000, host: '127.0.0.1' });
  mkdirSync(path.join(home, 'run'), { recursive: true });
  // This test's own process stands in for peer-bankA: a live pid with a VmRSS.
  writeFileSync(path.join(home, 'run', 'peer-bankA.pid'), String(process.pid));
  const figures = fabricRssFigures(home, topology, 'loaded');
  t.deepEqual(figures.map((figure) => figure.name), ['fabric.peer-bankA.rssLoadedMiB', 'fabric.total.rssLoadedMiB']);
  t.true((figures[0]?.value ?? 0) > 10);
  t.is(figures[1]?.value, figures[0]?.value);
  t.deepEqual(fabricRssFigures(mkdtempSync(path.join(os.tmpdir(), 'trestle-fabric-rss-none-')), topology, 'idle'), []);
});
