import type { TestIdentity } from '../testing/stub-context';
import {
  BANK_A_ADMIN,
  BANK_A_ALICE,
  BANK_A_BOB,
  BANK_A_MALLORY,
  BANK_B_ADMIN,
  BANK_B_CAROL,
  BANK_C_ADMIN,
  BANK_C_ERIN,
  REGULATOR_ADMIN,
  REGULATOR_RITA,
} from '../testing/test-identities';

/**
 * Everyone a case may be submitted as: the cast and desk of the stories (officers, operators, SPV
 * admins, appraisers, the regulator), and, less often so that more cases get past the role check,
 * identities without a role in the story: BankC's and the Regulator's org admins and Mallory, a
 * BankA member whose common name reads "OU=admin".
 */
export const FUZZ_IDENTITIES: ReadonlyArray<{ readonly identity: TestIdentity; readonly weight: number }> = [
  { identity: BANK_A_ADMIN, weight: 3 },
  { identity: BANK_A_ALICE, weight: 3 },
  { identity: BANK_A_BOB, weight: 3 },
  { identity: BANK_B_ADMIN, weight: 3 },
  { identity: BANK_B_CAROL, weight: 3 },
  { identity: BANK_C_ERIN, weight: 3 },
  { identity: REGULATOR_RITA, weight: 3 },
  { identity: BANK_A_MALLORY, weight: 1 },
  { identity: BANK_C_ADMIN, weight: 1 },
  { identity: REGULATOR_ADMIN, weight: 1 },
];
