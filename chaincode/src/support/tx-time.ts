import type { Context } from 'fabric-contract-api';

/**
 * The transaction's timestamp as ISO 8601 UTC with milliseconds. The client sets it in the
 * proposal, so every endorsing peer sees the same value; the peer's clock would not agree.
 */
export function txTimestampIso(ctx: Context): string {
  const { seconds, nanos } = ctx.stub.getTxTimestamp();
  return new Date(seconds.toNumber() * 1000 + Math.floor(nanos / 1_000_000)).toISOString();
}

/** The transaction's timestamp in whole Unix seconds: the clock the rules and expiry checks read. */
export function txTimestampSeconds(ctx: Context): number {
  return ctx.stub.getTxTimestamp().seconds.toNumber();
}
