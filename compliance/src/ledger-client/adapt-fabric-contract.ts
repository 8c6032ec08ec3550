import type { Contract, Transaction } from 'fabric-network';
import { isUnreachableEndorserError } from './endorsement-plan';
import type { LedgerContract, LedgerTransaction } from './ledger-contract';

// Type-only import: loading fabric-network has side effects (its configuration reads the process's
// command line), so whoever adapts a contract has already loaded it on purpose.

/**
 * Wraps a fabric-network `Contract` as the `LedgerContract` the services and the CLI call. With
 * `endorsers` (endorsement-plan.ts), each submit is endorsed by the first candidate set of
 * organisations that can be reached; without, service discovery chooses.
 */
export function adaptFabricContract(contract: Contract, endorsers?: readonly (readonly string[])[]): LedgerContract {
  const submitWith = async (name: string, configure: (transaction: Transaction) => void, args: string[]): Promise<Uint8Array> => {
    const candidates = endorsers ?? [undefined];
    for (const [index, orgs] of candidates.entries()) {
      const transaction = contract.createTransaction(name);
      configure(transaction);
      if (orgs !== undefined) transaction.setEndorsingOrganizations(...orgs);
      try {
        return await transaction.submit(...args);
      } catch (error) {
        if (index === candidates.length - 1 || !isUnreachableEndorserError(error)) throw error;
      }
    }
    throw new Error('unreachable: no endorser candidates');
  };
  return {
    submitTransaction: (name, ...args) => submitWith(name, () => {}, args),
    evaluateTransaction: (name, ...args) => contract.evaluateTransaction(name, ...args),
    createTransaction: (name) => {
      let transient: Record<string, Buffer> = {};
      const adapted: LedgerTransaction = {
        setTransient: (map) => {
          transient = Object.fromEntries(Object.entries(map).map(([key, value]) => [key, Buffer.from(value)]));
          return adapted;
        },
        submit: (...args) => submitWith(name, (transaction) => transaction.setTransient(transient), args),
        evaluate: (...args) => contract.createTransaction(name).setTransient(transient).evaluate(...args),
      };
      return adapted;
    },
  };
}
