import type { Context } from 'fabric-contract-api';

/** Requests by id: those a sanctions hit blocked, or those an adoption handed to the adopting bank. */
export type RequestIds = { readonly transferIds: readonly string[]; readonly bridgeOutIds: readonly string[] };

/** The ids listed under `bank` in a pending index keyed (bankMsp, id), read in full before any write. */
export async function pendingIds(ctx: Context, index: string, bank: string): Promise<string[]> {
  const ids: string[] = [];
  for await (const { key } of ctx.stub.getStateByPartialCompositeKey(index, [bank])) {
    const [, id = ''] = ctx.stub.splitCompositeKey(key).attributes;
    ids.push(id);
  }
  return ids;
}
