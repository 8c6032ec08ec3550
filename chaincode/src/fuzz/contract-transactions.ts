import type { Context, Contract } from 'fabric-contract-api';

/** One transaction a client can invoke, found on a contract class. */
export type ContractTransaction = {
  readonly contract: string;
  readonly name: string;
  /** SUBMIT (may write) or EVALUATE (read-only), as the decorator tagged it. */
  readonly kind: 'submit' | 'evaluate';
  /** Parameter names after `ctx`, read from the method's source; `arg<i>` where that fails. */
  readonly parameters: readonly string[];
  /** Calls the transaction on a fresh contract instance, as fabric-shim's dispatcher would. */
  invoke(ctx: Context, args: readonly string[]): Promise<unknown>;
};

type ContractClass = new () => Contract;
type TransactionMetadata = { readonly name: string; readonly tag?: readonly string[] };
type Method = (ctx: Context, ...args: string[]) => Promise<unknown>;

// fabric-contract-api's @Transaction writes this key on the prototype; fabric-shim serves exactly
// the names listed there, so this is the list a client can reach. fabric-contract-api loads
// reflect-metadata itself (a contract class cannot be defined without it), so its global API is
// used rather than importing a package this workspace does not depend on.
const TRANSACTIONS_METADATA_KEY = 'fabric:transactions';
const reflectMetadata = Reflect as unknown as { getMetadata(key: string, target: object): unknown };

/**
 * Every transaction of every contract class, from the decorator metadata fabric-shim itself reads:
 * a contract added to the `contracts` array is picked up without a line changed here. A PascalCase
 * method without the decorator is not served by fabric-shim and is left out.
 */
export function transactionsOf(contracts: readonly ContractClass[]): ContractTransaction[] {
  return contracts.flatMap((contractClass) => {
    const instance = new contractClass();
    const metadata = (reflectMetadata.getMetadata(TRANSACTIONS_METADATA_KEY, contractClass.prototype) ?? []) as readonly TransactionMetadata[];
    return metadata.map((transaction): ContractTransaction => {
      const found: unknown = (contractClass.prototype as unknown as Record<string, unknown>)[transaction.name];
      if (typeof found !== 'function') throw new TypeError(`${contractClass.name}.${transaction.name} is listed as a transaction but is not a method`);
      const method = found as Method;
      const arity = Math.max(0, method.length - 1);
      return {
        contract: instance.getName(),
        name: transaction.name,
        kind: transaction.tag?.includes('EVALUATE') === true ? 'evaluate' : 'submit',
        parameters: parameterNames(method, arity),
        invoke: (ctx, args) => method.call(instance, ctx, ...args),
      };
    });
  });
}

// The names after `ctx` in `async Name(ctx, a, b) {`: compiled TypeScript keeps them, and they tell
// the fuzzer which story values fit (an `assetId`, an `amount`). Runtime metadata would carry them
// too, but only when tsc emits decorator metadata, which tsx (the test runner) does not.
function parameterNames(method: Method, arity: number): string[] {
  const list = /^[^(]*\(([^)]*)\)/.exec(method.toString())?.[1] ?? '';
  const names = list
    .split(',')
    .map((part) => part.replace(/[=:].*$/s, '').trim())
    .filter((name) => name !== '')
    .slice(1);
  return Array.from({ length: arity }, (_, index) => (/^[A-Za-z_$][\w$]*$/.test(names[index] ?? '') ? (names[index] as string) : `arg${index}`));
}
