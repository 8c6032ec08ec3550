import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { investorDocument as storyInvestorDocument, investorPii as storyInvestorPii } from '@trestle/chaincode/src/testing/ledger-documents';
import { POLICY_DOCUMENT } from '@trestle/compliance/src/policy/testing/policy-fixture';
import type { PolicyDocument } from '@trestle/compliance/src/policy/policy';
import { fabricLedgerSessions } from '../../src/cli/ledger/fabric-ledger-session';
import { runCli, type CliRun } from '../../src/cli/ledger/testing/run-cli';
import type { StackConfig } from '../../src/stack/stack-config';
import { uniqueSuffix } from './ledger-people';

// A fresh SPV and asset taken to TOKENIZED on the real network through the CLI alone, each step
// signed by the person the chaincode's roles call for: BankA's spv-admin registers, documents and
// tokenizes; BankC's appraiser values (another bank than the SPV's); BankB's officer approves.
// Ids carry a fresh suffix, so suites and reruns on one shared network never collide. Needs the
// roles of ledger-people.ts (ensurePeopleRoles) granted first.

/** The CLI, in process, over the real network's fabric-network sessions. */
export interface LedgerCli {
  /** Runs `trestle <argv…>` and returns what it printed and its exit code. */
  run(...argv: string[]): Promise<CliRun>;
  /** Runs `trestle <argv…> --json`, failing with the command's own error unless it exits 0; the printed JSON. */
  json<T = unknown>(...argv: string[]): Promise<T>;
  /** Runs `trestle <argv…> --json` expecting a typed refusal (exit 3); the error it printed. */
  refused(...argv: string[]): Promise<CliRefusal>;
  /** Writes `content` (JSON unless a string) to a fresh temporary file and returns its path. */
  file(name: string, content: unknown): string;
  /** Removes the temporary files. */
  dispose(): void;
}

/** A refusal as `--json` prints it on stderr. */
export interface CliRefusal {
  readonly code: string;
  readonly message: string;
  readonly details?: Record<string, unknown>;
}

/** A CLI over `stack`'s network (chaincode `trestle` unless `names` says another) with a folder for input files. */
export function ledgerCli(stack: StackConfig, names?: { readonly channel: string; readonly chaincode: string }): LedgerCli {
  const open = fabricLedgerSessions(stack, names);
  const folder = mkdtempSync(path.join(tmpdir(), 'trestle-real-ledger-'));
  const run = (...argv: string[]) => runCli(open, argv);
  return {
    run,
    json: async <T>(...argv: string[]) => {
      const done = await run(...argv, '--json');
      if (done.exitCode !== 0) throw new Error(`trestle ${argv.join(' ')} exited ${done.exitCode}: ${done.stderr || done.stdout}`);
      return JSON.parse(done.stdout) as T;
    },
    refused: async (...argv: string[]) => {
      const done = await run(...argv, '--json');
      if (done.exitCode !== 3) throw new Error(`trestle ${argv.join(' ')} exited ${done.exitCode}, not 3 (a refusal): ${done.stderr || done.stdout}`);
      return (JSON.parse(done.stderr) as { error: CliRefusal }).error;
    },
    file: (name, content) => {
      const file = path.join(folder, name);
      writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
      return file;
    },
    dispose: () => rmSync(folder, { recursive: true, force: true }),
  };
}

/** The people who take the asset through its lifecycle (`org/label`, roles from ledger-people.ts). */
export const ASSET_DESK = {
  spvAdmin: 'bankA/spvadmin1',
  appraiser: 'bankC/appraiser1',
  approver: 'bankB/officer1',
  officerA: 'bankA/officer1',
  officerB: 'bankB/officer1',
} as const;

/** The investors of a tokenized asset: two at BankA and one at BankB holding units, one at BankB holding none. */
export interface AssetInvestors {
  readonly a1: string;
  readonly a2: string;
  readonly b1: string;
  readonly b2: string;
}

/** Units each investor is given at tokenization. */
export const ALLOCATIONS = { a1: 500_000n, a2: 300_000n, b1: 200_000n } as const;

/** What `tokenizedAsset` made. */
export interface TokenizedAsset {
  readonly spvId: string;
  readonly assetId: string;
  readonly investors: AssetInvestors;
  /** The policy in force (version 1), as tokenized. */
  readonly policy: PolicyDocument;
  /** When the tokenization was submitted: the acquisition time of the allocated units, give or take the client's clock. */
  readonly tokenizedAt: Date;
}

/** Options of `tokenizedAsset`. */
export interface TokenizedAssetOptions {
  /** Fields of the version-1 policy that differ from the fixture's (90-day lockup, four-eyes from 50000, travel rule from 10000). */
  readonly policy?: Partial<PolicyDocument>;
  /** A prefix of the ids made (default "RWA"). */
  readonly tag?: string;
}

const DAY = 86_400;
const hash = (n: number) => n.toString(16).padStart(2, '0').repeat(32);
const unixNow = () => Math.floor(Date.now() / 1000);

/** An investor's public record (the ledger story's): KYC valid for two years from now, screened clear yesterday. */
export function investorDocument(investorId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return storyInvestorDocument(investorId, { kycExpiresAt: unixNow() + 730 * DAY, sanctions: { status: 'clear', listVersion: '2024-01-31', screenedAt: unixNow() - DAY }, ...overrides });
}

/** An investor's personal data (kept in the onboarding bank's private collection); no salt, so the CLI draws a fresh one. */
export function investorPii(fullName: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return storyInvestorPii({ fullName, documents: [{ type: 'passport', reference: `X${uniqueSuffix()}`, issuingCountry: 'CH' }], salt: undefined, ...overrides });
}

/** Runs a CLI write that must succeed, failing with what the command printed otherwise. */
export async function expectOk(cli: LedgerCli, ...argv: string[]): Promise<CliRun> {
  const done = await cli.run(...argv);
  if (done.exitCode !== 0) throw new Error(`trestle ${argv.join(' ')} exited ${done.exitCode}: ${done.stderr || done.stdout}`);
  return done;
}

/** Onboards `investorId` through `officer` (a compliance officer of the investor's bank), with PII. */
export async function onboardInvestor(cli: LedgerCli, officer: string, investorId: string, fullName: string, overrides: Record<string, unknown> = {}, piiOverrides: Record<string, unknown> = {}): Promise<void> {
  const document = cli.file(`${investorId}.json`, investorDocument(investorId, overrides));
  const pii = cli.file(`${investorId}-pii.json`, investorPii(fullName, piiOverrides));
  await expectOk(cli, 'investor', 'onboard', document, '--pii', pii, '--as', officer);
}

/**
 * Sets up, through the CLI on the real network, a fresh SPV administered by BankA and its asset
 * taken DRAFT → DOCUMENTED → VALUED (BankC's appraiser) → APPROVED (BankB's officer) → TOKENIZED,
 * with four investors onboarded with PII (two at BankA, two at BankB) and units allocated to
 * three of them.
 */
export async function tokenizedAsset(cli: LedgerCli, options: TokenizedAssetOptions = {}): Promise<TokenizedAsset> {
  const suffix = uniqueSuffix();
  const tag = options.tag ?? 'RWA';
  const spvId = `SPV-${tag}-${suffix}`;
  const assetId = `${tag}-${suffix}`;
  const investors: AssetInvestors = { a1: `INV-A1-${suffix}`, a2: `INV-A2-${suffix}`, b1: `INV-B1-${suffix}`, b2: `INV-B2-${suffix}` };

  // Side by side (npm test's budget: most real-network suites start here): the four onboardings
  // write only their own investors' keys, and the SPV and asset steps keys of their own; the
  // tokenization below reads both.
  const onboarded = Promise.all([
    onboardInvestor(cli, ASSET_DESK.officerA, investors.a1, `Anna Muster ${suffix}`),
    onboardInvestor(cli, ASSET_DESK.officerA, investors.a2, `Ben Keller ${suffix}`, { jurisdiction: 'DE', investorType: 'accredited' }),
    onboardInvestor(cli, ASSET_DESK.officerB, investors.b1, `Chloe Frick ${suffix}`, { jurisdiction: 'LI', investorType: 'qualified-institutional' }),
    onboardInvestor(cli, ASSET_DESK.officerB, investors.b2, `Dario Rossi ${suffix}`),
  ]);
  const approved = (async () => {
    const spv = {
      spvId,
      legalName: `Test Building ${suffix} SPV AG`,
      jurisdiction: 'CH',
      registrationNumber: `CHE-${suffix}`,
      trustee: 'Treuhand Muster AG',
      documents: [{ kind: 'articles-of-association', sha256: hash(1), uri: `https://docs.banka.example/${spvId}/articles.pdf` }],
    };
    await expectOk(cli, 'spv', 'register', cli.file(`${spvId}.json`, spv), '--as', ASSET_DESK.spvAdmin);
    const asset = { assetId, spvId, name: `Office building ${suffix}`, assetClass: 'real-estate', description: 'Six floors, let to three tenants.' };
    await expectOk(cli, 'asset', 'create', cli.file(`${assetId}.json`, asset), '--as', ASSET_DESK.spvAdmin);
    const legal = { trueSaleDeed: { sha256: hash(3), uri: `https://docs.banka.example/${assetId}/deed.pdf` }, legalOpinion: { sha256: hash(4), uri: `https://docs.banka.example/${assetId}/opinion.pdf` } };
    await expectOk(cli, 'asset', 'document', assetId, cli.file(`${assetId}-legal.json`, legal), '--as', ASSET_DESK.spvAdmin);
    const valuation = {
      amount: '4250000000',
      currency: 'CHF',
      method: 'RICS Red Book market value',
      effectiveDate: new Date((unixNow() - 30 * DAY) * 1000).toISOString().slice(0, 10),
      validUntil: unixNow() + 365 * DAY,
      reportSha256: hash(5),
      reportUri: `https://appraisal.bankc.example/${assetId}.pdf`,
    };
    await expectOk(cli, 'asset', 'value', assetId, cli.file(`${assetId}-valuation.json`, valuation), '--as', ASSET_DESK.appraiser);
    await expectOk(cli, 'asset', 'approve', assetId, '--as', ASSET_DESK.approver);
  })();
  await Promise.all([onboarded, approved]);

  const policy: PolicyDocument = { ...POLICY_DOCUMENT, ...options.policy, assetId, version: 1 };
  const allocations = [
    { investorId: investors.a1, units: ALLOCATIONS.a1.toString() },
    { investorId: investors.a2, units: ALLOCATIONS.a2.toString() },
    { investorId: investors.b1, units: ALLOCATIONS.b1.toString() },
  ];
  const units = (ALLOCATIONS.a1 + ALLOCATIONS.a2 + ALLOCATIONS.b1).toString();
  const tokenizedAt = new Date();
  await expectOk(cli, 'asset', 'tokenize', assetId, cli.file(`${assetId}-tokenization.json`, { units, decimals: 6, allocations, policy }), '--as', ASSET_DESK.spvAdmin);
  return { spvId, assetId, investors, policy, tokenizedAt };
}
