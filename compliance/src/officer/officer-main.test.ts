import test from 'ava';
import path from 'node:path';
import { runTsxChild } from '../testing/run-tsx-child';

// The officer entry point answers help and usage errors itself: the Fabric client it loads for the
// commands brings a configuration library that would print its own two-line help and exit 0.

const MAIN = path.join(__dirname, 'main.ts');

for (const args of [['--help'], ['-h'], ['serve', '--help'], ['add-account', '-h']]) {
  test(`officer ${args.join(' ')} prints the officer's usage and exits 0`, async (t) => {
    const { code, output } = await runTsxChild(MAIN, args);
    t.is(code, 0);
    for (const command of ['officer serve', 'officer add-account', 'officer seal-evidence']) t.true(output.includes(command), command);
    t.false(output.includes('Show version number'), "not the configuration library's help");
  });
}

test('an unknown command, or none, is a usage error (exit 2) naming the commands', async (t) => {
  const unknown = await runTsxChild(MAIN, ['serv']);
  t.is(unknown.code, 2);
  t.true(unknown.output.includes("unknown command 'serv'"));
  t.true(unknown.output.includes('officer serve'));
  const none = await runTsxChild(MAIN, []);
  t.is(none.code, 2);
  t.true(none.output.includes('officer add-account'));
});

test('a command with missing options still fails with its own sentence (exit 1)', async (t) => {
  const { code, output } = await runTsxChild(MAIN, ['add-account', '--username', 'a1']);
  t.is(code, 1);
  t.true(output.includes('--username, --role and --msp are required'));
});
