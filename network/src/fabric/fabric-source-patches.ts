import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** One edit of a file of the pinned Fabric module: `from` must occur exactly once, so a different source fails loudly. */
export interface SourceEdit {
  readonly file: string;
  readonly from: string;
  readonly to: string;
}

/** A fix applied to the pinned Fabric source before it is built, named in the binaries' pin stamp. */
export interface SourcePatch {
  readonly id: string;
  readonly edits: readonly SourceEdit[];
}

/**
 * hyperledger/fabric#4199, fixed upstream after this pin (PR #4201, "Restrict WAL usage to
 * node.go"): on an orderer's restart the chain goroutine, applying a Raft configuration change,
 * sent on the unbuffered WALSyncC that only the node goroutine reads, while the node goroutine
 * was blocked handing the chain its next batch on applyC. Both waited forever: the orderer stopped
 * ticking and sending, so no leader was elected (seen here after warm restarts and in the chaos
 * suite: the log ends after "Applied config change to add node 1" and "elected leader"). Our fix:
 * the node goroutine syncs the WAL itself before it hands over committed entries holding a
 * configuration change, and the chain no longer asks for it.
 */
const WAL_SYNC_ON_NODE_GOROUTINE: SourcePatch = {
  id: 'etcdraft-wal-sync-on-node-goroutine',
  edits: [
    {
      file: 'orderer/consensus/etcdraft/chain.go',
      from: '\t\t\t// persist the WAL entries into disk\n\t\t\tc.Node.storage.WALSyncC <- struct{}{}\n',
      to: '\t\t\t// The node goroutine synced the WAL before handing these entries over (trestle patch, fabric#4199).\n',
    },
    {
      file: 'orderer/consensus/etcdraft/node.go',
      from: '\t\t\tif len(rd.CommittedEntries) != 0 || rd.SoftState != nil {\n\t\t\t\tn.chain.applyC <- apply{rd.CommittedEntries, rd.SoftState}\n',
      to: [
        '\t\t\tif len(rd.CommittedEntries) != 0 || rd.SoftState != nil {',
        '\t\t\t\t// Persist the WAL before the chain applies a configuration change (trestle patch, fabric#4199).',
        '\t\t\t\tfor i := range rd.CommittedEntries {',
        '\t\t\t\t\tif rd.CommittedEntries[i].Type == raftpb.EntryConfChange {',
        '\t\t\t\t\t\tif err := n.storage.Sync(); err != nil {',
        '\t\t\t\t\t\t\tn.logger.Warnf("Failed to sync raft log, error: %s", err)',
        '\t\t\t\t\t\t}',
        '\t\t\t\t\t\tbreak',
        '\t\t\t\t\t}',
        '\t\t\t\t}',
        '\t\t\t\tn.chain.applyC <- apply{rd.CommittedEntries, rd.SoftState}',
        '',
      ].join('\n'),
    },
  ],
};

/** The patches every build of the pinned Fabric gets, in order. */
export const FABRIC_PATCHES: readonly SourcePatch[] = [WAL_SYNC_ON_NODE_GOROUTINE];

/** Applies `patches` to the module source copied at `dir`; throws naming the file when an edit does not match exactly once. */
export function applySourcePatches(dir: string, patches: readonly SourcePatch[]): void {
  for (const patch of patches) {
    for (const edit of patch.edits) {
      const file = path.join(dir, edit.file);
      const source = readFileSync(file, 'utf8');
      const found = source.split(edit.from).length - 1;
      if (found !== 1) throw new Error(`Fabric patch ${patch.id}: expected the edited text once in ${edit.file}, found it ${found} times; the pinned source is not the one the patch was written for.`);
      writeFileSync(file, source.replace(edit.from, edit.to));
    }
  }
}
