import { createRequire } from 'node:module';

// The real network's counterpart of the in-process stub's setLedgerTime: the chaincode's clock is
// the transaction timestamp, which the client sets in the proposal's channel header (fabric-common's
// Channel.buildChannelHeader, `new Date()`), and peers do not compare it with their own clock for
// endorsement. Moving it forward in this process lets a suite reach instants that take days in the
// real world (a remediation window's end, a KYC past its grace period). Only endorser transactions
// are shifted: the peers' deliver service does check a request's timestamp against its own clock
// (peer.authentication.timewindow), and commit listeners go through it. Every ledger session of the
// process moves together (people's CLI sessions and the validators'), as all banks do in the stub.

const load = createRequire(__filename);
type ChannelPrototype = { buildChannelHeader(this: unknown, type: number, chaincodeId: string, txId: string): Uint8Array };
type HeaderCodec = {
  decode(bytes: Uint8Array): { timestamp: { seconds: number | { toNumber(): number } } };
  encode(header: unknown): { finish(): Uint8Array };
};

/** HeaderType.ENDORSER_TRANSACTION in common.proto. */
const ENDORSER_TRANSACTION = 3;
let offsetSeconds = 0;
let installed = false;

function install(): void {
  if (installed) return;
  installed = true;
  const prototype = (load('fabric-common') as { Channel: { prototype: ChannelPrototype } }).Channel.prototype;
  const codec = (load('fabric-protos') as { common: { ChannelHeader: HeaderCodec } }).common.ChannelHeader;
  const original = prototype.buildChannelHeader;
  prototype.buildChannelHeader = function (type, chaincodeId, txId) {
    const bytes = original.call(this, type, chaincodeId, txId);
    if (offsetSeconds === 0 || type !== ENDORSER_TRANSACTION) return bytes;
    const header = codec.decode(bytes);
    const seconds = header.timestamp.seconds;
    header.timestamp.seconds = (typeof seconds === 'number' ? seconds : seconds.toNumber()) + offsetSeconds;
    return codec.encode(header).finish();
  };
}

/** Moves this process's ledger clock `seconds` further forward (it keeps running with the wall clock). */
export function advanceLedgerClock(seconds: number): void {
  install();
  offsetSeconds += seconds;
}

/** How far this process's ledger clock runs ahead of the wall clock, in seconds. */
export function ledgerClockOffset(): number {
  return offsetSeconds;
}

/** Puts this process's ledger clock back on the wall clock. */
export function resetLedgerClock(): void {
  offsetSeconds = 0;
}
