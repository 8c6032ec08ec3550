import test from 'ava';
import { AbiCoder, keccak256, type ContractRunner } from 'ethers';
import { ourArtifact } from '../src/evm/artifacts';
import { identityAddressFor, identitySalt, predictIdentityAddress } from '../src/evm/claims';
import type { DeployedContract } from '../src/evm/deploy-contract';
import { attach } from '../src/evm/deploy/steps';
import { fundedWallet } from '../src/evm/provider';
import { assetFixture, COUNTRY, expectRevertReason, LEGAL_STATE, UNITS } from './support/fixtures';

/** `contract` with `runner` as the sender. */
const as = (contract: DeployedContract, runner: ContractRunner) => contract.connect(runner) as DeployedContract;

test('a wallet without a registered identity can neither receive a transfer nor be minted to', async (t) => {
  const a = await assetFixture();
  const holder = await fundedWallet(a.provider);
  await a.register(holder.address);
  await a.mint(holder.address, UNITS(100n));
  const outsider = await fundedWallet(a.provider);

  t.false(await a.identityRegistry.isVerified(outsider.address));
  await expectRevertReason(t, as(a.token, holder).transfer(outsider.address, UNITS(1n)), 'Transfer not possible');
  await expectRevertReason(t, a.mint(outsider.address, UNITS(1n)), 'Identity is not verified.');
  t.is(await a.token.balanceOf(outsider.address), 0n);
  t.is(await a.token.balanceOf(holder.address), UNITS(100n));
});

test('a registered investor receives mints and transfers, and a revoked one no longer can', async (t) => {
  const a = await assetFixture();
  const [holder, receiver] = [await fundedWallet(a.provider), await fundedWallet(a.provider)];
  await a.register(holder.address);
  await a.register(receiver.address, { country: COUNTRY.GERMANY });
  await a.mint(holder.address, UNITS(100n));

  const first = await (await as(a.token, holder).transfer(receiver.address, UNITS(10n))).wait();
  const repeat = await (await as(a.token, holder).transfer(receiver.address, UNITS(10n))).wait();
  t.log(`T-REX transfer with three modules: first ${first?.gasUsed} gas, repeat ${repeat?.gasUsed} gas`);
  t.is(await a.token.balanceOf(receiver.address), UNITS(20n));

  await a.revoke(receiver.address);
  t.false(await a.identityRegistry.isVerified(receiver.address));
  await expectRevertReason(t, as(a.token, holder).transfer(receiver.address, UNITS(1n)), 'Transfer not possible');
  await expectRevertReason(t, a.mint(receiver.address, UNITS(1n)), 'Identity is not verified.');
  t.is(await a.token.balanceOf(receiver.address), UNITS(20n));
});

test('an investor from a country outside the allowed list cannot receive units', async (t) => {
  const a = await assetFixture();
  const [holder, american] = [await fundedWallet(a.provider), await fundedWallet(a.provider)];
  await a.register(holder.address);
  await a.register(american.address, { country: COUNTRY.UNITED_STATES });
  await a.mint(holder.address, UNITS(100n));

  // Verified (KYC claim present) but refused by CountryAllowModule.
  t.true(await a.identityRegistry.isVerified(american.address));
  await expectRevertReason(t, as(a.token, holder).transfer(american.address, UNITS(1n)), 'Transfer not possible');
  await expectRevertReason(t, a.mint(american.address, UNITS(1n)), 'Compliance not followed');
  t.is(await a.token.balanceOf(american.address), 0n);
});

test('no identity can hold more than the max balance, by mint or by transfer', async (t) => {
  const a = await assetFixture({ maxBalance: UNITS(1_000n) });
  const [holder, receiver] = [await fundedWallet(a.provider), await fundedWallet(a.provider)];
  await a.register(holder.address);
  await a.register(receiver.address);
  await a.mint(holder.address, UNITS(1_000n));
  await a.mint(receiver.address, UNITS(600n));

  await expectRevertReason(t, a.mint(holder.address, 1n), 'Compliance not followed');
  await expectRevertReason(t, as(a.token, holder).transfer(receiver.address, UNITS(401n)), 'Transfer not possible');
  await (await as(a.token, holder).transfer(receiver.address, UNITS(400n))).wait();
  t.is(await a.token.balanceOf(receiver.address), UNITS(1_000n));
  t.is(await a.token.balanceOf(holder.address), UNITS(600n));
});

test('the predicted identity address is the one the gateway creates through IdFactory', async (t) => {
  const a = await assetFixture();
  const wallet = await fundedWallet(a.provider);
  const gateway = await a.gateway.getAddress();
  const predicted = await identityAddressFor(a.idFactory, wallet.address);
  t.is(
    predicted,
    predictIdentityAddress({ idFactory: a.infra.idFactory, implementationAuthority: a.infra.implementationAuthority, salt: identitySalt(wallet.address) }),
  );

  const gatewayKey = keccak256(AbiCoder.defaultAbiCoder().encode(['address'], [gateway]));
  const simulated = await as(a.idFactory, a.provider).createIdentityWithManagementKeys.staticCall(wallet.address, identitySalt(wallet.address), [gatewayKey], { from: gateway });
  t.is(simulated, predicted);

  t.is(await a.register(wallet.address), predicted);
  t.is(await a.idFactory.getIdentity(wallet.address), predicted);
  t.is(await a.identityRegistry.identity(wallet.address), predicted);
  t.true(await a.identityRegistry.isVerified(wallet.address));
  t.is(await identityAddressFor(a.idFactory, wallet.address), predicted);
});

test('the remediation flag cannot be set except through the bound compliance', async (t) => {
  const a = await assetFixture();
  const module = attach(ourArtifact('RemediationModule'), a.suite.modules.remediation, a.deployer);
  t.true(await module.isComplianceBound(a.suite.compliance));
  await expectRevertReason(t, module.setRemediation(true), 'only bound compliance can call');
  // The compliance's owner is the gateway, so the deployer cannot route the call through it either.
  const call = module.interface.encodeFunctionData('setRemediation', [true]);
  await expectRevertReason(t, a.compliance.callModuleFunction(call, a.suite.modules.remediation), 'Ownable: caller is not the owner');
  t.false(await module.inRemediation(a.suite.compliance));
});

test('assets deployed by one consortium share identities and modules but keep separate compliance state', async (t) => {
  const first = await assetFixture({ maxBalance: UNITS(10n) });
  const second = await assetFixture({ maxBalance: UNITS(1_000n) }, first);
  t.not(first.suite.token, second.suite.token);
  t.deepEqual(first.suite.modules, second.suite.modules);

  const holder = await fundedWallet(first.provider);
  const identity = await first.register(holder.address);
  t.is(await second.register(holder.address), identity);
  await first.mint(holder.address, UNITS(10n));
  await second.mint(holder.address, UNITS(100n));
  await expectRevertReason(t, first.mint(holder.address, 1n), 'Compliance not followed');

  await second.setLegalState(LEGAL_STATE.Remediation);
  const module = attach(ourArtifact('RemediationModule'), first.suite.modules.remediation, first.provider);
  t.true(await module.inRemediation(second.suite.compliance));
  t.false(await module.inRemediation(first.suite.compliance));
});
