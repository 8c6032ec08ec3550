/*
 * Run by the log-capture test in a child process, so the parent sees every byte written to stdout
 * and stderr:
 *
 *     node --import tsx decrypt-in-child.ts <work dir> <mode>
 *
 * The work dir holds `share-<i>.json` key share files, `store/` and `content-hash`. Modes:
 * `vault` opens through ConsortiumVault, `corrupt` opens a tampered copy through openEnvelope
 * (Lit decrypts after printing), `raw-lit` calls Lit's verifyAndDecryptWithSignatureShares
 * unwrapped: the control that shows the capture sees Lit's print.
 */
import { verifyAndDecryptWithSignatureShares } from '@lit-protocol/crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { ConsortiumVault } from '../backends/consortium-vault';
import { accessConditionsHash } from '../conditions/access-conditions';
import { litIdentityBytes } from '../conditions/lit-identity';
import type { ConsortiumEnvelope } from '../envelope/envelope';
import { openEnvelope } from '../envelope/open-envelope';
import { KeyShare } from '../keys/key-share';
import { ShareService } from '../share-service/share-service';
import { sha256Hex } from '../sha256';
import { FileVaultStore } from '../store/file-vault-store';
import { InMemoryAccessGate } from './in-memory-access-gate';
import { FIXED_TIME, OFFICER_A } from './vault-fixture';

async function main(directory: string, mode: string): Promise<void> {
  const gate = new InMemoryAccessGate().grant(OFFICER_A.identityId, OFFICER_A.mspId, OFFICER_A.role);
  const services = await Promise.all(
    [1, 2, 3].map(async (index) => new ShareService({ keyShare: KeyShare.fromFileText(await readFile(join(directory, `share-${index}.json`), 'utf8')), gate, clock: () => FIXED_TIME })),
  );
  const store = new FileVaultStore(join(directory, 'store'));
  const contentHash = (await readFile(join(directory, 'content-hash'), 'utf8')).trim();
  const envelope = (await store.get(contentHash)) as ConsortiumEnvelope;
  console.log(`child: opening ${contentHash} in mode ${mode}`);
  if (mode === 'vault') {
    const key = { publicKey: envelope.publicKey, threshold: 2, shareCount: 3 };
    const plaintext = await new ConsortiumVault({ key, store, shareSources: services.slice(0, 2) }).open(contentHash, OFFICER_A);
    console.log(`child: opened, sha256 ${sha256Hex(plaintext)}`);
    return;
  }
  const request = { requester: OFFICER_A, publicKey: envelope.publicKey, conditions: envelope.conditions, dataHash: envelope.dataHash };
  const shares = await Promise.all(services.slice(0, 2).map((service) => service.signDecryptionShare(request)));
  if (mode === 'corrupt') {
    const bytes = Buffer.from(envelope.ciphertext, 'base64');
    // A byte in the encrypted message; Lit ignores its padding and the trailing variant byte.
    bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
    try {
      await openEnvelope({ ...envelope, ciphertext: bytes.toString('base64') }, shares);
      console.log('child: the tampered envelope opened');
    } catch (error) {
      console.error('child: refused', inspect(error, { depth: Number.POSITIVE_INFINITY, showHidden: true }));
    }
    return;
  }
  if (mode === 'raw-lit') {
    const identity = litIdentityBytes(accessConditionsHash(envelope.conditions), envelope.dataHash);
    const plaintext = await verifyAndDecryptWithSignatureShares(envelope.publicKey, identity, envelope.ciphertext, shares.map((share) => share.signatureShare));
    console.log(`child: opened unwrapped, sha256 ${sha256Hex(plaintext)}`);
    return;
  }
  throw new Error(`unknown mode ${mode}`);
}

main(process.argv[2] ?? '.', process.argv[3] ?? 'vault').catch((error: unknown) => {
  console.error('child: failed', error);
  process.exitCode = 1;
});
