/** What a workload's figures would wrongly describe if it did not end as it must. */
const CONSEQUENCES = {
  'Compliance-overhead': 'The times would not be those of settled transfers and equal moves; fix the workload before reading them.',
  'Ledger-growth': 'The bytes would not be those of settled transfers and equal moves; fix the workload before reading them.',
} as const;

/** A chaincode bench workload did not end as it must (every transfer settled, units conserved): its figures would measure something else. */
export class BenchPreconditionError extends Error {
  readonly code = 'BENCH_PRECONDITION_FAILED';
  constructor(detail: string, workload: keyof typeof CONSEQUENCES = 'Compliance-overhead') {
    super(`${workload} bench precondition failed: ${detail}. ${CONSEQUENCES[workload]}`);
    this.name = 'BenchPreconditionError';
  }
}
