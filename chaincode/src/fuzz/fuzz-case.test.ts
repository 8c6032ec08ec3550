import '../testing/quiet-fabric-logs';
import test from 'ava';
import { Context, Contract, Transaction } from 'fabric-contract-api';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { castLedger, T0 } from '../testing/ledger-cast';
import { snapshotLedger } from '../testing/stub-context';
import { BANK_A_ALICE } from '../testing/test-identities';
import { transactionsOf, type ContractTransaction } from './contract-transactions';
import { runFuzzCase, type FuzzInput } from './fuzz-case';
import type { FuzzWorld } from './fuzz-world';

// The harness must fail on what invariant 5 forbids, or the fuzz tests prove nothing.

async function smallWorld(): Promise<FuzzWorld> {
  const ledger = await castLedger();
  return { chapters: [{ name: 'cast', ledger, baseline: snapshotLedger(ledger), weight: 1 }], unusedBindingSignature: '0x', signedRequest: {}, mintSignature: '0x' };
}

const INPUT: FuzzInput = { chapter: 0, identity: BANK_A_ALICE, at: T0, args: ['x'], transient: undefined };

function fake(invoke: (ctx: Context) => Promise<unknown>): Pick<ContractTransaction, 'contract' | 'name' | 'invoke'> {
  return { contract: 'FakeContract', name: 'Do', invoke };
}

const refuse = () => new TrestleError('ARGUMENT_EMPTY', 'Nothing to do.');

test('a transaction that resolves, or refuses with a TrestleError and writes nothing, passes', async (t) => {
  const world = await smallWorld();
  t.deepEqual(await runFuzzCase(world, fake(async () => 'ok'), INPUT, 'tx-1'), { kind: 'resolved' });
  t.deepEqual(await runFuzzCase(world, fake(async () => Promise.reject(refuse())), INPUT, 'tx-2'), { kind: 'refused', code: 'ARGUMENT_EMPTY' });
});

test('a crash with any other error fails the case', async (t) => {
  const world = await smallWorld();
  const crash = fake(async () => {
    throw new TypeError("Cannot read properties of undefined (reading 'x')");
  });
  await t.throwsAsync(runFuzzCase(world, crash, INPUT, 'tx-1'), { message: /crashed instead of refusing: TypeError/ });
});

test('a refusal after a write to the world state, to private data or after an event fails the case', async (t) => {
  const world = await smallWorld();
  const writes: Array<[string, (ctx: Context) => Promise<void> | void]> = [
    ['state', (ctx) => ctx.stub.putState('k', Buffer.from('v'))],
    ['private data', (ctx) => ctx.stub.putPrivateData('_implicit_org_BankAMSP', 'k', Buffer.from('v'))],
  ];
  for (const [what, write] of writes) {
    const partial = fake(async (ctx) => {
      await write(ctx);
      throw refuse();
    });
    await t.throwsAsync(runFuzzCase(world, partial, INPUT, 'tx-1'), { message: /refused with ARGUMENT_EMPTY but wrote to the ledger/ }, what);
  }
  const evented = fake(async (ctx) => {
    ctx.stub.setEvent('Done', Buffer.from('{}'));
    throw refuse();
  });
  await t.throwsAsync(runFuzzCase(world, evented, INPUT, 'tx-2'), { message: /but set 1 event/ });
  t.deepEqual(snapshotLedger(world.chapters[0]!.ledger), world.chapters[0]!.baseline, 'cases run on a copy');
});

test('a transaction that never settles fails the case as a hang', async (t) => {
  const world = await smallWorld();
  await t.throwsAsync(runFuzzCase(world, fake(() => new Promise(() => undefined)), INPUT, 'tx-1', 50), { message: /hung: did not settle within 50 ms/ });
});

class SampleContract extends Contract {
  constructor() {
    super('SampleContract');
  }

  @Transaction()
  async Write(_ctx: Context, assetId: string, amountJson: string): Promise<string> {
    return `${assetId}:${amountJson}`;
  }

  @Transaction(false)
  async Read(_ctx: Context): Promise<string> {
    return 'read';
  }

  async Helper(_ctx: Context, value: string): Promise<string> {
    return value;
  }
}

test('the transactions are the decorated methods, with their kind and parameter names, and invoke the method', async (t) => {
  const found = transactionsOf([SampleContract]);
  t.deepEqual(
    found.map(({ contract, name, kind, parameters }) => ({ contract, name, kind, parameters })),
    [
      { contract: 'SampleContract', name: 'Write', kind: 'submit', parameters: ['assetId', 'amountJson'] },
      { contract: 'SampleContract', name: 'Read', kind: 'evaluate', parameters: [] },
    ],
  );
  t.is(await found[0]!.invoke(new Context(), ['ZOB', '{}']), 'ZOB:{}');
});
