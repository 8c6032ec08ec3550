import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import { FABRIC_PIN } from './fabric-pin';
import { applySourcePatches, FABRIC_PATCHES, type SourcePatch } from './fabric-source-patches';

const patch: SourcePatch = { id: 'demo', edits: [{ file: 'a/b.go', from: 'send()\n', to: 'sync()\nsend()\n' }] };

function source(text: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'trestle-patch-'));
  mkdirSync(path.join(dir, 'a'));
  writeFileSync(path.join(dir, 'a', 'b.go'), text);
  return dir;
}

test('an edit whose text occurs once is applied', (t) => {
  const dir = source('x\nsend()\ny\n');
  applySourcePatches(dir, [patch]);
  t.is(readFileSync(path.join(dir, 'a', 'b.go'), 'utf8'), 'x\nsync()\nsend()\ny\n');
});

test('an edit whose text is missing or repeated fails naming the patch and the file, and changes nothing', (t) => {
  for (const text of ['x\n', 'send()\nsend()\n']) {
    const dir = source(text);
    t.throws(() => applySourcePatches(dir, [patch]), { message: /Fabric patch demo: expected the edited text once in a\/b\.go/ });
    t.is(readFileSync(path.join(dir, 'a', 'b.go'), 'utf8'), text);
  }
});

test('the WAL-sync patch takes the send on WALSyncC out of the chain and syncs on the node goroutine before applyC', (t) => {
  const [walSync] = FABRIC_PATCHES;
  const chain = walSync?.edits.find((edit) => edit.file.endsWith('chain.go'));
  const node = walSync?.edits.find((edit) => edit.file.endsWith('node.go'));
  t.regex(chain?.from ?? '', /WALSyncC <- struct\{\}\{\}/);
  t.notRegex(chain?.to ?? '', /WALSyncC/);
  t.regex(node?.to ?? '', /n\.storage\.Sync\(\)[\s\S]*n\.chain\.applyC <- apply/);
});

test("the binaries' pin names every patch, so binaries built without one are rebuilt", (t) => {
  t.deepEqual([...FABRIC_PIN.patches], FABRIC_PATCHES.map((patch) => patch.id));
});
