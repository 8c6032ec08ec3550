import '../testing/quiet-fabric-logs';
import test from 'ava';
import fc from 'fast-check';
import type { TrestleErrorCode } from '@trestle/compliance/src/errors/error-code';
import type { Asset } from '@trestle/compliance/src/ledger/asset';
import type { PolicyChangeProposal } from '@trestle/compliance/src/ledger/policy-change-proposal';
import { policyHash } from '@trestle/compliance/src/policy/policy-hash';
import { parsePolicy } from '@trestle/compliance/src/policy/parse-policy';
import { auditTrailOf } from '../testing/audit-trail';
import { CAST, tx } from '../testing/ledger-cast';
import { ASSET_ID, json, policyChange } from '../testing/ledger-documents';
import { ledgerAt } from '../testing/ledger-story';
import { documentText, mostly, submitCleanly, succeedsOrRefusesCleanly } from '../testing/malformed-input';
import { refused } from '../testing/refusal';
import { copyLedger, identityIdOf, type TestIdentity, type WorldState } from '../testing/stub-context';
import { BANK_A_MALLORY } from '../testing/test-identities';
import { AFTER_LOCKUP, approve, DESK, ledgerForTransfers, request, transferOf, transferRequest } from '../testing/transfer-story';
import { AssetContract } from './asset-contract';

// Policy changes on the stubbed context (an in-memory chaincode context, not a Fabric network):
// one bank's officer proposes, another bank's officer puts it in force.

const assets = new AssetContract();
const at = { at: AFTER_LOCKUP };

async function propose(worldState: WorldState, officer: TestIdentity, document: Record<string, unknown>): Promise<void> {
  await assets.ProposePolicyChange(tx(officer, worldState, at).ctx, ASSET_ID, json(document));
}

async function changesOf(worldState: WorldState): Promise<PolicyChangeProposal[]> {
  return JSON.parse(await assets.ListPolicyChanges(tx(DESK.regulator, worldState).ctx, ASSET_ID)) as PolicyChangeProposal[];
}

async function policyInForce(worldState: WorldState): Promise<{ version: number; policyHash: string; document: Record<string, unknown> }> {
  return JSON.parse(await assets.GetPolicy(tx(DESK.regulator, worldState).ctx, ASSET_ID)) as { version: number; policyHash: string; document: Record<string, unknown> };
}

test('a BankA officer proposes, a BankB officer approves: the new version is in force, listed, audited, and a pending transfer is judged by it at settlement', async (t) => {
  const worldState = await ledgerForTransfers();
  await request(worldState, transferRequest('T-1', 5_000n));
  t.is((await transferOf(worldState, 'T-1')).policyVersion, 1);

  const raised = policyChange(2, { minTransfer: '10000' });
  await propose(worldState, DESK.officerA, raised);
  const [proposed] = await changesOf(worldState);
  t.like(proposed, { assetId: ASSET_ID, seq: 1, version: 2, fromVersion: 1, status: 'PROPOSED', proposedByMsp: 'BankAMSP', proposedBy: identityIdOf(DESK.officerA), decision: null });
  t.deepEqual(proposed?.changedFields, ['minTransfer']);
  t.is(proposed?.policyHash, policyHash(parsePolicy(raised)));
  t.is((await policyInForce(worldState)).version, 1, 'a proposal alone changes nothing');

  await assets.ApprovePolicyChange(tx(DESK.officerB, worldState, at).ctx, ASSET_ID, '2', 'Raised after the board resolution of 2026-05-30');
  const inForce = await policyInForce(worldState);
  t.is(inForce.version, 2);
  t.is(inForce.policyHash, proposed?.policyHash ?? 'missing');
  t.is(inForce.document.minTransfer, '10000');
  const asset = JSON.parse(await assets.GetAsset(tx(DESK.regulator, worldState).ctx, ASSET_ID)) as Asset;
  t.like(asset.tokenization, { policyVersion: 2, policyHash: proposed?.policyHash });
  const [approved] = await changesOf(worldState);
  t.like(approved, { status: 'APPROVED', decision: { byMsp: 'BankBMSP', by: identityIdOf(DESK.officerB), reason: 'Raised after the board resolution of 2026-05-30' } });

  const audit = (await auditTrailOf(worldState)).filter((record) => record.action.startsWith('policy-'));
  t.deepEqual(audit.map((record) => [record.action, record.actorMsp, record.policyVersion, record.documentHash]), [
    ['policy-change-proposed', 'BankAMSP', 1, proposed?.policyHash],
    ['policy-changed', 'BankBMSP', 2, proposed?.policyHash],
  ]);
  const changed = audit[1];
  for (const fact of [identityIdOf(DESK.officerA), 'BankAMSP', 'version 1', 'version 2', proposed?.fromPolicyHash ?? '?']) t.true(changed?.reason?.includes(fact), `the policy-changed audit names ${fact}`);

  // Requested under version 1 (5000 >= 100), settled under version 2 (5000 < 10000).
  await approve(worldState, DESK.officerA, 'T-1');
  await approve(worldState, DESK.officerB, 'T-1');
  const transfer = await transferOf(worldState, 'T-1');
  t.is(transfer.status, 'FAILED_AT_SETTLEMENT');
  t.is(transfer.policyVersion, 2);
  t.deepEqual(transfer.settlementVerdicts?.filter((verdict) => !verdict.passed).map((verdict) => verdict.rule), ['min-transfer']);
});

test('a policy change never takes effect through one bank: the proposer and colleagues of their bank cannot approve it', async (t) => {
  const worldState = await ledgerForTransfers();
  await propose(worldState, DESK.requesterA, policyChange(2, { lockupSeconds: 0 }));
  for (const officer of [DESK.requesterA, DESK.officerA, DESK.secondOfficerA]) {
    await refused(t, worldState, officer, 'POLICY_CHANGE_SAME_BANK', (ctx) => assets.ApprovePolicyChange(ctx, ASSET_ID, '2', ''), at);
  }
  // A colleague cannot reject it for the bank either; the proposer may withdraw it.
  await refused(t, worldState, DESK.officerA, 'POLICY_CHANGE_SAME_BANK', (ctx) => assets.RejectPolicyChange(ctx, ASSET_ID, '2', 'Not agreed'), at);
  await assets.RejectPolicyChange(tx(DESK.requesterA, worldState, at).ctx, ASSET_ID, '2', 'Proposed in error');
  const [withdrawn] = await changesOf(worldState);
  t.like(withdrawn, { status: 'REJECTED', decision: { byMsp: 'BankAMSP', reason: 'Proposed in error' } });
  t.is((await policyInForce(worldState)).version, 1);
  const audit = (await auditTrailOf(worldState)).filter((record) => record.action === 'policy-change-rejected');
  t.is(audit.length, 1);
  t.true(audit[0]?.reason?.startsWith('Withdrawn by its proposer'));
});

test('an officer of another bank rejects a proposal; the version may be proposed again and approved, and the list is newest first', async (t) => {
  const worldState = await ledgerForTransfers();
  await propose(worldState, DESK.officerA, policyChange(2, { maxHolders: 50 }));
  await refused(t, worldState, DESK.officerB, 'ARGUMENT_EMPTY', (ctx) => assets.RejectPolicyChange(ctx, ASSET_ID, '2', ''), at);
  await assets.RejectPolicyChange(tx(DESK.officerB, worldState, at).ctx, ASSET_ID, '2', 'Holder cap too low for the offering');
  await refused(t, worldState, DESK.officerB, 'POLICY_CHANGE_STATE_CONFLICT', (ctx) => assets.ApprovePolicyChange(ctx, ASSET_ID, '2', ''), at);
  await refused(t, worldState, DESK.officerB, 'POLICY_CHANGE_STATE_CONFLICT', (ctx) => assets.RejectPolicyChange(ctx, ASSET_ID, '2', 'Again'), at);
  await propose(worldState, DESK.officerA, policyChange(2, { maxHolders: 80 }));
  await assets.ApprovePolicyChange(tx(DESK.secondOfficerB, worldState, at).ctx, ASSET_ID, '2', '');
  const changes = await changesOf(worldState);
  t.deepEqual(changes.map((change) => [change.seq, change.version, change.status, change.document.maxHolders]), [
    [2, 2, 'APPROVED', 80],
    [1, 2, 'REJECTED', 50],
  ]);
  t.is((await policyInForce(worldState)).document.maxHolders, 80);
  // The next change builds on version 2.
  await refused(t, worldState, DESK.officerB, 'POLICY_INVALID', (ctx) => assets.ProposePolicyChange(ctx, ASSET_ID, json(policyChange(2, { maxHolders: 90 }))), at);
  await propose(worldState, DESK.officerB, policyChange(3, { maxHolders: 90 }));
  t.like((await changesOf(worldState))[0], { seq: 3, version: 3, fromVersion: 2, proposedByMsp: 'BankBMSP' });
});

test('one proposal is open at a time: a second one is refused naming the open one', async (t) => {
  const worldState = await ledgerForTransfers();
  await propose(worldState, DESK.officerA, policyChange(2, { minTransfer: '200' }));
  const error = await refused(t, worldState, DESK.officerB, 'POLICY_CHANGE_OPEN', (ctx) => assets.ProposePolicyChange(ctx, ASSET_ID, json(policyChange(2, { minTransfer: '300' }))), at);
  t.like(error.details, { version: 2, seq: 1, proposedByMsp: 'BankAMSP' });
});

test('only compliance officers propose and decide; anyone with a role reads the list', async (t) => {
  const worldState = await ledgerForTransfers();
  for (const caller of [DESK.regulator, BANK_A_MALLORY, CAST.appraiser]) {
    await refused(t, worldState, caller, 'CALLER_LACKS_ROLE', (ctx) => assets.ProposePolicyChange(ctx, ASSET_ID, json(policyChange(2, { lockupSeconds: 0 }))), at);
  }
  await propose(worldState, DESK.officerA, policyChange(2, { lockupSeconds: 0 }));
  for (const caller of [DESK.regulator, BANK_A_MALLORY, CAST.appraiser]) {
    await refused(t, worldState, caller, 'CALLER_LACKS_ROLE', (ctx) => assets.ApprovePolicyChange(ctx, ASSET_ID, '2', ''), at);
    await refused(t, worldState, caller, 'CALLER_LACKS_ROLE', (ctx) => assets.RejectPolicyChange(ctx, ASSET_ID, '2', 'No'), at);
  }
  await refused(t, worldState, BANK_A_MALLORY, 'CALLER_LACKS_ROLE', (ctx) => assets.ListPolicyChanges(ctx, ASSET_ID));
  t.is((await changesOf(worldState)).length, 1);
});

test('unknown assets and versions, and malformed version arguments, are refused with typed codes', async (t) => {
  const worldState = await ledgerForTransfers();
  await propose(worldState, DESK.officerA, policyChange(2, { lockupSeconds: 0 }));
  await refused(t, worldState, DESK.officerB, 'ASSET_NOT_FOUND', (ctx) => assets.ProposePolicyChange(ctx, 'NO-SUCH', json(policyChange(2, { assetId: 'NO-SUCH', lockupSeconds: 0 }))), at);
  await refused(t, worldState, DESK.officerB, 'ASSET_NOT_FOUND', (ctx) => assets.ApprovePolicyChange(ctx, 'NO-SUCH', '2', ''), at);
  await refused(t, worldState, DESK.officerB, 'ASSET_NOT_FOUND', (ctx) => assets.RejectPolicyChange(ctx, 'NO-SUCH', '2', 'No'), at);
  await refused(t, worldState, DESK.regulator, 'ASSET_NOT_FOUND', (ctx) => assets.ListPolicyChanges(ctx, 'NO-SUCH'));
  await refused(t, worldState, DESK.officerB, 'LEDGER_ID_MALFORMED', (ctx) => assets.ApprovePolicyChange(ctx, 'has space', '2', ''), at);
  const versions: Array<[TrestleErrorCode, string]> = [
    ['POLICY_CHANGE_NOT_FOUND', '3'],
    ['POLICY_CHANGE_NOT_FOUND', '1'],
    ['POLICY_CHANGE_NOT_FOUND', '0'],
    ['POLICY_CHANGE_NOT_FOUND', '02'],
    ['POLICY_CHANGE_NOT_FOUND', '2.0'],
    ['POLICY_CHANGE_NOT_FOUND', 'two'],
    ['POLICY_CHANGE_NOT_FOUND', ''],
  ];
  for (const [code, version] of versions) {
    await refused(t, worldState, DESK.officerB, code, (ctx) => assets.ApprovePolicyChange(ctx, ASSET_ID, version, ''), at);
    await refused(t, worldState, DESK.officerB, code, (ctx) => assets.RejectPolicyChange(ctx, ASSET_ID, version, 'No'), at);
  }
  await refused(t, worldState, DESK.officerB, 'REASON_INVALID', (ctx) => assets.ApprovePolicyChange(ctx, ASSET_ID, '2', 'line\nbreak'), at);
});

test('a malformed, foreign, mis-numbered or unchanged policy document is refused and writes nothing', async (t) => {
  const worldState = await ledgerForTransfers();
  for (const text of ['{"version":', '[]', 'null', '42', 'x'.repeat(70_000)]) {
    await refused(t, worldState, DESK.officerA, 'POLICY_INVALID', (ctx) => assets.ProposePolicyChange(ctx, ASSET_ID, text), at);
  }
  await refused(t, worldState, DESK.officerA, 'ARGUMENT_EMPTY', (ctx) => assets.ProposePolicyChange(ctx, ASSET_ID, ''), at);
  const invalid: Array<[Record<string, unknown>, string[]]> = [
    [policyChange(2, { minTransfer: 10_000 }), ['minTransfer']],
    [policyChange(2, { allowedJurisdictions: ['CH', 'IR'] }), ['blockedJurisdictions']],
    [policyChange(2, { unknownRule: true, defiEligible: 'yes' }), ['defiEligible', 'unknownRule']],
    [policyChange(3, { lockupSeconds: 0 }), ['version']],
    [policyChange(2, { assetId: 'OTHER', lockupSeconds: 0 }), ['assetId']],
  ];
  for (const [document, paths] of invalid) {
    const error = await refused(t, worldState, DESK.officerA, 'POLICY_INVALID', (ctx) => assets.ProposePolicyChange(ctx, ASSET_ID, json(document)), at);
    t.deepEqual((error.details?.problems as Array<{ path: string }>).map((problem) => problem.path).sort(), paths, json(document));
  }
  await refused(t, worldState, DESK.officerA, 'POLICY_CHANGE_UNCHANGED', (ctx) => assets.ProposePolicyChange(ctx, ASSET_ID, json(policyChange(1))), at);
  await refused(t, worldState, DESK.officerA, 'POLICY_CHANGE_UNCHANGED', (ctx) => assets.ProposePolicyChange(ctx, ASSET_ID, json(policyChange(2))), at);
  // Set-valued lists are sets: the same jurisdictions in another order change nothing.
  await refused(t, worldState, DESK.officerA, 'POLICY_CHANGE_UNCHANGED', (ctx) => assets.ProposePolicyChange(ctx, ASSET_ID, json(policyChange(2, { allowedJurisdictions: ['LI', 'DE', 'CH'] }))), at);
});

test('a policy change needs live units: refused before tokenization', async (t) => {
  const worldState = await ledgerAt('APPROVED');
  await refused(t, worldState, CAST.bankAOfficer, 'ASSET_NOT_TOKENIZED', (ctx) => assets.ProposePolicyChange(ctx, ASSET_ID, json(policyChange(2, { lockupSeconds: 0 }))));
});

test('ProposePolicyChange on any policy document either proposes with one event or refuses with a TrestleError, writing nothing', async (t) => {
  const base = await ledgerForTransfers();
  const amount = (valid: string) => mostly(fc.constantFrom(valid, '1', '100000'), fc.constantFrom('-1', '0.5', 7));
  const policyJson = documentText({
    schemaVersion: mostly(fc.constant(1), fc.constant(2)),
    assetId: mostly(fc.constant(ASSET_ID), fc.constantFrom('OTHER', '')),
    version: mostly(fc.constant(2), fc.constantFrom(1, 3, 0)),
    allowedJurisdictions: mostly(fc.subarray(['CH', 'DE', 'LI', 'AT'], { minLength: 1 }), fc.constant(['ch'])),
    blockedJurisdictions: mostly(fc.subarray(['IR', 'KP']), fc.constant(['CH'])),
    allowedInvestorTypes: mostly(fc.subarray(['accredited', 'professional', 'qualified-institutional'], { minLength: 1 }), fc.constant([])),
    lockupSeconds: mostly(fc.constantFrom(0, 7_776_000, 86_400), fc.constant(-1)),
    maxHolders: mostly(fc.integer({ min: 1, max: 200 }), fc.constant(0)),
    maxBalancePerHolder: amount('1000000'),
    minTransfer: amount('100'),
    fourEyesThreshold: amount('50000'),
    travelRuleThreshold: amount('10000'),
    defiEligible: mostly(fc.boolean(), fc.constant('yes')),
  });
  let proposed = 0;
  await fc.assert(
    fc.asyncProperty(policyJson, async (text) => {
      if (await succeedsOrRefusesCleanly(base, DESK.officerA, (ctx) => assets.ProposePolicyChange(ctx, ASSET_ID, text as string), at)) proposed += 1;
    }),
    { numRuns: 150 },
  );
  t.true(proposed > 3 && proposed < 147, `${proposed} of 150 runs proposed`);
});

test('no sequence of proposals, approvals and rejections by any officers puts a version in force without officers of two banks', async (t) => {
  const base = await ledgerForTransfers();
  const officers = [DESK.requesterA, DESK.officerA, DESK.secondOfficerA, DESK.officerB, DESK.secondOfficerB];
  let changedVersions = 0;
  // Versions 2 and 3 only, so that random sequences do reach approvals (a version further ahead is refused at once).
  const step = fc.record({ kind: fc.constantFrom('propose', 'approve', 'reject'), officer: fc.nat(officers.length - 1), version: fc.integer({ min: 2, max: 3 }), lockupDays: fc.integer({ min: 0, max: 3 }) });
  await fc.assert(
    fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
      const worldState = copyLedger(base);
      for (const { kind, officer, version, lockupDays } of steps) {
        const caller = officers[officer] as TestIdentity;
        // Each step succeeds with one event or is refused writing nothing, on the world itself.
        await submitCleanly(worldState, caller, (ctx) => {
          if (kind === 'propose') return assets.ProposePolicyChange(ctx, ASSET_ID, json(policyChange(version, { lockupSeconds: lockupDays * 86_400 + 1 })));
          if (kind === 'approve') return assets.ApprovePolicyChange(ctx, ASSET_ID, String(version), '');
          return assets.RejectPolicyChange(ctx, ASSET_ID, String(version), 'Not now');
        }, at);
      }
      const changes = await changesOf(worldState);
      const approved = changes.filter((change) => change.status === 'APPROVED');
      const inForce = await policyInForce(worldState);
      t.is(inForce.version, approved.length + 1);
      for (const change of approved) t.not(change.decision?.byMsp, change.proposedByMsp);
      t.true(changes.filter((change) => change.status === 'PROPOSED').length <= 1);
      changedVersions += approved.length;
    }),
    // A fixed seed: the count below must not depend on the run's luck (it once found none in 40 runs).
    { numRuns: 40, seed: 20260301 },
  );
  // The property means something only if some runs did put new versions in force.
  t.true(changedVersions > 0, `${changedVersions} versions put in force over 40 runs`);
});
