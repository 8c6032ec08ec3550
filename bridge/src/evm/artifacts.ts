import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Artifact } from '../compile/compile';
import { ARTIFACTS_DIR } from '../compile/units';

/** Raised when a contract has no artifact; usually `npm run build:contracts` has not run. */
export class ArtifactMissingError extends Error {
  readonly code = 'ARTIFACT_MISSING';
  constructor(name: string, where: string) {
    super(`No compiled artifact for ${name} at ${where}; run "npm run build:contracts".`);
    this.name = 'ArtifactMissingError';
  }
}

/** A contract we compile ourselves (bridge/contracts or Morpho Blue), from bridge/artifacts. */
export function ourArtifact(contractName: string): Artifact {
  const file = path.join(ARTIFACTS_DIR, `${contractName}.json`);
  if (!existsSync(file)) throw new ArtifactMissingError(contractName, file);
  return JSON.parse(readFileSync(file, 'utf8')) as Artifact;
}

/** Hardhat artifacts shipped inside the audited packages, used as published (not recompiled). */
function packageArtifact(pkg: string, relative: string, contractName: string): Artifact {
  const file = path.join(path.dirname(require.resolve(`${pkg}/package.json`)), 'artifacts', relative, `${contractName}.sol`, `${contractName}.json`);
  if (!existsSync(file)) throw new ArtifactMissingError(contractName, file);
  const json = JSON.parse(readFileSync(file, 'utf8')) as { abi: unknown[]; bytecode: string; sourceName: string };
  return { contractName, sourceName: json.sourceName, abi: json.abi, bytecode: json.bytecode };
}

/** T-REX (ERC-3643) 4.1.6 contract by path under its `contracts/` folder, e.g. `token` + `Token`. */
export function trexArtifact(folder: string, contractName: string): Artifact {
  return packageArtifact('@tokenysolutions/t-rex', path.join('contracts', folder), contractName);
}

/**
 * ONCHAINID contracts. Identity and ClaimIssuer come from the copies bundled in T-REX (optimised,
 * about 4k gas cheaper per transfer); IdFactory and IdentityProxy only exist in @onchain-id/solidity.
 */
export function onchainIdArtifact(contractName: 'Identity' | 'ClaimIssuer' | 'ImplementationAuthority' | 'IdFactory' | 'IdentityProxy'): Artifact {
  switch (contractName) {
    case 'Identity':
    case 'ClaimIssuer':
      return packageArtifact('@tokenysolutions/t-rex', path.join('@onchain-id', 'solidity', 'contracts'), contractName);
    case 'ImplementationAuthority':
      return packageArtifact('@onchain-id/solidity', path.join('contracts', 'proxy'), contractName);
    case 'IdentityProxy':
      return packageArtifact('@onchain-id/solidity', path.join('contracts', 'proxy'), contractName);
    case 'IdFactory':
      return packageArtifact('@onchain-id/solidity', path.join('contracts', 'factory'), contractName);
  }
}
