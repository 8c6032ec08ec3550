import type { Context } from 'fabric-contract-api';
import type { GatewayMessageFields, GatewayMessageRecord, LedgerGatewayMessage } from '@trestle/compliance/src/bridge/gateway-message';
import { decodeJson, writeRecord } from '../support/state';
import { sentKey } from './bridge-keys';

// What each kind of message last carried for a token, so the ledger proposes only real changes.

/** The note RegisterIdentity (1, registered) and RevokeIdentity (0, not) share per token and wallet. */
export const IDENTITY_NOTE = 'Identity';

/**
 * The value a message type carries for its subject (the legal state, the wallet's KYC phase, the
 * valuation sequence, 1 for a write-off, 1 registered or 0 revoked for an identity), the subject
 * being the token or, for a phase or an identity, token and wallet; undefined for Pause and
 * Unpause. `note` names where it is kept: both identity types share one note, so a registration
 * makes a revocation drift and a revocation a new registration. The gateway applies each of these
 * in nonce order, identities too (registrations and revocations of a wallet share one sequence).
 */
function carried(type: LedgerGatewayMessage, fields: GatewayMessageFields): { note: string; token: string; value: number } | undefined {
  if (type === 'SetLegalState' && fields.token !== undefined) return { note: type, token: fields.token, value: fields.state ?? 0 };
  if (type === 'SetKycPhase' && fields.token !== undefined && fields.wallet !== undefined) return { note: type, token: `${fields.token}/${fields.wallet}`, value: fields.phase ?? 0 };
  if (type === 'Nav' && fields.asset !== undefined) return { note: type, token: fields.asset, value: fields.valuationSeq ?? 0 };
  if (type === 'WriteOff' && fields.asset !== undefined) return { note: type, token: fields.asset, value: 1 };
  if ((type === 'RegisterIdentity' || type === 'RevokeIdentity') && fields.token !== undefined && fields.wallet !== undefined) {
    return { note: IDENTITY_NOTE, token: `${fields.token}/${fields.wallet}`, value: type === 'RegisterIdentity' ? 1 : 0 };
  }
  return undefined;
}

/**
 * What a type last carried for a subject, and under which nonce (stored as sorted JSON). For a
 * registration, `vouchedBy` is the bank whose validator proposed it: its CLAIM key signed the
 * wallet's KYC claim, and the claim is worth only as much as that key on the ClaimIssuer.
 */
export type Sent = { readonly nonce: string; readonly value: number; readonly vouchedBy?: string };

/** What the note (a type, or IDENTITY_NOTE) last carried for `token`, if anything was noted. */
export async function readSent(ctx: Context, chainId: string, type: string, token: string): Promise<Sent | undefined> {
  const bytes = await ctx.stub.getState(sentKey(ctx, chainId, type, token));
  return bytes === undefined || bytes.length === 0 ? undefined : (decodeJson(bytes) as Sent);
}

/** What the note (a type, or IDENTITY_NOTE) last carried for `token`: the gateway starts Normal (0), an oracle with no NAV of ours (0) and not written off (0), a wallet not registered (0). */
export async function lastSent(ctx: Context, chainId: string, type: string, token: string): Promise<number> {
  return (await readSent(ctx, chainId, type, token))?.value ?? 0;
}

/**
 * Whether the target already holds what a message with `fields` would carry (for a NAV: this
 * valuation or a later one; for a registration proposed by `proposerMsp`: registered, vouched for
 * by that bank; another bank's claim, say from before the investor moved banks, is no reason to
 * stay silent).
 */
export async function alreadySent(ctx: Context, chainId: string, type: LedgerGatewayMessage, fields: GatewayMessageFields, proposerMsp?: string): Promise<boolean> {
  const wanted = carried(type, fields);
  if (wanted === undefined) return false;
  const sent = await readSent(ctx, chainId, wanted.note, wanted.token);
  const value = sent?.value ?? 0;
  if (type === 'Nav') return value >= wanted.value;
  if (type === 'RegisterIdentity') return value === 1 && sent?.vouchedBy === proposerMsp;
  return value === wanted.value;
}

/**
 * Notes what a relayed message carried, unless a newer message of the same subject was noted
 * already: the gateway applies them in nonce order, so when two relays are recorded out of order
 * the target holds the newer one's value, and so must the ledger's note.
 */
export async function recordSent(ctx: Context, record: Pick<GatewayMessageRecord, 'chainId' | 'type' | 'fields' | 'nonce' | 'proposerMsp'>): Promise<void> {
  const wanted = carried(record.type, record.fields);
  if (wanted === undefined) return;
  const noted = await readSent(ctx, record.chainId, wanted.note, wanted.token);
  if (noted !== undefined && BigInt(noted.nonce) > BigInt(record.nonce)) return;
  const sent: Sent = record.type === 'RegisterIdentity' ? { nonce: record.nonce, value: wanted.value, vouchedBy: record.proposerMsp } : { nonce: record.nonce, value: wanted.value };
  await writeRecord(ctx, sentKey(ctx, record.chainId, wanted.note, wanted.token), sent);
}
