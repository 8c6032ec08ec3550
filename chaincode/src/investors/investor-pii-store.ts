import type { Context } from 'fabric-contract-api';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import type { InvestorRecord } from '@trestle/compliance/src/ledger/investor';
import { parseInvestorPii, PII_TRANSIENT_KEY, type InvestorPii } from '@trestle/compliance/src/ledger/investor-pii';
import { sha256Hex } from '@trestle/compliance/src/sanctions/list-version';
import { implicitCollection } from '../support/private-data';
import { sortedJsonBytes } from '../support/sorted-json';
import { investorPiiKey } from './investor-key';

/** The PII the client sent in the transient map, validated (INVESTOR_PII_MISSING, INVESTOR_PII_INVALID). */
export function transientPii(ctx: Context): InvestorPii {
  return parseInvestorPii(ctx.stub.getTransient().get(PII_TRANSIENT_KEY));
}

/**
 * Stages `pii` in the bank's implicit collection as sorted JSON under a key holding its SHA-256
 * (hex), and returns that hash: the same bytes on every endorsing peer, so the hash equals what
 * getPrivateDataHash reports. Nothing else is written, so the bank's own peer alone endorses it.
 */
export async function stagePii(ctx: Context, bankMsp: string, investorId: string, pii: InvestorPii): Promise<string> {
  const bytes = sortedJsonBytes(pii);
  const piiHash = sha256Hex(bytes);
  await ctx.stub.putPrivateData(implicitCollection(bankMsp), investorPiiKey(ctx, investorId, piiHash), bytes);
  return piiHash;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * The PII hash a client passed (OnboardInvestor, UpdateInvestor, AdoptInvestor), once the bank's
 * collection holds a value with that hash staged for the investor: checked by hash, which every
 * peer has, so an endorsing peer of another bank checks it without ever seeing the PII.
 * INVESTOR_PII_NOT_STAGED otherwise, before anything is written.
 */
export async function requireStagedPii(ctx: Context, bankMsp: string, investorId: string, piiHash: unknown): Promise<string> {
  const notStaged = (details: Record<string, unknown>) =>
    new TrestleError('INVESTOR_PII_NOT_STAGED', "No personal data with this hash is staged for the investor in your bank's collection; stage it with StageInvestorPii and pass the hash it returns.", {
      details: { investorId, bankMsp, ...details },
    });
  if (typeof piiHash !== 'string' || !SHA256_HEX.test(piiHash)) throw notStaged({ piiHashLength: typeof piiHash === 'string' ? piiHash.length : 0 });
  const stored = await ctx.stub.getPrivateDataHash(implicitCollection(bankMsp), investorPiiKey(ctx, investorId, piiHash));
  if (Buffer.from(stored).toString('hex') !== piiHash) throw notStaged({ piiHash });
  return piiHash;
}

/**
 * What a peer outside the collection answers a read of a key it knows only by hash (Fabric's
 * ledger: "private data matching public hash version is not available"); such a peer never
 * received the value, so for the contracts it holds nothing.
 */
const NOT_HELD_ON_THIS_PEER = /private data matching public hash version is not available/;

/** The investor's PII bytes as this peer holds them, or undefined when it holds none. */
async function piiBytesOnThisPeer(ctx: Context, investor: InvestorRecord): Promise<Uint8Array | undefined> {
  try {
    return await ctx.stub.getPrivateData(implicitCollection(investor.bankMsp), investorPiiKey(ctx, investor.investorId, investor.piiHash));
  } catch (error) {
    if (error instanceof Error && NOT_HELD_ON_THIS_PEER.test(error.message)) return undefined;
    throw error;
  }
}

/** The investor's PII from their bank's collection, checked against the hash on the public record. */
export async function loadPii(ctx: Context, investor: InvestorRecord): Promise<InvestorPii> {
  const bytes = await piiBytesOnThisPeer(ctx, investor);
  if (bytes === undefined || bytes.length === 0) {
    throw new TrestleError('INVESTOR_PII_MISSING', "This peer holds no personal data for the investor; query a peer of the investor's bank.", {
      details: { investorId: investor.investorId, bankMsp: investor.bankMsp },
    });
  }
  if (sha256Hex(bytes) !== investor.piiHash) {
    throw new TrestleError('RECORD_MALFORMED', "The investor's stored personal data does not match the hash on the public record; report it to the chaincode operators.", {
      details: { investorId: investor.investorId },
    });
  }
  return parseInvestorPii(bytes);
}

/**
 * Purges one version of an investor's PII from a bank's collection: Fabric deletes the value and,
 * unlike deletePrivateData, every earlier version from the peers' private stores (needs the
 * channel's V2_5 application capability).
 */
export async function purgePii(ctx: Context, bankMsp: string, investorId: string, piiHash: string): Promise<void> {
  await ctx.stub.purgePrivateData(implicitCollection(bankMsp), investorPiiKey(ctx, investorId, piiHash));
}

/** Purges the PII `previousHash` names once a record or request points at `nextHash` instead (nothing when they are the same). */
export async function purgeReplacedPii(ctx: Context, bankMsp: string, investorId: string, previousHash: string, nextHash: string): Promise<void> {
  if (previousHash !== nextHash) await purgePii(ctx, bankMsp, investorId, previousHash);
}
