import { writeFileSync } from 'node:fs';
import { FabricAttestationLedger } from '@trestle/bridge/src/validator/fabric-attestation-ledger';

// TEST-ONLY preload (`node --import tsx --import <this file> network/src/cli/main.ts validator
// start …`, validator-process.ts): makes a real validator process kill itself with SIGKILL at an
// exact point of the bridge's write path, so the crash tests on the real network cut it where a
// power loss would. Never imported by production code.
//
// TRESTLE_CRASH_AT picks the point; the process dies the first time it gets there:
//   after-sign  the validator has signed a Mint and is about to record the signature on Fabric
//   after-send  the relayer's mint transaction is mined on the EVM and MINTED is about to be recorded
// TRESTLE_CRASH_MARKER (a file) receives what the process was about to record, for the test to
// compare with what the restarted process records.

/** Each crash point: the FabricAttestationLedger write it stops, and the name of what that write carries. */
export const CRASH_POINTS = {
  'after-sign': { method: 'recordMintSignature', carries: 'signature' },
  'after-send': { method: 'recordMinted', carries: 'evmTxHash' },
} as const;
export type CrashPoint = keyof typeof CRASH_POINTS;

/** What a crashed process left in its marker file. */
export interface CrashMarker {
  readonly at: CrashPoint;
  readonly nonce: string;
  /** The signature (after-sign) or the EVM transaction hash (after-send) it did not record. */
  readonly unrecorded: string;
}

const at = process.env.TRESTLE_CRASH_AT;
if (at !== undefined && at !== '') {
  if (!(at in CRASH_POINTS)) throw new Error(`TRESTLE_CRASH_AT=${at}: expected one of ${Object.keys(CRASH_POINTS).join(', ')}`);
  const point = at as CrashPoint;
  const marker = process.env.TRESTLE_CRASH_MARKER;
  const prototype = FabricAttestationLedger.prototype as unknown as Record<string, (...args: unknown[]) => Promise<void>>;
  const { method } = CRASH_POINTS[point];
  prototype[method] = async function crashInstead(nonce: unknown, second: unknown, third: unknown): Promise<void> {
    // recordMintSignature(nonce, validator, signature); recordMinted(nonce, evmTxHash).
    const unrecorded = String(point === 'after-sign' ? third : second);
    const record: CrashMarker = { at: point, nonce: String(nonce), unrecorded };
    // Synchronous writes: nothing is buffered when the signal lands.
    if (marker !== undefined) writeFileSync(marker, JSON.stringify(record));
    writeFileSync(1, `crash point ${point}: SIGKILL instead of ${method} for nonce ${String(nonce)}\n`);
    process.kill(process.pid, 'SIGKILL');
    // SIGKILL is not delivered synchronously everywhere: never let the write go ahead meanwhile.
    await new Promise<never>(() => {});
  };
}
