import { mkdirSync } from 'node:fs';
import path from 'node:path';

/**
 * Keeps fabric-network's own chatter off a person's terminal; the CLI prints one clear line per
 * error itself. fabric-common logs every failed endorsement with its stack to the console unless
 * HFC_LOGGING says otherwise: its errors go to `<state folder>/logs/fabric-client.log` instead
 * (an HFC_LOGGING set by the user wins). And grpc-js passes a peer's IP address as the TLS server
 * name, which Node flags on every connection to 127.0.0.1 (DEP0123); that one warning is dropped.
 */
export function quietFabricClient(stateFolder: string | undefined): void {
  if (process.env.HFC_LOGGING === undefined && stateFolder !== undefined) {
    const logs = path.join(stateFolder, 'logs');
    mkdirSync(logs, { recursive: true });
    process.env.HFC_LOGGING = JSON.stringify({ error: path.join(logs, 'fabric-client.log') });
  }
  const emitWarning = process.emitWarning.bind(process) as (...args: unknown[]) => void;
  process.emitWarning = ((...args: unknown[]) => {
    const [, second, third] = args;
    const code = typeof second === 'object' && second !== null ? (second as { code?: string }).code : third;
    if (code === 'DEP0123') return;
    emitWarning(...args);
  }) as typeof process.emitWarning;
}
