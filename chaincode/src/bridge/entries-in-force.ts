import type { Context } from 'fabric-contract-api';
import { grantInForce } from '../roles/grant-in-force';

/**
 * The entries (burn and escrow-move attestations, Mint and gateway-message signatures) whose bank's
 * validator grant is in force now, in their order. Why: an entry was recorded while its bank was a
 * member and stays stored as history, but a bank removed by a membership change no longer speaks
 * for the consortium; what its validator said before the removal must not help reach a chain's
 * threshold after it, nor be handed to a relayer as if it counted. Every count toward a threshold
 * and every read relayers collect signatures from goes through here.
 */
export async function entriesInForce<E extends { readonly bankMsp: string }>(ctx: Context, entries: readonly E[]): Promise<E[]> {
  const counted: E[] = [];
  for (const entry of entries) if (await grantInForce(ctx, entry.bankMsp, 'validator')) counted.push(entry);
  return counted;
}

/** A record whose banks' signatures make it SIGNED at the chain's threshold. */
type SignedRecord = { readonly status: string; readonly signatures: readonly { readonly bankMsp: string }[] };

/**
 * The record as relayers read it: only the signatures that count now (entriesInForce), and SIGNED
 * only while those still reach `threshold` (`unsigned` otherwise). The stored record keeps every
 * signature; GetBridgeOut shows them all.
 */
export async function signaturesThatCount<R extends SignedRecord>(ctx: Context, record: R, threshold: number, unsigned: R['status']): Promise<R> {
  const signatures = await entriesInForce(ctx, record.signatures);
  const status = record.status === 'SIGNED' && signatures.length < threshold ? unsigned : record.status;
  return { ...record, signatures, status };
}
