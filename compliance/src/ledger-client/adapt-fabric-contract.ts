import type { Contract } from 'fabric-network';
import type { LedgerContract, LedgerTransaction } from './ledger-contract';

// Type-only import: loading fabric-network has side effects (its configuration reads the process's
// command line), so whoever adapts a contract has already loaded it on purpose.

/** Wraps a fabric-network `Contract` as the `LedgerContract` the services and the CLI call. */
export function adaptFabricContract(contract: Contract): LedgerContract {
  return {
    submitTransaction: (name, ...args) => contract.submitTransaction(name, ...args),
    evaluateTransaction: (name, ...args) => contract.evaluateTransaction(name, ...args),
    createTransaction: (name) => {
      const transaction = contract.createTransaction(name);
      const adapted: LedgerTransaction = {
        setTransient: (map) => {
          transaction.setTransient(Object.fromEntries(Object.entries(map).map(([key, value]) => [key, Buffer.from(value)])));
          return adapted;
        },
        submit: (...args) => transaction.submit(...args),
        evaluate: (...args) => transaction.evaluate(...args),
      };
      return adapted;
    },
  };
}
