import { readPolicy } from '../policy/parse-policy';
import { POLICY_FIELDS, type Policy } from '../policy/policy';
import { childPath } from '../policy/problem-list';
import type { RecordReader } from '../policy/record-reader';
import { MAX_ALLOCATIONS, MAX_DECIMALS } from './ledger-limits';
import { readJsonDocument } from './read-json-document';
import { readLedgerId } from './record-fields';

/** Units minted to one initial holder, in base units. */
export type Allocation = { readonly investorId: string; readonly units: bigint };

/** What the SPV's administrator sends to tokenize an asset. */
export type TokenizationDocument = {
  /** The fixed supply in base units; the allocations add up to it exactly. */
  readonly units: bigint;
  /** How many of the base units' digits are decimals when shown (as ERC-20 `decimals`). */
  readonly decimals: number;
  readonly allocations: readonly Allocation[];
  /** The asset's first transfer policy (version 1), attached by its hash. */
  readonly policy: Policy;
};

function readTokenization(reader: RecordReader, assetId: string): TokenizationDocument {
  const document: TokenizationDocument = {
    units: reader.amount('units', true),
    decimals: reader.integer('decimals', 0, MAX_DECIMALS),
    allocations: reader.records('allocations', MAX_ALLOCATIONS, ['investorId', 'units'], (allocation) => ({
      investorId: readLedgerId(allocation, 'investorId', 'an investor id'),
      units: allocation.amount('units', true),
    })),
    policy: readPolicy(reader.record('policy', POLICY_FIELDS)),
  };
  checkAcrossFields(document, reader, assetId);
  return document;
}

// Each check runs only on fields that read cleanly (ProblemList.touches), so stand-ins never mislead.
function checkAcrossFields(document: TokenizationDocument, reader: RecordReader, assetId: string): void {
  const at = (...keys: Array<string | number>) => keys.reduce<string>((path, key) => childPath(path, key), reader.path);
  const clean = (...paths: string[]) => !paths.some((path) => reader.problems.touches(path));
  if (clean(at('allocations')) && document.allocations.length === 0) reader.problems.add(at('allocations'), 'must list at least one initial holder');
  const seen = new Set<string>();
  document.allocations.forEach(({ investorId }, index) => {
    if (investorId !== '' && seen.has(investorId)) reader.problems.add(at('allocations', index, 'investorId'), 'repeats an earlier holder; give each investor one allocation');
    seen.add(investorId);
  });
  const total = document.allocations.reduce((sum, allocation) => sum + allocation.units, 0n);
  if (clean(at('allocations'), at('units')) && total !== document.units) {
    reader.problems.add(at('allocations'), `must add up to units (${document.units}), but add up to ${total}`);
  }
  if (clean(at('policy'))) {
    if (document.policy.assetId !== assetId) reader.problems.add(at('policy', 'assetId'), 'must be the asset being tokenized');
    if (document.policy.version !== 1) reader.problems.add(at('policy', 'version'), "must be 1: tokenization attaches the asset's first policy");
  }
}

/**
 * Validates the tokenization document (JSON text) for `assetId`; `TOKENIZATION_INVALID` lists
 * every problem, the policy's own problems included (under `policy.`).
 */
export function parseTokenizationDocument(text: unknown, assetId: string): TokenizationDocument {
  return readJsonDocument(text, {
    code: 'TOKENIZATION_INVALID',
    name: 'tokenization document',
    fields: ['units', 'decimals', 'allocations', 'policy'],
    read: (reader) => readTokenization(reader, assetId),
  });
}
