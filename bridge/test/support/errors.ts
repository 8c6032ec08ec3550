import type { ExecutionContext } from 'ava';
import { isHexString, type Interface, type Result } from 'ethers';

/** The revert data ethers attached to a failed call, wherever this error shape keeps it. */
function revertData(error: unknown): string | undefined {
  let current: unknown = error;
  // ethers v6 puts it on `data` of a CALL_EXCEPTION; JSON-RPC failures nest it under info.error,
  // and helpers that wrap a failed step keep the original as `cause`.
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const candidate = current as { data?: unknown; info?: { error?: unknown }; error?: unknown; cause?: unknown };
    if (typeof candidate.data === 'string' && isHexString(candidate.data)) return candidate.data;
    if (typeof candidate.data === 'object' && candidate.data !== null) {
      const nested = (candidate.data as { data?: unknown }).data;
      if (typeof nested === 'string' && isHexString(nested)) return nested;
    }
    current = candidate.info?.error ?? candidate.error ?? candidate.cause;
  }
  return undefined;
}

/**
 * Asserts that `pending` reverts with the custom error `errorName` of `contract`'s ABI (a contract
 * or a factory, for constructor reverts) and returns the error's arguments.
 */
export async function expectRevert(
  t: ExecutionContext,
  pending: Promise<unknown>,
  contract: { readonly interface: Interface },
  errorName: string,
): Promise<Result> {
  // ava 7 assertions reject on failure, so nothing below runs after a failed one.
  const error = await t.throwsAsync(pending);
  const data = revertData(error);
  if (data === undefined) throw new Error(`expected custom error ${errorName}, but the failure carried no revert data: ${error.message}`);
  const parsed = contract.interface.parseError(data);
  t.is(parsed?.name, errorName, `expected custom error ${errorName}, got ${parsed?.name ?? `unparsed revert data ${data}`}`);
  return (parsed as NonNullable<typeof parsed>).args;
}
