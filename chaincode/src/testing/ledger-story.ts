import './quiet-fabric-logs';
import { AssetContract } from '../assets/asset-contract';
import { InvestorContract } from '../investors/investor-contract';
import { SpvContract } from '../spv/spv-contract';
import { castLedger, CAST, tx } from './ledger-cast';
import {
  ASSET_ID,
  assetDocument,
  investorDocument,
  investorPii,
  json,
  legalDocuments,
  spvDocument,
  tokenizationDocument,
  valuationDocument,
} from './ledger-documents';
import { stagePii } from './staged-pii';
import type { TestIdentity, WorldState } from './stub-context';

// The story of one building, told through the contracts themselves, up to the state a test needs.

const spvs = new SpvContract();
const assets = new AssetContract();
const investors = new InvestorContract();

/** The investors of the story: two at BankA, one at BankB. */
export const INVESTORS = { annaA: 'INV-A-0001', benA: 'INV-A-0002', chloeB: 'INV-B-0001' } as const;

/** Onboards `investorId` through `officer`'s bank: stages the PII, then records the investor with its hash. */
export async function onboard(worldState: WorldState, officer: TestIdentity, investorId: string, overrides: Record<string, unknown> = {}): Promise<void> {
  const piiHash = await stagePii(officer, worldState, investorId, investorPii({ fullName: `Investor ${investorId}` }));
  await investors.OnboardInvestor(tx(officer, worldState).ctx, json(investorDocument(investorId, overrides)), piiHash);
}

/** The cast's roles and the story's three investors. */
export async function ledgerWithInvestors(): Promise<WorldState> {
  const worldState = await castLedger();
  await onboard(worldState, CAST.bankAOfficer, INVESTORS.annaA);
  await onboard(worldState, CAST.bankAOfficer, INVESTORS.benA, { jurisdiction: 'DE', investorType: 'accredited' });
  await onboard(worldState, CAST.bankBOfficer, INVESTORS.chloeB, { jurisdiction: 'LI', investorType: 'qualified-institutional' });
  return worldState;
}

/** The asset states the story can reach. */
export type StoryState = 'SPV' | 'DRAFT' | 'DOCUMENTED' | 'VALUED' | 'APPROVED' | 'TOKENIZED';

const STEPS: ReadonlyArray<readonly [StoryState, (worldState: WorldState) => Promise<void>]> = [
  ['SPV', (ws) => spvs.RegisterSpv(tx(CAST.spvAdmin, ws).ctx, json(spvDocument()))],
  ['DRAFT', (ws) => assets.CreateAsset(tx(CAST.spvAdmin, ws).ctx, json(assetDocument()))],
  ['DOCUMENTED', (ws) => assets.RecordLegalDocuments(tx(CAST.spvAdmin, ws).ctx, ASSET_ID, json(legalDocuments()))],
  ['VALUED', (ws) => assets.RecordValuation(tx(CAST.appraiser, ws).ctx, ASSET_ID, json(valuationDocument()))],
  ['APPROVED', (ws) => assets.ApproveAsset(tx(CAST.bankBOfficer, ws).ctx, ASSET_ID)],
  [
    'TOKENIZED',
    (ws) => assets.TokenizeAsset(tx(CAST.spvAdmin, ws).ctx, ASSET_ID, json(tokenizationDocument({ [INVESTORS.annaA]: 600_000n, [INVESTORS.benA]: 300_000n, [INVESTORS.chloeB]: 100_000n }))),
  ],
];

/** A ledger with the cast, the three investors, the SPV and the asset taken up to `state`. */
export async function ledgerAt(state: StoryState): Promise<WorldState> {
  const worldState = await ledgerWithInvestors();
  for (const [reached, step] of STEPS) {
    await step(worldState);
    if (reached === state) break;
  }
  return worldState;
}
