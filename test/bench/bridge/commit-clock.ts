import { performance } from 'node:perf_hooks';
import type { JsonRpcProvider } from 'ethers';
import type { BankLedgerConnection } from '@trestle/bridge/src/node/bank-ledger-connection';
import type { LedgerContract } from '@trestle/bridge/src/validator/ledger-call';
import type { CommitInterval } from '../../src/bench-commit-split';

/**
 * Records when the ledgers were committing: each Fabric submit of the validators' connections
 * (endorsement, ordering and commit, as fabric-network waits for it; a retry after a read conflict
 * is its own interval) and each EVM transaction from eth_sendRawTransaction to the first receipt
 * the provider returned for it. The bench splits each round trip with these (bench-commit-split.ts).
 */
export class CommitClock {
  readonly intervals: CommitInterval[] = [];

  /** `contract` with its submits timed; queries pass through. */
  fabric(contract: LedgerContract): LedgerContract {
    return {
      submitTransaction: async (name, ...args) => {
        const startMs = performance.now();
        try {
          return await contract.submitTransaction(name, ...args);
        } finally {
          this.intervals.push({ ledger: 'fabric', name, startMs, endMs: performance.now() });
        }
      },
      evaluateTransaction: (name, ...args) => contract.evaluateTransaction(name, ...args),
    };
  }

  /** A validator's connection with both contracts timed. */
  connection(connection: BankLedgerConnection): BankLedgerConnection {
    return { bridge: this.fabric(connection.bridge), messages: this.fabric(connection.messages), close: () => connection.close() };
  }

  /**
   * Times EVM transactions sent through `provider` (every wallet connected to it sends through its
   * `send`, ethers' JsonRpcApiProvider._perform calls it). Returns the undo.
   */
  evm(provider: JsonRpcProvider): () => void {
    const original = provider.send.bind(provider);
    const sent = new Map<string, number>();
    provider.send = async (method: string, params: unknown[] | Record<string, unknown>) => {
      const startMs = performance.now();
      const result: unknown = await original(method, params);
      if (method === 'eth_sendRawTransaction' && typeof result === 'string') sent.set(result.toLowerCase(), startMs);
      if (method === 'eth_getTransactionReceipt' && result !== null && Array.isArray(params) && typeof params[0] === 'string') {
        const hash = params[0].toLowerCase();
        const from = sent.get(hash);
        if (from !== undefined) {
          sent.delete(hash);
          this.intervals.push({ ledger: 'evm', name: 'receipt', startMs: from, endMs: performance.now() });
        }
      }
      return result;
    };
    return () => {
      provider.send = original;
    };
  }

  /** Fabric submits of one ledger's kind, in milliseconds each (all of them, on the critical path or not). */
  durations(ledger: CommitInterval['ledger']): number[] {
    return this.intervals.filter((interval) => interval.ledger === ledger).map((interval) => interval.endMs - interval.startMs);
  }
}
