import type { Context } from 'fabric-contract-api';
import { parseAdoptionRequest, type AdoptionRequest } from '@trestle/compliance/src/ledger/adoption-request';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { readRecord, writeRecord } from '../support/state';

/** Object type of adoption requests waiting for the regulator: composite key investor~adoption (investorId). One per investor. */
export const ADOPTION_REQUEST_KEY_TYPE = 'investor~adoption';

export function adoptionRequestKey(ctx: Context, investorId: string): string {
  return ctx.stub.createCompositeKey(ADOPTION_REQUEST_KEY_TYPE, [investorId]);
}

/** The request waiting for `investorId`, if any. */
export async function findAdoptionRequest(ctx: Context, investorId: string): Promise<AdoptionRequest | undefined> {
  return readRecord(ctx, adoptionRequestKey(ctx, investorId), parseAdoptionRequest);
}

/** The request waiting for `investorId`, or INVESTOR_ADOPTION_NOT_FOUND. */
export async function readAdoptionRequest(ctx: Context, investorId: string): Promise<AdoptionRequest> {
  const request = await findAdoptionRequest(ctx, investorId);
  if (request === undefined) {
    throw new TrestleError('INVESTOR_ADOPTION_NOT_FOUND', 'No adoption of this investor is waiting; a compliance officer of a bank in force requests one first.', { details: { investorId } });
  }
  return request;
}

export async function writeAdoptionRequest(ctx: Context, request: AdoptionRequest): Promise<void> {
  await writeRecord(ctx, adoptionRequestKey(ctx, request.investorId), request);
}

export async function deleteAdoptionRequest(ctx: Context, investorId: string): Promise<void> {
  await ctx.stub.deleteState(adoptionRequestKey(ctx, investorId));
}
