import type { PassReport } from '@trestle/bridge/src/node/validator-node';

/** What `trestle validator status` needs besides the reports: the time, when a report is too old, and the gateway's signature threshold if known. */
export interface StatusContext {
  readonly now: number;
  readonly staleAfterMs: number;
  /** Validator signatures a mint needs (the stack's deployment); undefined without a deployment. */
  readonly threshold: number | undefined;
}

/**
 * Each bank's last pass as `trestle validator status` prints it and, when the threshold is known, a
 * closing line saying whether enough banks' validators are passing to complete a mint, and which are
 * not. A validator whose last report is older than `staleAfterMs` is called not passing: a process
 * killed or stuck leaves its last report behind, and its age alone is easy to misread.
 */
export function validatorStatusLines(reports: readonly PassReport[], context: StatusContext): string[] {
  const lines: string[] = [];
  const passing: string[] = [];
  const silent: string[] = [];
  for (const report of [...reports].sort((a, b) => a.bank.localeCompare(b.bank))) {
    const ageMs = context.now - Date.parse(report.at);
    const stale = ageMs > context.staleAfterMs;
    (stale ? silent : passing).push(report.bank);
    const duties = Object.entries(report.duties).map(([duty, outcome]) => ('error' in outcome ? `${duty} FAILED (${outcome.error})` : `${duty} ${outcome.handled}`));
    const state = stale ? ` — NOT PASSING (no pass for over ${Math.round(context.staleAfterMs / 1000)} s: stopped or stuck)` : '';
    lines.push(`${report.bank} ${report.validator}: last pass ${Math.round(ageMs / 1000)} s ago${state}; ${duties.join(', ')}`);
  }
  if (context.threshold !== undefined) {
    const need = context.threshold;
    const who = passing.length === 0 ? 'none' : passing.join(', ');
    const quorum = `quorum: ${passing.length} of ${reports.length} banks' validators passing (${who}); a mint needs ${need} signatures`;
    if (passing.length >= need) lines.push(`${quorum}: mints can complete${silent.length === 0 ? '' : ` without ${silent.join(', ')}`}`);
    else lines.push(`${quorum}: mints WAIT for ${need - passing.length} more; not passing: ${silent.length === 0 ? 'none (fewer banks run a validator than the threshold)' : silent.join(', ')}`);
  }
  return lines;
}
