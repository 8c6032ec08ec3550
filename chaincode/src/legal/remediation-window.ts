import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import type { Asset } from '@trestle/compliance/src/ledger/asset';
import type { RemediationWindow } from '@trestle/compliance/src/ledger/legal-transition';

/** Seconds in a day: remediation windows are proposed in days and kept in Unix seconds. */
export const DAY_SECONDS = 86_400;

/** The window a remediation started at `now` (Unix seconds) for `days` opens, as transition `seq`. */
export function remediationWindow(now: number, days: number, seq: number): RemediationWindow {
  return { startedAt: now, endsAt: now + days * DAY_SECONDS, transitionSeq: seq };
}

/**
 * REMEDIATION_WINDOW_OPEN unless the asset's remediation window has ended at `now` (Unix seconds,
 * the transaction time): until then a remediation may only be cured, never written off.
 */
export function requireWindowEnded(asset: Asset, now: number): void {
  const endsAt = asset.remediation?.endsAt;
  if (endsAt === undefined || now < endsAt) {
    throw new TrestleError('REMEDIATION_WINDOW_OPEN', 'The remediation window is still open: the asset can be cured now, and written off only from the instant in the details on.', {
      details: { assetId: asset.assetId, remediationEndsAt: endsAt ?? null, now },
    });
  }
}
