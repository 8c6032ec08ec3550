import type { JsonRpcProvider } from 'ethers';
import { fundedWallet } from '@trestle/bridge/src/evm/provider';
import type { GasMeasurement, MorphoComparison } from '../../src/bench-report';
import { deployBenchConsortium } from './bench-consortium';
import { THREE_OF_FIVE, TWO_OF_THREE } from './bench-params';
import { erc3643Collateral, plainCollateral } from './collateral';
import { deployCollateralMarket } from './collateral-market';
import { measureBurnForRedeem } from './gateway-burn';
import { measureMints } from './gateway-mint';
import { measureIdentityRegistration, registerHolder } from './identity-registration';
import { measureIdentityRevocation } from './identity-revocation';
import { measureKycPhases, measureLegalStates } from './gateway-state-messages';
import { deployLendingVenue } from './lending-venue';
import type { ProgressLog } from './measure';
import { measureMorphoCalls, MORPHO_CALLS, type MorphoCall } from './morpho-calls';
import { navAuthorityOf } from './nav-authority';
import { measureNavUpdate } from './nav-update';
import { measureQuorumOwnerExecute } from './quorum-owner-execute';
import { PLAIN_MORPHO_REFERENCE } from './references';
import { measureRepeatTransfer } from './token-transfer';
import { measureValidatorRotation } from './validator-rotation';

export interface GasWorkloadResult {
  readonly operations: GasMeasurement[];
  readonly morpho: MorphoComparison[];
}

/** The state each figure is measured in, for the report. */
export const GAS_CONDITIONS: readonly string[] = [
  'Every figure is one transaction on a freshly deployed suite: EIP-2929 cold access applies to every slot it touches, as on a public chain.',
  'Runs differ by a few tens of gas: wallets and validator keys are random, and zero bytes in addresses and signatures are cheaper calldata.',
  '"first" mint: nonce 1 sets a fresh nonce-bitmap word, the holder gets its first units and supply leaves zero (all zero-to-non-zero writes). "repeat" mint: nonce 2 in the same word, to the same holder.',
  'registerIdentity is measured after another registration (its nonce word in use) for a wallet without an ONCHAINID: identity creation, one KYC claim and the registry entry.',
  'transfer and burnForRedeem are measured on their second run: both holders already hold units and the burn counter is non-zero.',
  'NAV update: the oracle already has a NAV; +1%, within its 10% bound, 2 of 3 signatures.',
  'Morpho: one Morpho Blue, one stablecoin, the same NavOracle parameters, KinkedIrm, LLTV 77% and amounts for both markets. A seed borrower supplies first, so Morpho already holds the collateral token; the measured borrower supplies 1,000 units for the first time (keeping 100), borrows 70,000, repays 10,000; the NAV then falls 100 to 70 (super threshold) and a registered liquidator holding no collateral seizes 100 units ("liquidate"), then 100 more ("liquidateRepeat").',
  'revokeIdentity, setLegalState, setKycPhase, QuorumOwner and setValidators run last, on the 2-of-3 suite, so no earlier figure sees their state. revokeIdentity is measured after another revocation (its nonce word in use), for a holder with units.',
  'setLegalState and setKycPhase apply only with a nonce above the subject\'s latest (per token; per token and wallet). "first": nonce 1 of the type (a fresh nonce word), the subject\'s latest nonce and the module\'s flag or phase go from zero. "repeat": the next message for the same subject; Remediation to Normal clears the flag, which refunds part of the gas.',
  'QuorumOwner: deployed and handed every owner power as deploy-all does; one call, Morpho enableLltv(50%), signed by the super threshold (every validator of the 2-of-3 set). setValidators: the gateway\'s first rotation, all 3 validators replaced by new keys, thresholds unchanged.',
  'T-REX is deployed directly without proxies (as deploy-all does); behind TREXFactory proxies DESIGN §10 found transfers about 60k gas dearer.',
  'The asset binds the three compliance modules deploy-all binds (CountryAllow, MaxBalance, RemediationModule); every mint, transfer and burn runs their checks and hooks. DESIGN §10\'s lower T-REX figures were most likely taken without modules.',
];

const MORPHO_LABELS: Record<MorphoCall, string> = {
  supplyCollateral: 'supplyCollateral (borrower\'s first)',
  borrow: 'borrow',
  repay: 'repay (part)',
  liquidate: 'liquidate (liquidator holds no collateral yet)',
  liquidateRepeat: 'liquidate again (liquidator holds collateral)',
};

/** Deploys what it measures on `provider` and returns every figure of the gas table. */
export async function runGasWorkload(provider: JsonRpcProvider, log: ProgressLog): Promise<GasWorkloadResult> {
  log('deploying a 2-of-3 consortium (super 3) and its ERC-3643 asset');
  const main = await deployBenchConsortium(provider, TWO_OF_THREE);
  const alice = await fundedWallet(provider);
  const bob = await fundedWallet(provider);

  log('registerIdentity: a first holder, then the measured registration');
  await registerHolder(main, alice.address);
  const registration = await measureIdentityRegistration(main, bob.address);
  log('gateway mint, 2 of 3: first and repeat');
  const mints2of3 = await measureMints(main, alice.address);
  log('ERC-3643 transfer between verified holders');
  const transfer = await measureRepeatTransfer(main, alice, bob.address);
  log('burnForRedeem');
  const burn = await measureBurnForRedeem(main, alice);

  log('deploying a 3-of-5 consortium (super 4) and its ERC-3643 asset');
  const wide = await deployBenchConsortium(provider, THREE_OF_FIVE);
  const carol = await fundedWallet(provider);
  await registerHolder(wide, carol.address);
  log('gateway mint, 3 of 5: first and repeat');
  const mints3of5 = await measureMints(wide, carol.address);

  log('deploying Morpho Blue, the stablecoin, the IRM, and the ERC-3643 and plain ERC-20 markets with their NavOracles');
  const deployer = main.consortium.deployer;
  const authority = await navAuthorityOf(main);
  const venue = await deployLendingVenue(provider, deployer);
  const erc3643Market = await deployCollateralMarket(deployer, authority, venue, erc3643Collateral(main));
  const plainMarket = await deployCollateralMarket(deployer, authority, venue, await plainCollateral(deployer));
  log('Morpho calls on the ERC-3643 market');
  const erc3643 = await measureMorphoCalls(provider, venue, erc3643Market, authority);
  log('Morpho calls on the plain ERC-20 market');
  const plain = await measureMorphoCalls(provider, venue, plainMarket, authority);

  log('NavOracle updateNav with 2 signatures');
  const nav = await measureNavUpdate(erc3643Market.oracle, authority);

  // Last, on the 2-of-3 suite: they revoke its holders, change its states, hand away its owner powers and rotate its validators.
  log('revokeIdentity: a first revocation, then the measured one');
  const revocation = await measureIdentityRevocation(main, alice.address, bob.address);
  log('gateway setLegalState and setKycPhase, 2 of 3: first and repeat');
  const legalStates = await measureLegalStates(main);
  const kycPhases = await measureKycPhases(main, alice.address);
  log('QuorumOwner execute with the super threshold (3 of 3): Morpho enableLltv');
  const ownerCall = await measureQuorumOwnerExecute(main, venue);
  log('gateway setValidators: rotation of 3 validators');
  const rotation = await measureValidatorRotation(main);

  return {
    operations: [...mints2of3, ...mints3of5, burn, nav, registration, revocation, transfer, ...legalStates, ...kycPhases, rotation, ownerCall],
    morpho: MORPHO_CALLS.map((call) => ({
      call,
      label: MORPHO_LABELS[call],
      erc3643: erc3643[call],
      plain: plain[call],
      reference: PLAIN_MORPHO_REFERENCE[call],
    })),
  };
}
