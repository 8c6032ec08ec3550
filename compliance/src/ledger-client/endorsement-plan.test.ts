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

test("a bank identity's StageInvestorPii is endorsed by its own bank alone, every other transaction by two banks; the regulator's plan does not change", (t) => {
  t.deepEqual(endorsementCandidates('BankBMSP', BANKS, 'StageInvestorPii'), [['BankBMSP']]);
  for (const transaction of ['OnboardInvestor', 'UpdateInvestor', 'AdoptInvestor', 'RequestTransfer']) {
    t.deepEqual(endorsementCandidates('BankBMSP', BANKS, transaction), endorsementCandidates('BankBMSP', BANKS), transaction);
  }
  t.deepEqual(endorsementCandidates('RegulatorMSP', BANKS, 'StageInvestorPii'), endorsementCandidates('RegulatorMSP', BANKS));
});

test('a profile listing no bank peers leaves the choice to discovery', (t) => {
  t.is(endorsementCandidates('RegulatorMSP', []), undefined);
});

test('only an unreachable endorser lets the next candidates be tried; chaincode refusals and commit failures are final', (t) => {
  t.true(isUnreachableEndorserError(new Error('No valid responses from any peers. Errors:\n    peer=127.0.0.1:28110, status=grpc, message=Peer endorsements do not match: 14 UNAVAILABLE: failed to connect')));
  t.true(isUnreachableEndorserError(new Error('No endorsement plan available')));
  t.true(isUnreachableEndorserError(new Error('No valid responses from any peers. Errors:\n    peer=undefined, status=grpc, message=Endorsement has failed')));
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
