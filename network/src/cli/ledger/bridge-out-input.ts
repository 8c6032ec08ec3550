import { randomUUID } from 'node:crypto';
import { parseBridgeOutRequest } from '@trestle/compliance/src/bridge/bridge-out';
import { isTrestleError, TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import type { Problem } from '@trestle/compliance/src/policy/problem-list';

/** The options `bridge out` and `bridge check` take besides the asset and the investor. */
export interface BridgeOutFlags {
  readonly chain: string;
  readonly wallet: string;
  readonly amount: string;
  readonly id?: string;
}

/** A bridge-out request ready to submit: its JSON text (validated here as the chaincode will) and its id. */
export interface BridgeOutRequestText {
  readonly bridgeOutId: string;
  readonly json: string;
}

/**
 * The bridge-out request document (compliance/src/bridge/bridge-out.ts) from the command's
 * arguments, with a fresh `bo-<uuid>` id when `--id` is left out, so a retry with the printed id
 * cannot create a second bridge-out. Validated with the chaincode's own reader before anything is
 * sent: a malformed request is refused with BRIDGE_OUT_INVALID listing every problem.
 */
export function bridgeOutRequestOf(assetId: string, investorId: string, flags: BridgeOutFlags): BridgeOutRequestText {
  // Every field travels as the text typed: the reader, not the CLI, decides what is well formed.
  const document = { bridgeOutId: flags.id ?? `bo-${randomUUID()}`, assetId, investorId, chainId: flags.chain, wallet: flags.wallet, amount: flags.amount };
  const json = JSON.stringify(document);
  try {
    return { bridgeOutId: parseBridgeOutRequest(json).bridgeOutId, json };
  } catch (error) {
    throw withProblemsSaid(error);
  }
}

/** Where each field of the document came from on the command line. */
const ARGUMENT_OF: Readonly<Record<string, string>> = { bridgeOutId: '--id', assetId: '<assetId>', investorId: '<investorId>', chainId: '--chain', wallet: '--wallet', amount: '--amount' };

/**
 * The reader's refusal with each problem in its one line, named by the option that carried it
 * ("--wallet must be …"), since a person at the terminal sees no details; --json keeps them.
 */
function withProblemsSaid(error: unknown): unknown {
  if (!isTrestleError(error) || error.code !== 'BRIDGE_OUT_INVALID') return error;
  const problems = Array.isArray(error.details?.problems) ? (error.details.problems as Problem[]) : [];
  if (problems.length === 0) return error;
  const said = problems.map((p) => `${ARGUMENT_OF[p.path] ?? p.path} ${p.problem}`).join('; ');
  return new TrestleError('BRIDGE_OUT_INVALID', `${error.sentence} ${said}.`, { ...(error.details === undefined ? {} : { details: error.details }) });
}
