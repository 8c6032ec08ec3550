import { LitNodeClient } from '@lit-protocol/lit-node-client';
import { TrestleError } from '../../errors/trestle-error';
import { callLit } from '../lit/call-lit';

/** The Lit networks `LitNodeClient` 7.4 can join by name (all announced to sunset in 2026). */
export const LIT_NETWORKS = ['datil-dev', 'datil-test', 'datil'] as const;

export type LitNetworkName = (typeof LIT_NETWORKS)[number];

/** The network when `TRESTLE_LIT_NETWORK` is unset. */
export const DEFAULT_LIT_NETWORK: LitNetworkName = 'datil-dev';

/** How long `connect` may take before the network counts as not answering. */
export const DEFAULT_LIT_CONNECT_TIMEOUT_MS = 20_000;

/** Whether `value` names one of `LIT_NETWORKS`. */
export function isLitNetworkName(value: unknown): value is LitNetworkName {
  return typeof value === 'string' && (LIT_NETWORKS as readonly string[]).includes(value);
}

/** The network named by `TRESTLE_LIT_NETWORK`, or the default; an unknown name is `VAULT_BACKEND_UNAVAILABLE`. */
export function litNetworkFromEnvironment(environment: NodeJS.ProcessEnv = process.env): LitNetworkName {
  const name = environment.TRESTLE_LIT_NETWORK ?? DEFAULT_LIT_NETWORK;
  if (!isLitNetworkName(name)) {
    throw new TrestleError('VAULT_BACKEND_UNAVAILABLE', `TRESTLE_LIT_NETWORK names no Lit network; use one of ${LIT_NETWORKS.join(', ')}.`, { details: { network: name } });
  }
  return name;
}

/**
 * A `LitNodeClient` connected to `network`, with debug logging off (in debug mode the client logs
 * the decryption shares it receives). A network that does not answer is `VAULT_BACKEND_UNAVAILABLE`.
 */
export async function connectLitNetwork(network: LitNetworkName, connectTimeoutMs = DEFAULT_LIT_CONNECT_TIMEOUT_MS): Promise<LitNodeClient> {
  const client = new LitNodeClient({ litNetwork: network, debug: false, alertWhenUnauthorized: false, connectTimeout: connectTimeoutMs });
  try {
    await callLit('connect', () => client.connect());
    return client;
  } catch (cause) {
    await client.disconnect().catch(() => undefined);
    throw new TrestleError('VAULT_BACKEND_UNAVAILABLE', `The Lit network ${network} did not answer; check the connection or pick another network.`, {
      details: { network, reason: cause instanceof Error ? cause.message : 'unknown' },
      cause,
    });
  }
}
