/** The compliance-overhead workload did not end as it must (every transfer settled, units conserved): its times would measure something else. */
export class BenchPreconditionError extends Error {
  readonly code = 'BENCH_PRECONDITION_FAILED';
  constructor(detail: string) {
    super(`Compliance-overhead bench precondition failed: ${detail}. The times would not be those of settled transfers and equal moves; fix the workload before reading them.`);
    this.name = 'BenchPreconditionError';
  }
}
