/** The counters the validator, relayer and burn watcher keep. */
export type BridgeCounter = 'mintsSigned' | 'mintsRelayed' | 'burnAttestations';

const COUNTERS: Record<BridgeCounter, { name: string; help: string }> = {
  mintsSigned: { name: 'trestle_bridge_mints_signed_total', help: 'Mint messages this validator signed and recorded.' },
  mintsRelayed: { name: 'trestle_bridge_mints_relayed_total', help: 'Mints this relayer submitted and saw mined.' },
  burnAttestations: { name: 'trestle_bridge_burn_attestations_total', help: 'Confirmed burns this validator attested.' },
};

/**
 * In-process metrics of one bridge node, rendered as Prometheus text (exposition format 0.0.4).
 * Counters reset on restart, as Prometheus counters may; the last processed block is a gauge read
 * from the checkpoint.
 */
export class BridgeMetrics {
  readonly #counters = new Map<BridgeCounter, number>();
  readonly #errors = new Map<string, number>();
  #lastProcessedBlock: number | undefined;

  /** Adds one to `counter`, or to the error counter of `component` when `counter` is 'errors'. */
  increment(counter: BridgeCounter | 'errors', component = 'unknown'): void {
    if (counter === 'errors') this.#errors.set(component, (this.#errors.get(component) ?? 0) + 1);
    else this.#counters.set(counter, (this.#counters.get(counter) ?? 0) + 1);
  }

  setLastProcessedBlock(block: number): void {
    this.#lastProcessedBlock = block;
  }

  get lastProcessedBlock(): number | undefined {
    return this.#lastProcessedBlock;
  }

  value(counter: BridgeCounter): number {
    return this.#counters.get(counter) ?? 0;
  }

  errors(component: string): number {
    return this.#errors.get(component) ?? 0;
  }

  /** The Prometheus text exposition of every metric. */
  render(): string {
    const lines: string[] = [];
    for (const [key, { name, help }] of Object.entries(COUNTERS) as [BridgeCounter, { name: string; help: string }][]) {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} counter`, `${name} ${this.value(key)}`);
    }
    lines.push('# HELP trestle_bridge_errors_total Errors by component (mint-signing, relayer, burn-watcher).', '# TYPE trestle_bridge_errors_total counter');
    for (const [component, count] of [...this.#errors].sort(([a], [b]) => a.localeCompare(b))) {
      lines.push(`trestle_bridge_errors_total{component="${escapeLabel(component)}"} ${count}`);
    }
    lines.push(
      '# HELP trestle_bridge_last_processed_block Last EVM block the burn watcher fully processed (-1 before the first).',
      '# TYPE trestle_bridge_last_processed_block gauge',
      `trestle_bridge_last_processed_block ${this.#lastProcessedBlock ?? -1}`,
    );
    return `${lines.join('\n')}\n`;
  }
}

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}
