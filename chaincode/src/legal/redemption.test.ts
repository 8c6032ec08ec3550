import '../testing/quiet-fabric-logs';
import test from 'ava';
import type { AuditRecord } from '@trestle/compliance/src/audit/audit-record';
import type { Asset } from '@trestle/compliance/src/ledger/asset';
import type { LegalTransition } from '@trestle/compliance/src/ledger/legal-transition';
import { AssetContract } from '../assets/asset-contract';
import { HOLDING_KEY_TYPE } from '../assets/holding-key';
import { AuditContract } from '../audit/audit-contract';
import { ControlContract } from '../controls/control-contract';
import { eventsOf, T0, tx, unixSeconds } from '../testing/ledger-cast';
import { ASSET_ID, json } from '../testing/ledger-documents';
import { INVESTORS } from '../testing/ledger-story';
import { approve, BENCH, decide, legalAction, legalHistoryOf, ledgerForLegal, ledgerInLegalState, proposalOf, propose } from '../testing/legal-story';
import { refused } from '../testing/refusal';
import { rewriteRecord } from '../testing/rewrite-record';
import type { WorldState } from '../testing/stub-context';
import { daysAfterT0, unitsOnLedger } from '../testing/transfer-story';
import { LegalContract } from './legal-contract';

const contract = new LegalContract();
const assets = new AssetContract();

async function assetOf(worldState: WorldState): Promise<Asset> {
  return JSON.parse(await assets.GetAsset(tx(BENCH.regulator, worldState).ctx, ASSET_ID)) as Asset;
}

test('a redemption from TOKENIZED retires every unit: holdings deleted, each holder\'s units and cash recorded with the settlement reference', async (t) => {
  const worldState = await ledgerForLegal();
  await new ControlContract().FreezePartial(tx(BENCH.officerA, worldState).ctx, ASSET_ID, INVESTORS.benA, '1000', 'Garnishment order');
  await propose(worldState, legalAction('L-R', 'redeem', { reason: 'Building sold; sale closed 2026-03-01' }));
  await approve(worldState, BENCH.officerB, 'L-R');
  const deciding = tx(BENCH.officerC, worldState);
  await contract.ApproveLegalAction(deciding.ctx, 'L-R', 'Sale proceeds received');

  t.is((await assetOf(worldState)).state, 'REDEEMED');
  t.is(unitsOnLedger(worldState, deciding.ctx), 0n, 'no unit is left on the ledger');
  const prefix = deciding.ctx.stub.createCompositeKey(HOLDING_KEY_TYPE, [ASSET_ID]);
  t.false([...worldState.keys()].some((key) => key.startsWith(prefix)), 'every holding key is deleted');
  await t.throwsAsync(assets.GetHolding(tx(BENCH.regulator, worldState).ctx, ASSET_ID, INVESTORS.annaA), { message: /HOLDING_NOT_FOUND/ });

  // 1 000 000 base units at 6 decimals are one whole unit, priced CHF 42 500 000.00 (in cents).
  const expected = {
    cashSettlement: { reference: 'UETR 8a562c67-ca16-48ba-b074-65581be6f001', currency: 'CHF', pricePerUnit: '4250000000' },
    decimals: 6,
    unitsRetired: '1000000',
    cashTotal: '4250000000',
    holders: [
      { investorId: INVESTORS.annaA, bankMsp: 'BankAMSP', units: '600000', frozen: '0', cash: '2550000000' },
      { investorId: INVESTORS.benA, bankMsp: 'BankAMSP', units: '300000', frozen: '1000', cash: '1275000000' },
      { investorId: INVESTORS.chloeB, bankMsp: 'BankBMSP', units: '100000', frozen: '0', cash: '425000000' },
    ],
  };
  const events = eventsOf(deciding);
  t.deepEqual(events.map((event) => event.name), ['AssetRedeemed']);
  t.deepEqual((events[0]?.envelope.payload.transition as LegalTransition).redemption, expected);
  const history = await legalHistoryOf(worldState);
  t.deepEqual(history.transitions.map((transition) => [transition.action, transition.from, transition.to]), [['redeem', 'TOKENIZED', 'REDEEMED']]);
  t.deepEqual(history.transitions[0]?.redemption, expected);
  t.like((await proposalOf(worldState, 'L-R')).closure, { status: 'APPLIED', byMsp: 'BankCMSP', transitionSeq: 1 });

  const audit = JSON.parse(await new AuditContract().ListAudit(tx(BENCH.regulator, worldState).ctx, '2026-01-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z', '100', '')) as { records: AuditRecord[] };
  t.like(audit.records.find((record) => record.action === 'asset-redeemed'), { actorMsp: 'BankCMSP', amount: '1000000', reason: 'Building sold; sale closed 2026-03-01', policyVersion: 1 });
});

test('a redemption is refused while units are in bridge escrow, writing nothing; once they are home the same approval applies it', async (t) => {
  const worldState = await ledgerForLegal();
  // What a bridge-out leaves behind: part of ben's units in escrow, backing tokens on the EVM chain.
  rewriteRecord(worldState, HOLDING_KEY_TYPE, [ASSET_ID, INVESTORS.benA], (holding) => ({ ...holding, balance: '250000', escrowed: '50000', lots: [{ amount: '250000', acquiredAt: unixSeconds(T0) }] }));
  await propose(worldState, legalAction('L-R', 'redeem'));
  await approve(worldState, BENCH.officerA, 'L-R');
  const error = await refused(t, worldState, BENCH.officerB, 'REDEMPTION_UNITS_IN_ESCROW', (ctx) => contract.ApproveLegalAction(ctx, 'L-R', ''));
  t.deepEqual(error.details, { assetId: ASSET_ID, escrowed: [{ investorId: INVESTORS.benA, units: '50000' }], bridgePools: [] });
  t.regex(error.sentence, /must be bridged home/);
  t.is((await proposalOf(worldState, 'L-R')).status, 'PENDING', 'the proposal waits');

  // The burn on the EVM side released the escrow back to ben.
  rewriteRecord(worldState, HOLDING_KEY_TYPE, [ASSET_ID, INVESTORS.benA], (holding) => ({ ...holding, balance: '300000', escrowed: '0', lots: [{ amount: '300000', acquiredAt: unixSeconds(T0) }] }));
  await approve(worldState, BENCH.officerB, 'L-R');
  t.is((await assetOf(worldState)).state, 'REDEEMED');
});

test('a redemption is refused while the bridge holds units of the asset in suspense, released home but credited to nobody', async (t) => {
  const worldState = await ledgerForLegal();
  const pool = { assetId: ASSET_ID, chainId: '31337', escrowed: '0', suspense: '500' };
  worldState.set(tx(BENCH.regulator, worldState).ctx.stub.createCompositeKey('bridge~escrow', [ASSET_ID, '31337']), Buffer.from(JSON.stringify(pool), 'utf8'));
  await propose(worldState, legalAction('L-R', 'redeem'));
  await approve(worldState, BENCH.officerA, 'L-R');
  const error = await refused(t, worldState, BENCH.officerB, 'REDEMPTION_UNITS_IN_ESCROW', (ctx) => contract.ApproveLegalAction(ctx, 'L-R', ''));
  t.deepEqual(error.details, { assetId: ASSET_ID, escrowed: [], bridgePools: [{ chainId: '31337', escrowed: '0', suspense: '500' }] });
});

test('a cured asset can be redeemed; one in REMEDIATION must be cured first', async (t) => {
  const remediation = await ledgerInLegalState('REMEDIATION');
  const error = await refused(t, remediation, BENCH.spvAdmin, 'ASSET_TRANSITION_ILLEGAL', (ctx) => contract.ProposeLegalAction(ctx, json(legalAction('L-R', 'redeem'))));
  t.is(error.sentence, 'The asset is REMEDIATION; redeem needs it in TOKENIZED or CURED.');

  const cured = await ledgerInLegalState('CURED');
  await decide(cured, legalAction('L-R', 'redeem'), { at: daysAfterT0(30) });
  const history = await legalHistoryOf(cured);
  t.deepEqual(history.transitions.map((transition) => transition.to), ['REMEDIATION', 'CURED', 'REDEEMED']);
  t.is(history.transitions[2]?.redemption?.unitsRetired, '1000000');
});

test('nothing follows a redemption', async (t) => {
  const worldState = await ledgerInLegalState('REDEEMED');
  for (const action of ['start-remediation', 'redeem']) {
    await refused(t, worldState, BENCH.spvAdmin, 'ASSET_TRANSITION_ILLEGAL', (ctx) => contract.ProposeLegalAction(ctx, json(legalAction('L-X', action))));
  }
});
