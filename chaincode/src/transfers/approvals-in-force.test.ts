import '../testing/quiet-fabric-logs';
import test from 'ava';
import { ConsortiumContract } from '../consortium/consortium-contract';
import { InvestorContract } from '../investors/investor-contract';
import { RoleContract } from '../roles/role-contract';
import { approveBridgeOut, bridgeOutOf, bridgeOutRequest, ledgerForBridge, requestBridgeOut, WALLETS } from '../testing/bridge-story';
import { CAST, tx } from '../testing/ledger-cast';
import { investorDocument, json } from '../testing/ledger-documents';
import { INVESTORS } from '../testing/ledger-story';
import { stagePii } from '../testing/staged-pii';
import { identityIdOf } from '../testing/stub-context';
import { BANK_A_ADMIN, BANK_C_ADMIN, BANK_C_ERIN, REGULATOR_ADMIN } from '../testing/test-identities';
import { DESK } from '../testing/transfer-story';

// An approval given by an officer of a bank that has since left the consortium stays on the record
// but no longer counts toward the four-eyes rule, as the bank's legal votes and signatures do not.

const WITHOUT_B = JSON.stringify({ banks: ['BankAMSP', 'BankCMSP'], regulators: ['RegulatorMSP'] });

test("a four-eyes bridge-out rerouted to the adopting bank needs two of its own officers: the leaving bank's approval no longer counts", async (t) => {
  const worldState = await ledgerForBridge();
  // 60,000 units: above the policy's four-eyes threshold (50,000), so two distinct officers of chloe's bank.
  await requestBridgeOut(worldState, bridgeOutRequest('B-4EYES', 60_000n, { investorId: INVESTORS.chloeB, wallet: WALLETS.chloe.address }), DESK.officerB);
  await approveBridgeOut(worldState, DESK.secondOfficerB, 'B-4EYES');
  t.like(await bridgeOutOf(worldState, 'B-4EYES'), { status: 'PENDING', approvals: [{ officerMsp: 'BankBMSP' }] });

  // BankB leaves; BankC's officers adopt chloe, with the regulator's approval.
  for (const officer of [BANK_C_ERIN, BANK_C_ADMIN]) await new RoleContract().GrantRole(tx(BANK_C_ADMIN, worldState).ctx, identityIdOf(officer), 'compliance-officer');
  const consortium = new ConsortiumContract();
  await consortium.ProposeMembershipChange(tx(BANK_A_ADMIN, worldState).ctx, WITHOUT_B);
  for (const admin of [BANK_C_ADMIN, REGULATOR_ADMIN]) await consortium.ConfirmMembershipChange(tx(admin, worldState).ctx, WITHOUT_B);
  const investors = new InvestorContract();
  const piiHash = await stagePii(BANK_C_ERIN, worldState, INVESTORS.chloeB);
  await investors.AdoptInvestor(tx(BANK_C_ERIN, worldState).ctx, json(investorDocument(INVESTORS.chloeB, { jurisdiction: 'LI', investorType: 'qualified-institutional' })), piiHash, 'BankB left; KYC redone');
  await investors.ApproveAdoption(tx(CAST.regulator, worldState).ctx, INVESTORS.chloeB, "Transfer of BankB's customers agreed");
  t.like(await bridgeOutOf(worldState, 'B-4EYES'), { status: 'PENDING', bankMsp: 'BankCMSP' });

  await approveBridgeOut(worldState, BANK_C_ERIN, 'B-4EYES');
  const one = await bridgeOutOf(worldState, 'B-4EYES');
  t.is(one.status, 'PENDING', "BankB's approval and one of BankC's are not two officers of banks in force");
  t.deepEqual(one.approvals.map((approval) => approval.officerMsp), ['BankBMSP', 'BankCMSP'], 'the record keeps every approval as history');
  await approveBridgeOut(worldState, BANK_C_ADMIN, 'B-4EYES');
  t.is((await bridgeOutOf(worldState, 'B-4EYES')).status, 'APPROVED');
});
