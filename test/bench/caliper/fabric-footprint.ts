import type { FootprintFigure } from '../../src/bench-report';
import { rssMiB } from '../footprint';
import { fabricProcessNames } from '@trestle/network/src/fabric/fabric-processes';
import type { FabricTopology } from '@trestle/network/src/fabric/topology';
import { runningPid } from '@trestle/network/src/process/managed-process';

/** What `trestle network up` took on the bench stack: warm when its ledgers were kept from an earlier run. */
export function networkUpFigure(seconds: number, warm: boolean): FootprintFigure {
  return {
    name: warm ? 'fabric.warmUpSeconds' : 'fabric.freshUpSeconds',
    label: warm ? 'Fabric network up, warm (processes started on kept ledgers, chaincode definition in force)' : 'Fabric network up from nothing (crypto material, channel, chaincode definition, consortium)',
    value: Math.round(seconds * 10) / 10,
    unit: 's',
  };
}

/** Resident memory of each of the nine Fabric processes and their total, `when` naming the moment (idle, after load). */
export function fabricRssFigures(home: string, topology: FabricTopology, when: 'idle' | 'loaded'): FootprintFigure[] {
  const figures: FootprintFigure[] = [];
  let total = 0;
  for (const name of fabricProcessNames(topology)) {
    const rss = rssMiB(runningPid(home, name));
    if (rss === undefined) continue;
    total += rss;
    figures.push({ name: `fabric.${name}.rss${when === 'idle' ? 'Idle' : 'Loaded'}MiB`, label: `${name} resident memory, ${when === 'idle' ? 'idle after network up' : 'right after the Caliper rounds'}`, value: rss, unit: 'MiB' });
  }
  if (figures.length > 0) figures.push({ name: `fabric.total.rss${when === 'idle' ? 'Idle' : 'Loaded'}MiB`, label: `all ${figures.length} Fabric processes, ${when === 'idle' ? 'idle' : 'after the Caliper rounds'}`, value: Math.round(total * 10) / 10, unit: 'MiB' });
  return figures;
}
