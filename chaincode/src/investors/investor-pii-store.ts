import type { Context } from 'fabric-contract-api';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import type { InvestorRecord } from '@trestle/compliance/src/ledger/investor';
import { parseInvestorPii, PII_TRANSIENT_KEY, type InvestorPii } from '@trestle/compliance/src/ledger/investor-pii';
import { sha256Hex } from '@trestle/compliance/src/sanctions/list-version';
import { implicitCollection } from '../support/private-data';
import { sortedJsonBytes } from '../support/sorted-json';
import { investorPiiKey } from './investor-key';

/** The PII the client sent in the transient map, validated; undefined when `optional` and absent. */
export function transientPii(ctx: Context, optional = false): InvestorPii | undefined {
  const bytes = ctx.stub.getTransient().get(PII_TRANSIENT_KEY);
  if (optional && bytes === undefined) return undefined;
  return parseInvestorPii(bytes);
}

/**
 * Stores `pii` in the bank's implicit collection as sorted JSON and returns its SHA-256 (hex):
 * the same bytes on every endorsing peer, so the hash equals what getPrivateDataHash reports.
 */
export async function storePii(ctx: Context, bankMsp: string, investorId: string, pii: InvestorPii): Promise<string> {
  const bytes = sortedJsonBytes(pii);
  await ctx.stub.putPrivateData(implicitCollection(bankMsp), investorPiiKey(ctx, investorId), bytes);
  return sha256Hex(bytes);
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
    return await ctx.stub.getPrivateData(implicitCollection(investor.bankMsp), investorPiiKey(ctx, investor.investorId));
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
 * Purges the investor's PII: Fabric deletes the value and, unlike deletePrivateData, every earlier
 * version from the peers' private stores (needs the channel's V2_5 application capability).
 */
export async function purgePii(ctx: Context, investor: InvestorRecord): Promise<void> {
  await ctx.stub.purgePrivateData(implicitCollection(investor.bankMsp), investorPiiKey(ctx, investor.investorId));
}
