import test from 'ava';
import { mkdtemp, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateConsortiumKey } from './generate-consortium-key';
import { readKeyShareFile, writeKeyShareFile } from './key-share-file-io';

test('a key share written to disk is owner-only, reads back the same, and is never overwritten', async (t) => {
  const [share, other] = generateConsortiumKey({ threshold: 2, shareCount: 3 }).keyShares;
  const path = join(await mkdtemp(join(tmpdir(), 'trestle-share-')), 'share-1.json');
  await writeKeyShareFile(path, share!);
  t.is((await stat(path)).mode & 0o777, 0o600);
  t.is((await readKeyShareFile(path)).toFileText(), share!.toFileText());
  await t.throwsAsync(writeKeyShareFile(path, other!), { code: 'EEXIST' });
  t.is((await readKeyShareFile(path)).shareIndex, 1);
});
