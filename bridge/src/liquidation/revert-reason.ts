import { isHexString, type Interface } from 'ethers';

/**
 * Why a call reverted, in words: the custom error of `abi` with its arguments (`WalletFrozen(0x…)`),
 * or the revert string (`position is healthy`), or undefined when the failure carried neither
 * (a node that could not be reached, for example).
 */
export function revertReason(error: unknown, abi: Interface): string | undefined {
  let current: unknown = error;
  // ethers v6 keeps the revert on the CALL_EXCEPTION itself (reason, data), a JSON-RPC failure
  // nests it under info.error, and wrapped errors keep theirs as cause.
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const candidate = current as { reason?: unknown; data?: unknown; info?: { error?: unknown }; error?: unknown; cause?: unknown };
    if (typeof candidate.data === 'string' && isHexString(candidate.data) && candidate.data.length > 2) {
      const parsed = abi.parseError(candidate.data);
      if (parsed !== null) return `${parsed.name}(${parsed.args.map(String).join(', ')})`;
    }
    if (typeof candidate.reason === 'string' && candidate.reason !== '') return candidate.reason;
    current = candidate.info?.error ?? candidate.error ?? candidate.cause;
  }
  return undefined;
}
