import type { Contract } from 'fabric-contract-api';
import { contracts } from '@trestle/chaincode/src/index';
import { InProcessContract } from '@trestle/chaincode/src/testing/in-process-contract';
import type { TestIdentity, WorldState } from '@trestle/chaincode/src/testing/stub-context';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import type { ChaincodeContractName, OpenLedgerSession } from '../ledger-session';

/**
 * UNIT-TEST STUB, never for production: stands in for `fabricLedgerSessions`. A session as
 * `org/user` runs the real chaincode contracts in process on the stubbed context
 * (`@trestle/chaincode/src/testing/in-process-contract`) as the test identity `wallet` gives that
 * label, at `now()`. No peer, endorsement, MVCC or private-data dissemination is involved.
 */
export function inProcessSessions(worldState: WorldState, wallet: Readonly<Record<string, TestIdentity>>, now: () => Date): OpenLedgerSession {
  const byName = new Map<string, Contract>(contracts.map((Type) => {
    const contract = new Type();
    return [contract.getName(), contract];
  }));
  return async (identity) => {
    const testIdentity = wallet[identity.label];
    if (testIdentity === undefined) throw new TrestleError('CLI_IDENTITY_UNKNOWN', `No identity labelled ${identity.user} in ${identity.org}'s test wallet.`, { details: { argument: 'as' } });
    return {
      contract: (name: ChaincodeContractName) => {
        const contract = byName.get(name);
        if (contract === undefined) throw new Error(`the chaincode has no contract ${name}`);
        return new InProcessContract(contract, worldState, testIdentity, now);
      },
      close: async () => {},
    };
  };
}
