/**
 * Compares Slither's JSON report with the triage allowlist and writes a readable summary:
 *
 *   node --import tsx bridge/analysis/triage.ts <slither.json> <triaged.json> <summary.md>
 *
 * A finding is keyed by detector, element (the first element Slither names: Contract.function(sig),
 * Contract.variable, a statement inside a function, or a pragma) and a fingerprint: the first 16
 * hex digits of sha256 over Slither's description with every "(file#lines)" location removed, so a
 * finding keeps its key when code above it moves, and gets a new one when the flagged code changes.
 *
 * Exit status: 0 when every finding is in the allowlist, 1 when some are not (their allowlist
 * entries, verdict left blank, are printed and written to <out>/untriaged.json), 2 on bad input.
 * Entries with verdict "real" pass but are listed as awaiting a fix; entries no finding matches
 * any more are listed as stale (the fix landed, or the code changed: re-triage).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

interface SlitherElement {
  type: string;
  name: string;
  source_mapping?: { filename_relative: string; lines: number[] };
  type_specific_fields?: { parent?: SlitherElement; signature?: string };
}
interface SlitherResult {
  check: string;
  impact: string;
  confidence: string;
  description: string;
  elements: SlitherElement[];
}
interface SlitherReport {
  success: boolean;
  error: string | null;
  results?: { detectors?: SlitherResult[] };
}

export type Verdict = 'real' | 'accepted' | 'false-positive';
export interface TriageEntry {
  detector: string;
  element: string;
  fingerprint: string;
  impact: string;
  verdict: Verdict | '';
  reason: string;
}

const IMPACT_ORDER = ['High', 'Medium', 'Low', 'Informational', 'Optimization'];
const VERDICTS: readonly string[] = ['real', 'accepted', 'false-positive'];

function qualified(e: SlitherElement): string {
  const parent = e.type_specific_fields?.parent;
  const own = e.type === 'function' ? (e.type_specific_fields?.signature ?? e.name) : e.name;
  if (e.type === 'pragma') return `pragma ${e.name}`;
  if (!parent) return own;
  if (e.type === 'node') return `${qualified(parent)}: ${e.name}`;
  return `${qualified(parent)}.${own}`;
}

export function elementOf(r: SlitherResult): string {
  const first = r.elements[0];
  return first ? qualified(first) : '(none)';
}

export function fingerprintOf(r: SlitherResult): string {
  const stable = r.description
    .replace(/\s*\([^()\s]+#\d+(?:-\d+)?\)/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return createHash('sha256').update(`${r.check}\n${stable}`).digest('hex').slice(0, 16);
}

function locationOf(r: SlitherResult): string {
  const sm = r.elements[0]?.source_mapping;
  if (!sm) return '';
  const lines = sm.lines;
  const span = lines.length === 0 ? '' : lines.length === 1 ? `#${lines[0]}` : `#${lines[0]}-${lines[lines.length - 1]}`;
  return `${sm.filename_relative}${span}`;
}

const keyOf = (e: { detector: string; element: string; fingerprint: string }): string => `${e.detector}|${e.element}|${e.fingerprint}`;

function main(): number {
  const [reportPath, allowlistPath, summaryPath] = process.argv.slice(2);
  if (!reportPath || !allowlistPath || !summaryPath) {
    console.error('usage: triage.ts <slither.json> <triaged.json> <summary.md>');
    return 2;
  }
  const report = JSON.parse(readFileSync(reportPath, 'utf8')) as SlitherReport;
  if (!report.success) {
    console.error(`[analysis] slither failed: ${report.error ?? 'unknown error'}`);
    return 2;
  }
  const allow = JSON.parse(readFileSync(allowlistPath, 'utf8')) as { findings: TriageEntry[] };
  for (const entry of allow.findings) {
    if (!VERDICTS.includes(entry.verdict) || entry.reason.trim() === '') {
      console.error(`[analysis] ${path.basename(allowlistPath)}: entry ${keyOf(entry)} needs a verdict (${VERDICTS.join(', ')}) and a reason`);
      return 2;
    }
  }
  const byKey = new Map(allow.findings.map((e) => [keyOf(e), e]));
  const results = [...(report.results?.detectors ?? [])].sort(
    (a, b) => IMPACT_ORDER.indexOf(a.impact) - IMPACT_ORDER.indexOf(b.impact) || a.check.localeCompare(b.check) || elementOf(a).localeCompare(elementOf(b)),
  );

  const seen = new Set<string>();
  const untriaged: TriageEntry[] = [];
  const rows: string[] = [];
  const counts = new Map<string, { total: number; real: number; accepted: number; fp: number; untriaged: number }>();
  for (const r of results) {
    const entry: TriageEntry = { detector: r.check, element: elementOf(r), fingerprint: fingerprintOf(r), impact: r.impact, verdict: '', reason: '' };
    const key = keyOf(entry);
    seen.add(key);
    const known = byKey.get(key);
    const c = counts.get(r.impact) ?? { total: 0, real: 0, accepted: 0, fp: 0, untriaged: 0 };
    c.total += 1;
    if (!known) {
      c.untriaged += 1;
      untriaged.push(entry);
    } else if (known.verdict === 'real') c.real += 1;
    else if (known.verdict === 'accepted') c.accepted += 1;
    else c.fp += 1;
    counts.set(r.impact, c);
    const verdict = known ? known.verdict : 'UNTRIAGED';
    rows.push(`| ${r.impact} | ${r.confidence} | ${r.check} | \`${entry.element.replace(/\|/g, '\\|')}\` | ${locationOf(r)} | ${verdict} |`);
  }
  const stale = allow.findings.filter((e) => !seen.has(keyOf(e)));
  const real = allow.findings.filter((e) => e.verdict === 'real' && seen.has(keyOf(e)));

  const lines: string[] = [];
  lines.push('# Slither summary', '', `${results.length} findings in our contracts (dependencies under node_modules filtered out).`, '');
  lines.push('| impact | findings | real | accepted | false positive | untriaged |', '|---|---|---|---|---|---|');
  for (const impact of IMPACT_ORDER) {
    const c = counts.get(impact);
    if (c) lines.push(`| ${impact} | ${c.total} | ${c.real} | ${c.accepted} | ${c.fp} | ${c.untriaged} |`);
  }
  lines.push('', '| impact | confidence | detector | element | location | verdict |', '|---|---|---|---|---|---|', ...rows, '');
  if (real.length > 0) {
    lines.push('## Real, awaiting a fix', '');
    for (const e of real) lines.push(`- ${e.detector} \`${e.element}\`: ${e.reason}`);
    lines.push('');
  }
  if (stale.length > 0) {
    lines.push('## Stale allowlist entries (no finding matches them any more)', '');
    for (const e of stale) lines.push(`- ${e.detector} \`${e.element}\` (${e.fingerprint}, ${e.verdict})`);
    lines.push('');
  }
  writeFileSync(summaryPath, lines.join('\n'));

  const summary = IMPACT_ORDER.filter((i) => counts.has(i))
    .map((i) => `${i} ${counts.get(i)?.total}`)
    .join(', ');
  console.log(`[analysis] ${results.length} findings (${summary || 'none'}); summary in ${path.relative(process.cwd(), summaryPath)}`);
  for (const e of real) console.log(`[analysis] real, awaiting a fix: ${e.detector} ${e.element}`);
  for (const e of stale) console.log(`[analysis] stale allowlist entry: ${e.detector} ${e.element} (${e.fingerprint})`);
  const untriagedPath = path.join(path.dirname(summaryPath), 'untriaged.json');
  writeFileSync(untriagedPath, JSON.stringify({ findings: untriaged }, null, 2) + '\n');
  if (untriaged.length > 0) {
    console.log(`[analysis] ${untriaged.length} untriaged finding(s); add them to ${path.relative(process.cwd(), allowlistPath)} with a verdict and a reason (entries in ${path.relative(process.cwd(), untriagedPath)}):`);
    for (const e of untriaged) console.log(`  ${e.impact} ${e.detector} ${e.element} ${e.fingerprint}`);
    return 1;
  }
  console.log('[analysis] every finding is triaged');
  return 0;
}

process.exitCode = main();
