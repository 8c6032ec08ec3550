import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import type { CaliperInvoker } from './network-config';

// Caliper's benchmark configuration: each workload twice, at a fixed send rate (fixed-rate
// controller) and at saturation (maximum-rate controller, which raises the rate while the
// throughput keeps up), one local worker (two cores here), rounds by duration. The workload
// modules are the plain CommonJS files in bench/caliper/workloads/.

/** Folder of the workload modules Caliper loads. */
export const WORKLOADS_DIR = path.resolve(__dirname, '..', '..', '..', 'bench', 'caliper', 'workloads');

/** A compliant transfer's lane: an asset no other lane moves, its sender and receiver, and who signs. */
export interface TransferLane {
  readonly assetId: string;
  readonly from: string;
  readonly to: string;
  readonly requester: CaliperInvoker;
  /** A compliance officer of the sender's bank, then one of the receiver's (the last settles). */
  readonly approvers: readonly [CaliperInvoker, CaliperInvoker];
}

/** What the workloads need from the ledger's set-up (run-caliper.ts makes it). */
export interface CaliperSetup {
  /** A tag that keeps this run's ids apart from earlier runs' on the same ledger. */
  readonly runTag: string;
  readonly reader: CaliperInvoker;
  readonly admin: CaliperInvoker;
  /** The DN of the admin's bank's CA, the issuer half of the identity ids GrantRole takes. */
  readonly adminIssuer: string;
  readonly officer: CaliperInvoker;
  /** The officer's own bank first, then one other bank (endorsement-plan.ts). */
  readonly onboardingEndorsers: readonly string[];
  readonly transferAmount: string;
  readonly lanes: readonly TransferLane[];
}

export type CaliperWorkloadId = 'read' | 'plain' | 'onboard' | 'transfer';

/** A workload as the report shows it. */
export interface CaliperWorkload {
  readonly id: CaliperWorkloadId;
  readonly title: string;
  /** Transactions one operation submits (a compliant transfer is three). */
  readonly txPerOperation: number;
  /** Transactions per second the fixed-rate round sends (Caliper's rate controllers count transactions, so a transfer takes three). */
  readonly fixedRate: number;
  /** Where the maximum-rate round starts and by how much it raises the rate per sample (transactions/s). */
  readonly saturation: { readonly start: number; readonly step: number };
  /**
   * Fixed send rates (transactions/s) run one after the other, each a round of its own, for the
   * throughput-against-offered-load curve: the full run's and --quick's. --quick runs none: a
   * quick run on the loaded machine took 369 s with two steps each, against its 5-minute bound.
   */
  readonly steps?: { readonly full: readonly number[]; readonly quick: readonly number[] };
  readonly module: string;
  /** The module's round arguments, given the set-up and the round's length in seconds. */
  readonly arguments: (setup: CaliperSetup, roundSeconds: number) => Record<string, unknown>;
}

export const CALIPER_WORKLOADS: readonly CaliperWorkload[] = [
  {
    id: 'read',
    title: 'Read-heavy query: RoleContract ListRoles (evaluate, one peer)',
    txPerOperation: 1,
    fixedRate: 20,
    saturation: { start: 50, step: 50 },
    module: 'list-roles.cjs',
    arguments: (setup) => ({ invoker: setup.reader }),
  },
  {
    id: 'plain',
    title: 'Plain write baseline: RoleContract GrantRole then RevokeRole of a fresh identity id (no rules engine)',
    txPerOperation: 2,
    fixedRate: 4,
    saturation: { start: 5, step: 5 },
    // The first full run's steps (10–60) still rose at 60; a focused run from 60 to 140 peaked at
    // about 106 tx/s at 120 offered and fell at 140 (bench/results/2026-11-26/saturation-plain/).
    steps: { full: [20, 40, 60, 80, 100, 120, 140], quick: [] },
    module: 'grant-revoke-role.cjs',
    arguments: (setup) => ({ invoker: setup.admin, issuer: setup.adminIssuer, runTag: setup.runTag }),
  },
  {
    id: 'onboard',
    title: "Investor onboarding: InvestorContract OnboardInvestor, PII in the transient map, endorsed by the bank's own peer and one other",
    txPerOperation: 1,
    fixedRate: 3,
    saturation: { start: 5, step: 5 },
    module: 'onboard-investor.cjs',
    arguments: (setup) => ({ invoker: setup.officer, endorsingOrganizations: setup.onboardingEndorsers, runTag: setup.runTag }),
  },
  {
    id: 'transfer',
    title: "Compliant transfer: RequestTransfer (operator), ApproveTransfer by the sender's and the receiver's bank's officers (the last settles)",
    txPerOperation: 3,
    fixedRate: 3,
    saturation: { start: 3, step: 3 },
    // Six lanes of one transfer (three commits, about 1.2 s) each bound it near 15 tx/s.
    steps: { full: [3, 6, 9, 12, 15, 18], quick: [] },
    module: 'compliant-transfer.cjs',
    arguments: (setup, seconds) => ({ roundSeconds: seconds, amount: setup.transferAmount, lanes: setup.lanes, runTag: setup.runTag }),
  },
];

/** Round lengths: --quick keeps the whole Caliper part near two minutes (Caliper adds about 6 s of its own per round: preparing the worker, 5 s between rounds). */
export interface CaliperRoundPlan {
  readonly fixedSeconds: number;
  readonly maximumSeconds: number;
  /** The maximum-rate controller's sampling interval: it raises the rate after each sample that kept up. */
  readonly sampleSeconds: number;
  /** Each stepped fixed-rate round's length, and which of a workload's step lists runs. */
  readonly stepSeconds: number;
  readonly steps: 'full' | 'quick';
}

export const QUICK_ROUNDS: CaliperRoundPlan = { fixedSeconds: 5, maximumSeconds: 10, sampleSeconds: 2, stepSeconds: 5, steps: 'quick' };
/** 30 s a step: at 30 tx/s that is 900 transactions, and Caliper's first and last seconds weigh little. */
export const FULL_ROUNDS: CaliperRoundPlan = { fixedSeconds: 30, maximumSeconds: 60, sampleSeconds: 5, stepSeconds: 30, steps: 'full' };

export type CaliperController = 'fixed-rate' | 'maximum-rate';

/** The label of a workload's round under a controller; the report parses it back. */
export function roundLabel(workload: CaliperWorkloadId, controller: CaliperController): string {
  return `${workload}-${controller}`;
}

/** The label of a workload's stepped round at `tps` (caliper-saturation.ts parses it back). */
export function stepLabel(workload: CaliperWorkloadId, tps: number): string {
  return `${workload}-step-${tps}`;
}

/** The benchmark configuration object. */
export function caliperBenchmarkConfig(setup: CaliperSetup, plan: CaliperRoundPlan, workloads: readonly CaliperWorkload[] = CALIPER_WORKLOADS): Record<string, unknown> {
  const rounds = workloads.flatMap((workload) => {
    const workloadOf = (seconds: number) => ({ module: path.join(WORKLOADS_DIR, workload.module), arguments: workload.arguments(setup, seconds) });
    return [
      {
        label: roundLabel(workload.id, 'fixed-rate'),
        description: `${workload.title}; fixed rate ${workload.fixedRate} tx/s`,
        txDuration: plan.fixedSeconds,
        rateControl: { type: 'fixed-rate', opts: { tps: workload.fixedRate } },
        workload: workloadOf(plan.fixedSeconds),
      },
      {
        label: roundLabel(workload.id, 'maximum-rate'),
        description: `${workload.title}; maximum rate from ${workload.saturation.start} tx/s, ${workload.saturation.step} more per ${plan.sampleSeconds} s sample that kept up`,
        txDuration: plan.maximumSeconds,
        rateControl: { type: 'maximum-rate', opts: { tps: workload.saturation.start, step: workload.saturation.step, sampleInterval: plan.sampleSeconds, includeFailed: false } },
        workload: workloadOf(plan.maximumSeconds),
      },
      ...(workload.steps?.[plan.steps] ?? []).map((tps) => ({
        label: stepLabel(workload.id, tps),
        description: `${workload.title}; step of the saturation curve, fixed rate ${tps} tx/s`,
        txDuration: plan.stepSeconds,
        rateControl: { type: 'fixed-rate', opts: { tps } },
        workload: workloadOf(plan.stepSeconds),
      })),
    ];
  });
  return { test: { name: 'trestle', description: 'Trestle chaincode on the local three-bank Fabric network', workers: { number: 1 }, rounds } };
}

/** Writes `benchmark.yaml` into `folder`; returns its path. */
export function writeCaliperBenchmarkConfig(folder: string, setup: CaliperSetup, plan: CaliperRoundPlan, workloads?: readonly CaliperWorkload[]): string {
  const file = path.join(folder, 'benchmark.yaml');
  writeFileSync(file, stringify(caliperBenchmarkConfig(setup, plan, workloads)));
  return file;
}
