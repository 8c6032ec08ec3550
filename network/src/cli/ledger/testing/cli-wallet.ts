import type { TestIdentity } from '@trestle/chaincode/src/testing/stub-context';
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
} from '@trestle/chaincode/src/testing/test-identities';

/**
 * The chaincode tests' people under the `--as` labels the CLI tests use. Their roles are whatever
 * the story world granted (chaincode/src/testing/ledger-cast.ts CAST, transfer-story.ts DESK).
 */
export const CLI_WALLET: Readonly<Record<string, TestIdentity>> = {
  'bankA/admin': BANK_A_ADMIN,
  'bankA/alice': BANK_A_ALICE,
  'bankA/bob': BANK_A_BOB,
  'bankA/mallory': BANK_A_MALLORY,
  'bankB/admin': BANK_B_ADMIN,
  'bankB/carol': BANK_B_CAROL,
  'bankC/admin': BANK_C_ADMIN,
  'bankC/erin': BANK_C_ERIN,
  'regulator/admin': REGULATOR_ADMIN,
  'regulator/rita': REGULATOR_RITA,
};
