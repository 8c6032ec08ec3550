import { parseTrestleError } from '@trestle/compliance/src/errors/trestle-error';
import type { OrgHandle } from '../../src/cli/ledger/acting-identity';
import type { BankNode } from '../../src/fabric/topology';
import type { StackConfig } from '../../src/stack/stack-config';
import { withFabricClient } from '../support/fabric-client';
import { pollUntil } from '../support/fabric-poll';

// Queries sent to one named bank's peer alone (fabric-client.ts's one-peer query handler), so an
// assertion says which peer served the answer; the CLI asks whichever peer of the caller's org.

/** A peer commits a block a moment after the one whose commit event the submitter waited for. */
export const REPLICATION_DEADLINE_MS = 30_000;

/** Who asks, and which bank's peer answers. */
export interface PeerQuery {
  readonly org: OrgHandle;
  readonly label: string;
  readonly peer: BankNode;
}

/** `contract.name(args…)` evaluated on `query.peer` alone, as `query.org/label`, parsed as JSON. */
export function queryPeer<T>(stack: StackConfig, query: PeerQuery, contract: string, name: string, ...args: string[]): Promise<T> {
  return withFabricClient(
    stack,
    query.org,
    query.label,
    async (client) => JSON.parse((await client.contract(contract).evaluateTransaction(name, ...args)).toString('utf8')) as T,
    { queryPeer: query.peer },
  );
}

/** The typed error code of a query on `query.peer` alone that must fail; throws if it answers. */
export async function refusalOnPeer(stack: StackConfig, query: PeerQuery, contract: string, name: string, ...args: string[]): Promise<{ code: string | undefined; message: string }> {
  try {
    await queryPeer(stack, query, contract, name, ...args);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { code: parseTrestleError(message)?.code, message };
  }
  throw new Error(`${name} on ${query.peer.peer.name} as ${query.org}/${query.label} answered; a refusal was expected`);
}

/** Polls `query.peer` until `accept` takes the answer (peers commit at their own pace), then returns it. */
export function awaitOnPeer<T>(stack: StackConfig, query: PeerQuery, accept: (value: T) => boolean, contract: string, name: string, ...args: string[]): Promise<T> {
  return pollUntil(`${name}(${args.join(', ')}) as wanted on ${query.peer.peer.name}`, REPLICATION_DEADLINE_MS, async () => {
    const value = await queryPeer<T>(stack, query, contract, name, ...args);
    return accept(value) ? value : undefined;
  });
}
