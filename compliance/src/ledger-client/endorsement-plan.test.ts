import test from 'ava';
import { endorsementCandidates, isUnreachableEndorserError } from './endorsement-plan';
import { peerOrgsOf } from './open-fabric-gateway';

const BANKS = ['BankAMSP', 'BankBMSP', 'BankCMSP'];

test('a bank identity is endorsed by its own bank with each other bank in turn', (t) => {
  t.deepEqual(endorsementCandidates('BankBMSP', BANKS), [
    ['BankBMSP', 'BankAMSP'],
    ['BankBMSP', 'BankCMSP'],
  ]);
});

test('an identity of an org without peers (the regulator) is endorsed by every bank, then by each pair when one cannot be reached', (t) => {
  t.deepEqual(endorsementCandidates('RegulatorMSP', BANKS), [
    ['BankAMSP', 'BankBMSP', 'BankCMSP'],
    ['BankAMSP', 'BankBMSP'],
    ['BankAMSP', 'BankCMSP'],
    ['BankBMSP', 'BankCMSP'],
  ]);
});

test("a bank identity's StageInvestorPii and DiscardStagedInvestorPii are endorsed by its own bank alone, every other transaction by two banks; the regulator's plan does not change", (t) => {
  t.deepEqual(endorsementCandidates('BankBMSP', BANKS, 'StageInvestorPii'), [['BankBMSP']]);
  t.deepEqual(endorsementCandidates('BankCMSP', BANKS, 'DiscardStagedInvestorPii'), [['BankCMSP']]);
  for (const transaction of ['OnboardInvestor', 'UpdateInvestor', 'AdoptInvestor', 'RequestTransfer']) {
    t.deepEqual(endorsementCandidates('BankBMSP', BANKS, transaction), endorsementCandidates('BankBMSP', BANKS), transaction);
  }
  t.deepEqual(endorsementCandidates('RegulatorMSP', BANKS, 'StageInvestorPii'), endorsementCandidates('RegulatorMSP', BANKS));
});

test("travel-rule data goes to the caller's bank and the receiving investor's bank only, with no other bank to fall back on", (t) => {
  t.deepEqual(endorsementCandidates('BankAMSP', BANKS, 'RequestTransfer', { travelRule: true, receiverBankMsp: 'BankBMSP' }), [['BankAMSP', 'BankBMSP']]);
  // List order would have put BankB (a bystander here) first.
  t.deepEqual(endorsementCandidates('BankAMSP', BANKS, 'RequestTransfer', { travelRule: true, receiverBankMsp: 'BankCMSP' }), [['BankAMSP', 'BankCMSP']]);
  t.deepEqual(endorsementCandidates('BankBMSP', BANKS, 'RequestTransfer', { travelRule: true, receiverBankMsp: 'BankAMSP' }), [['BankBMSP', 'BankAMSP']]);
  // A receiving bank that runs no peer in the profile is still the only one: the submit fails rather than pick another.
  t.deepEqual(endorsementCandidates('BankAMSP', BANKS, 'RequestTransfer', { travelRule: true, receiverBankMsp: 'BankDMSP' }), [['BankAMSP', 'BankDMSP']]);
});

test('without travel-rule data the receiving bank changes nothing: the usual plan, with its fallback', (t) => {
  t.deepEqual(endorsementCandidates('BankAMSP', BANKS, 'RequestTransfer', { receiverBankMsp: 'BankCMSP' }), endorsementCandidates('BankAMSP', BANKS));
  t.deepEqual(endorsementCandidates('BankAMSP', BANKS, 'RequestTransfer', { travelRule: false, receiverBankMsp: 'BankCMSP' }), endorsementCandidates('BankAMSP', BANKS));
});

test("a receiver at the caller's own bank leaves the usual two-bank plan, travel-rule data or not (a second bank is unavoidable); the regulator's plan never changes", (t) => {
  t.deepEqual(endorsementCandidates('BankAMSP', BANKS, 'RequestTransfer', { travelRule: true, receiverBankMsp: 'BankAMSP' }), endorsementCandidates('BankAMSP', BANKS));
  t.deepEqual(endorsementCandidates('BankAMSP', BANKS, 'RequestTransfer', { travelRule: true }), endorsementCandidates('BankAMSP', BANKS));
  t.deepEqual(endorsementCandidates('RegulatorMSP', BANKS, 'RequestTransfer', { travelRule: true, receiverBankMsp: 'BankBMSP' }), endorsementCandidates('RegulatorMSP', BANKS));
  t.deepEqual(endorsementCandidates('BankAMSP', BANKS, 'StageInvestorPii', { travelRule: true, receiverBankMsp: 'BankBMSP' }), [['BankAMSP']]);
});

test('a profile listing no bank peers leaves the choice to discovery', (t) => {
  t.is(endorsementCandidates('RegulatorMSP', []), undefined);
});

test('only an unreachable endorser lets the next candidates be tried; chaincode refusals and commit failures are final', (t) => {
  t.true(isUnreachableEndorserError(new Error('No valid responses from any peers. Errors:\n    peer=127.0.0.1:28110, status=grpc, message=Peer endorsements do not match: 14 UNAVAILABLE: failed to connect')));
  t.true(isUnreachableEndorserError(new Error('No endorsement plan available')));
  t.true(isUnreachableEndorserError(new Error('No valid responses from any peers. Errors:\n    peer=undefined, status=grpc, message=Endorsement has failed')));
  t.true(isUnreachableEndorserError(new Error('The discovery service did not find any peers active for BankBMSP organizations')));
  t.false(isUnreachableEndorserError(new Error('No valid responses from any peers. Errors: peer=127.0.0.1:28100, status=500, message=[CALLER_LACKS_ROLE] needs a role; deadline')));
  t.false(isUnreachableEndorserError(new Error('Commit of transaction abc failed on peer 127.0.0.1:28100 with status ENDORSEMENT_POLICY_FAILURE')));
  t.false(isUnreachableEndorserError('failed to connect'));
});

test('the peer organisations of a connection profile are those that list peers, sorted', (t) => {
  const profile = {
    organizations: {
      Regulator: { mspid: 'RegulatorMSP', peers: [] },
      BankB: { mspid: 'BankBMSP', peers: ['peer0.bankb'] },
      BankA: { mspid: 'BankAMSP', peers: ['peer0.banka'] },
      Broken: { peers: ['x'] },
    },
  };
  t.deepEqual(peerOrgsOf(profile), ['BankAMSP', 'BankBMSP']);
  t.deepEqual(peerOrgsOf({}), []);
});
