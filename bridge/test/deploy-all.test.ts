import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import { ourArtifact, trexArtifact } from '../src/evm/artifacts';
import { deployAll, type DeploymentFile } from '../src/evm/deploy/deploy-all';
import { attach } from '../src/evm/deploy/steps';
import { devnet } from './support/devnet';

test('the deploy script puts the whole EVM side on the devnet, records it, and a re-run sends nothing', async (t) => {
  const provider = await devnet();
  const home = mkdtempSync(path.join(os.tmpdir(), 'trestle-deploy-'));
  const first = await deployAll(provider, { home });
  t.true(first.changed);

  const recorded = JSON.parse(readFileSync(first.file, 'utf8')) as DeploymentFile;
  t.is(BigInt(recorded.chainId), (await provider.getNetwork()).chainId);
  const [asset] = recorded.assets;
  if (!asset) return t.fail('no asset recorded');
  for (const address of [recorded.contracts.gateway, recorded.contracts.morpho, recorded.contracts.stablecoin, asset.token, asset.oracle]) {
    t.not(await provider.getCode(address), '0x', `no code at ${address}`);
  }

  // The pieces are wired: the gateway is the token's agent, Morpho is a verified holder, the market exists and prices.
  const token = attach(trexArtifact('token', 'Token'), asset.token, provider);
  t.true(await token.isAgent(recorded.contracts.gateway));
  const registry = attach(trexArtifact('registry/implementation', 'IdentityRegistry'), asset.identityRegistry, provider);
  t.true(await registry.isVerified(recorded.contracts.morpho));
  const morpho = attach(ourArtifact('Morpho'), recorded.contracts.morpho, provider);
  t.true((await morpho.market(asset.marketId)).lastUpdate > 0n);
  const oracle = attach(ourArtifact('NavOracle'), asset.oracle, provider);
  // NAV 100 dollars per 18-decimal unit, quoted in a 6-decimal stablecoin, scaled 1e36.
  t.is(await oracle.price(), 100n * 10n ** 6n * 10n ** 36n / 10n ** 18n);

  // No single key keeps an owner power: the validators' QuorumOwner holds them (bridge/test/quorum-owner.test.ts).
  t.is(await token.owner(), recorded.contracts.quorumOwner);
  t.is(await registry.owner(), recorded.contracts.quorumOwner);
  t.is(await morpho.owner(), recorded.contracts.quorumOwner);

  // Validator keys stay private to the state folder's owner.
  t.is(statSync(path.join(home, 'evm', 'devnet-keys.json')).mode & 0o077, 0);

  const second = await deployAll(provider, { home });
  t.false(second.changed);
  t.deepEqual(second.deployment.contracts, recorded.contracts);
});
