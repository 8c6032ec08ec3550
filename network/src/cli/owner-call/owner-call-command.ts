import { readFileSync, writeFileSync } from 'node:fs';
import { Command, InvalidArgumentError } from 'commander';
import { Interface, verifyTypedData } from 'ethers';
import { ourArtifact } from '@trestle/bridge/src/evm/artifacts';
import { attach } from '@trestle/bridge/src/evm/deploy/steps';
import { quorumOwnerDomain, QUORUM_OWNER_TYPES, signOwnerCall } from '@trestle/bridge/src/evm/quorum-owner-call';
import { revertReason } from '@trestle/bridge/src/liquidation/revert-reason';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { reportFailure, type CommandOutput } from '../ledger/ledger-action';
import { openKeystore } from '../liquidator-wallet';
import type { DeployedChain } from '../deployed-chain';
import { ownerCallOf, parseSignedOwnerCall, type SignedOwnerCall } from './owner-call-document';

export interface OwnerCallDeps extends CommandOutput {
  readonly chain: () => Promise<DeployedChain>;
}

type SignOptions = { target: string; function: string; args: string; nonce: string; validUntil: string; keystore: string; passwordEnv: string; out?: string };
type ExecuteOptions = { keystore: string; passwordEnv: string; json?: boolean };

const QUORUM_OWNER_ABI = new Interface(ourArtifact('QuorumOwner').abi as ConstructorParameters<typeof Interface>[0]);

const input = (message: string, argument: string) => new TrestleError('CLI_INPUT_INVALID', message, { details: { argument } });

/** A deadline as ISO 8601 or Unix seconds, in Unix seconds. */
function unixSeconds(value: string): string {
  if (/^\d{1,12}$/.test(value)) return value;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new InvalidArgumentError('an ISO 8601 instant (2026-12-01T00:00:00Z) or Unix seconds');
  return String(Math.floor(ms / 1000));
}

/** The calldata of `fn` (a Solidity signature such as "setName(string)") with `args` (a JSON array). */
function calldataOf(fn: string, args: string): { data: string; describes: string } {
  let abi: Interface;
  try {
    abi = new Interface([`function ${fn}`]);
  } catch {
    throw input(`--function must be a Solidity function signature such as "enableLltv(uint256)"; ${fn} is not.`, 'function');
  }
  let values: unknown;
  try {
    values = JSON.parse(args);
  } catch {
    throw input('--args must be a JSON array of the arguments, such as \'["500000000000000000"]\'.', 'args');
  }
  if (!Array.isArray(values)) throw input('--args must be a JSON array.', 'args');
  const fragment = abi.fragments[0] as Parameters<Interface['encodeFunctionData']>[0];
  try {
    return { data: abi.encodeFunctionData(fragment, values), describes: `${fn} ${JSON.stringify(values)}` };
  } catch (error) {
    throw input(`--args do not fit ${fn}: ${(error as Error).message.split(' (')[0]}.`, 'args');
  }
}

function readSigned(file: string): SignedOwnerCall {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw input(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}.`, 'file');
  }
  try {
    return parseSignedOwnerCall(JSON.parse(text), file);
  } catch (error) {
    if (error instanceof TrestleError) throw error;
    throw input(`${file} is not JSON.`, 'file');
  }
}

/**
 * The bundle the contract wants: every file for the same call, QuorumOwner and chain, each signature
 * recovering to its named signer, one per signer, in ascending signer order.
 */
function bundleOf(files: readonly SignedOwnerCall[], names: readonly string[]): { call: SignedOwnerCall; signatures: string[] } {
  const [first] = files;
  if (first === undefined) throw input('Name the signed owner call files to execute.', 'files');
  const same = (a: SignedOwnerCall, b: SignedOwnerCall) => a.quorumOwner === b.quorumOwner && a.chainId === b.chainId && JSON.stringify(a.call) === JSON.stringify(b.call);
  files.forEach((file, index) => {
    if (!same(file, first)) throw input(`${names[index] ?? 'a file'} signs another call than ${names[0] ?? 'the first'}; every signature must be over the same target, calldata, nonce and deadline.`, 'files');
    const recovered = verifyTypedData(quorumOwnerDomain(BigInt(file.chainId), file.quorumOwner), QUORUM_OWNER_TYPES, { ...ownerCallOf(file) }, file.signature);
    if (recovered !== file.signer) throw input(`${names[index] ?? 'a file'}: its signature recovers to ${recovered}, not to the signer it names (${file.signer}).`, 'files');
  });
  const bySigner = new Map(files.map((file) => [file.signer, file.signature]));
  if (bySigner.size !== files.length) throw input('Two files carry the same signer; each validator signs once.', 'files');
  const signatures = [...bySigner].sort(([a], [b]) => (BigInt(a) < BigInt(b) ? -1 : 1)).map(([, signature]) => signature);
  return { call: first, signatures };
}

/**
 * `trestle owner-call sign|execute`: owner calls on the consortium's EVM contracts (T-REX token
 * and registries, ONCHAINID authority, claim issuer, Morpho), which only the QuorumOwner can make,
 * on the super threshold of the gateway's validators. Each bank's validator signs the call it agreed
 * to (`sign`, with its own keystore); anyone submits the signatures together (`execute`).
 */
export function ownerCallCommand(deps: OwnerCallDeps): Command {
  const command = new Command('owner-call').description("owner calls on the EVM contracts through the QuorumOwner: each validator signs (sign), anyone submits the signatures (execute)");
  command
    .command('sign')
    .description("sign an owner call with your bank's validator keystore; prints (or writes) the signed call for `execute`")
    .requiredOption('--target <address>', 'the contract to call (see .trestle/evm/deployment.json)')
    .requiredOption('--function <signature>', 'the Solidity function, e.g. "enableLltv(uint256)" or "setName(string)"')
    .option('--args <json>', 'its arguments as a JSON array (numbers as strings)', '[]')
    .requiredOption('--nonce <n>', 'the call\'s number: unused on the QuorumOwner; a second call under the same nonce withdraws the first', (value: string) => {
      if (!/^\d{1,78}$/.test(value)) throw new InvalidArgumentError('a whole number');
      return value;
    })
    .requiredOption('--valid-until <instant>', 'the last instant the call may run (ISO 8601 or Unix seconds)', unixSeconds)
    .requiredOption('--keystore <file>', "your bank's validator keystore (encrypted JSON)")
    .requiredOption('--password-env <var>', 'the environment variable holding its password')
    .option('--out <file>', 'write the signed call there instead of printing it')
    .action(async (options: SignOptions) => {
      let chain: DeployedChain | undefined;
      try {
        chain = await deps.chain();
        const quorumOwner = (chain.deployment.contracts as { quorumOwner?: string }).quorumOwner;
        if (quorumOwner === undefined) throw input('The stack\'s deployment names no QuorumOwner; redeploy with this version ("npm run trestle -- deploy" on a fresh devnet).', 'deployment');
        const { data, describes } = calldataOf(options.function, options.args);
        const wallet = await openKeystore(options.keystore, options.passwordEnv);
        const call = { target: options.target, data, nonce: BigInt(options.nonce), validUntil: BigInt(options.validUntil) };
        const [signature = ''] = await signOwnerCall([wallet], BigInt(chain.deployment.chainId), quorumOwner, call);
        const signed = parseSignedOwnerCall({ quorumOwner, chainId: String(chain.deployment.chainId), call: { target: options.target, data, nonce: options.nonce, validUntil: options.validUntil }, describes, signer: wallet.address, signature }, 'signed');
        const text = JSON.stringify(signed, null, 2);
        if (options.out === undefined) deps.out(text);
        else {
          writeFileSync(options.out, `${text}\n`);
          deps.out(`signed ${describes} on ${signed.call.target} as ${wallet.address} (nonce ${signed.call.nonce}, valid until ${new Date(Number(signed.call.validUntil) * 1000).toISOString()}): ${options.out}`);
        }
      } catch (error) {
        reportFailure(deps, error, false);
      } finally {
        chain?.provider.destroy();
      }
    });
  command
    .command('execute')
    .description('submit the validators\' signatures of one owner call to the QuorumOwner (needs the gateway\'s super threshold of them)')
    .argument('<files...>', 'the signed owner calls, one per validator')
    .requiredOption('--keystore <file>', 'the keystore of the account that pays for the transaction (any funded account)')
    .requiredOption('--password-env <var>', 'the environment variable holding its password')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', '\nExit status: 0 executed; 2 bad files or keystore; 3 refused by the QuorumOwner (too few signatures, nonce used, deadline passed, the call reverted); 1 the EVM node does not answer.')
    .action(async (files: string[], options: ExecuteOptions) => {
      let chain: DeployedChain | undefined;
      try {
        chain = await deps.chain();
        const { call, signatures } = bundleOf(files.map(readSigned), files);
        if (BigInt(call.chainId) !== BigInt(chain.deployment.chainId)) throw input(`The calls are signed for chain ${call.chainId}; the stack's deployment is chain ${chain.deployment.chainId}.`, 'files');
        const sender = (await openKeystore(options.keystore, options.passwordEnv)).connect(chain.provider);
        const quorumOwner = attach(ourArtifact('QuorumOwner'), call.quorumOwner, sender);
        const c = ownerCallOf(call);
        let hash: string;
        try {
          const receipt = await (await quorumOwner.execute(c.target, c.data, c.nonce, c.validUntil, signatures)).wait();
          hash = receipt?.hash ?? '';
        } catch (error) {
          const reason = revertReason(error, QUORUM_OWNER_ABI);
          if (reason === undefined) throw error;
          throw new TrestleError('QUORUM_OWNER_REFUSED', `The QuorumOwner refused the call: ${reason}.`, { details: { reason } });
        }
        const result = { txHash: hash, target: c.target, nonce: call.call.nonce, signatures: signatures.length, describes: call.describes };
        if (options.json === true) deps.out(JSON.stringify(result, null, 2));
        else deps.out(`executed ${call.describes || call.call.data.slice(0, 10)} on ${c.target} with ${signatures.length} signatures (nonce ${call.call.nonce}): ${hash}`);
      } catch (error) {
        reportFailure(deps, error, options.json === true);
      } finally {
        chain?.provider.destroy();
      }
    });
  return command;
}
