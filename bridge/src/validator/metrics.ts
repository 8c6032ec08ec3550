/** The counters the validator, relayer and burn watcher keep. */
export type BridgeCounter = 'mintsSigned' | 'mintsRelayed' | 'burnAttestations' | 'gatewayMessagesSigned' | 'gatewayMessagesRelayed' | 'pausesProposed';

const COUNTERS: Record<BridgeCounter, { name: string; help: string }> = {
  mintsSigned: { name: 'trestle_bridge_mints_signed_total', help: 'Mint messages this validator signed and recorded.' },
  mintsRelayed: { name: 'trestle_bridge_mints_relayed_total', help: 'Mints this relayer submitted and saw mined.' },
  burnAttestations: { name: 'trestle_bridge_burn_attestations_total', help: 'Confirmed burns this validator attested.' },
  gatewayMessagesSigned: { name: 'trestle_bridge_gateway_messages_signed_total', help: 'Pause, unpause and legal-state messages this validator signed.' },
  gatewayMessagesRelayed: { name: 'trestle_bridge_gateway_messages_relayed_total', help: 'Pause, unpause and legal-state messages this relayer submitted and saw mined.' },
  pausesProposed: { name: 'trestle_bridge_pauses_proposed_total', help: 'Gateway pauses the reconciler proposed after finding EVM supply above the Fabric escrow.' },
};

/** One asset's last reconciliation, as the gauges show it. */
export type ReconciliationGauge = { readonly escrowed: bigint; readonly evmSupply: bigint; readonly inFlight: bigint; readonly diverged: boolean };

/**
 * In-process metrics of one bridge node, rendered as Prometheus text (exposition format 0.0.4).
 * Counters reset on restart, as Prometheus counters may; the last processed block is a gauge read
 * from the checkpoint.
 */
export class BridgeMetrics {
  readonly #counters = new Map<BridgeCounter, number>();
  readonly #errors = new Map<string, number>();
  #lastProcessedBlock: number | undefined;
  readonly #reconciliation = new Map<string, ReconciliationGauge>();

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

  /** Records the reconciler's last view of one asset (keyed by asset id). */
  setReconciliation(assetId: string, gauge: ReconciliationGauge): void {
    this.#reconciliation.set(assetId, gauge);
  }

  reconciliation(assetId: string): ReconciliationGauge | undefined {
    return this.#reconciliation.get(assetId);
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
    const gauges = [
      ['escrow_units', 'Units of the asset in Fabric escrow for this chain, at the last reconciliation.', (g: ReconciliationGauge) => g.escrowed],
      ['evm_supply_units', 'Total supply of the asset token on the EVM chain, at the last reconciliation.', (g: ReconciliationGauge) => g.evmSupply],
      ['in_flight_units', 'Units escrowed on Fabric whose mint is not yet recorded, at the last reconciliation.', (g: ReconciliationGauge) => g.inFlight],
      ['divergence', '1 when the EVM supply exceeds the Fabric escrow (the reconciler proposes a pause), else 0.', (g: ReconciliationGauge) => (g.diverged ? 1n : 0n)],
    ] as const;
    const assets = [...this.#reconciliation].sort(([a], [b]) => a.localeCompare(b));
    for (const [suffix, help, read] of gauges) {
      lines.push(`# HELP trestle_bridge_${suffix} ${help}`, `# TYPE trestle_bridge_${suffix} gauge`);
      for (const [assetId, gauge] of assets) lines.push(`trestle_bridge_${suffix}{asset="${escapeLabel(assetId)}"} ${read(gauge)}`);
    }
    return `${lines.join('\n')}\n`;
  }
}

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}
