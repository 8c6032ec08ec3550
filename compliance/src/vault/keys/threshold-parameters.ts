import { TrestleError } from '../../errors/trestle-error';

/** How many key shares exist and how many of them it takes to decrypt. */
export type ThresholdParameters = {
  /** Shares needed to decrypt: at least 2, or one bank alone could open every file. */
  readonly threshold: number;
  /** Shares made, one per bank share service; at most 255 because Lit encodes a share id in one byte. */
  readonly shareCount: number;
};

/** The largest share count: Lit 7.4's share encoding spends one byte on the share id. */
export const MAX_SHARE_COUNT = 255;

/** Whether `threshold` and `shareCount` are integers with 2 ≤ threshold ≤ shareCount ≤ 255. */
export function isThresholdParameters(threshold: unknown, shareCount: unknown): boolean {
  return (
    Number.isSafeInteger(threshold) &&
    Number.isSafeInteger(shareCount) &&
    (threshold as number) >= 2 &&
    (threshold as number) <= (shareCount as number) &&
    (shareCount as number) <= MAX_SHARE_COUNT
  );
}

/** Throws `VAULT_THRESHOLD_INVALID` unless the parameters pass `isThresholdParameters`. */
export function requireThresholdParameters(parameters: ThresholdParameters): void {
  if (!isThresholdParameters(parameters.threshold, parameters.shareCount)) {
    throw new TrestleError('VAULT_THRESHOLD_INVALID', `The threshold must be an integer from 2 to the share count, and the share count at most ${MAX_SHARE_COUNT}.`, {
      details: { threshold: String(parameters.threshold), shareCount: String(parameters.shareCount) },
    });
  }
}
