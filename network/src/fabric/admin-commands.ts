import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { binaryPath } from './fabric-binaries';
import { peerHome } from './node-config';
import { adminMspDir, adminTlsDir, endpoint, tlsCaCert, type BankNode, type FabricTopology } from './topology';

/** A Fabric command line tool that failed: the command, its exit and what it printed. */
export class FabricCommandError extends Error {
  readonly code = 'FABRIC_COMMAND_FAILED';
  constructor(
    readonly command: string,
    readonly output: string,
  ) {
    super(`${command} failed:\n    ${output.trim().split('\n').slice(-12).join('\n    ')}`);
    this.name = 'FabricCommandError';
  }
}

/** Environment of the `peer` CLI acting as the bank's admin against the bank's own peer. */
export function peerAdminEnv(topology: FabricTopology, bank: BankNode): NodeJS.ProcessEnv {
  return {
    FABRIC_CFG_PATH: peerHome(topology, bank),
    CORE_PEER_LOCALMSPID: bank.mspId,
    CORE_PEER_MSPCONFIGPATH: adminMspDir(topology, bank.domain),
    CORE_PEER_ADDRESS: endpoint(topology, bank.peer.port),
    CORE_PEER_TLS_ENABLED: 'true',
    CORE_PEER_TLS_ROOTCERT_FILE: tlsCaCert(topology, bank.domain),
    FABRIC_LOGGING_SPEC: 'WARN',
  };
}

export interface CommandResult {
  readonly ok: boolean;
  readonly stdout: string;
  readonly output: string;
  readonly command: string;
}

function run(binary: string, args: readonly string[], env: NodeJS.ProcessEnv, timeoutMs: number): CommandResult {
  const result = spawnSync(binary, [...args], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: timeoutMs });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? `\n${result.error.message}` : ''}`;
  return { ok: result.status === 0, stdout: result.stdout ?? '', output, command: `${path.basename(binary)} ${args.join(' ')}` };
}

/** Runs `peer <args>` as the bank's admin; `check` throws FabricCommandError on failure. */
export function peerAsAdmin(topology: FabricTopology, bank: BankNode, args: readonly string[], timeoutMs = 120_000): CommandResult {
  return run(binaryPath('peer'), args, peerAdminEnv(topology, bank), timeoutMs);
}

/** Runs `osnadmin channel <args>` against the bank's orderer with the bank admin's TLS client certificate. */
export function osnadminAsAdmin(topology: FabricTopology, bank: BankNode, args: readonly string[], timeoutMs = 60_000): CommandResult {
  const tls = adminTlsDir(topology, bank.domain);
  const connection = ['-o', endpoint(topology, bank.orderer.adminPort), '--ca-file', tlsCaCert(topology, bank.domain), '--client-cert', path.join(tls, 'client.crt'), '--client-key', path.join(tls, 'client.key')];
  return run(binaryPath('osnadmin'), ['channel', ...args, ...connection], {}, timeoutMs);
}

export function check(result: CommandResult): CommandResult {
  if (!result.ok) throw new FabricCommandError(result.command, result.output);
  return result;
}

/** `-o <orderer> --tls --cafile <ca>` for peer CLI commands that submit to the bank's own orderer. */
export function ordererFlags(topology: FabricTopology, bank: BankNode): string[] {
  return ['-o', endpoint(topology, bank.orderer.port), '--tls', '--cafile', tlsCaCert(topology, bank.domain)];
}
