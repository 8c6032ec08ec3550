#!/usr/bin/env node
import { Command, InvalidArgumentError } from 'commander';
import { isTrestleError } from '../../errors/trestle-error';
import { runKeyCeremony } from './key-ceremony';

// `npm run vault -- keygen`: the consortium's evidence-vault key ceremony, in a process of its own
// that ends right after (JavaScript cannot wipe the secret from memory; a short life is the remedy).

function wholeNumber(value: string): number {
  const number = Number(value);
  if (!Number.isSafeInteger(number) || number < 1) throw new InvalidArgumentError('a whole number of at least 1');
  return number;
}

const program = new Command('vault').description("the evidence vault's key ceremony").showHelpAfterError();
program
  .command('keygen')
  .description('make the consortium key t-of-n: one share file per bank share service (mode 0600) and the public key file officer services seal with')
  .requiredOption('--threshold <t>', 'shares needed to open a file (at least 2)', wholeNumber)
  .requiredOption('--shares <n>', 'shares to make, one per bank share service', wholeNumber)
  .requiredOption('--out <dir>', 'an empty folder for the files (created mode 0700)')
  .action(async (options: { threshold: number; shares: number; out: string }) => {
    try {
      const result = await runKeyCeremony({ threshold: options.threshold, shareCount: options.shares }, options.out);
      console.log(`consortium vault key ${options.threshold} of ${options.shares}: ${result.publicKey}`);
      console.log(`public key file  ${result.publicKeyFile} (give it to every officer service: OFFICER_VAULT_PUBLIC_KEY_FILE)`);
      for (const [index, file] of result.shareFiles.entries()) console.log(`share ${index + 1}          ${file} (to one bank's share service: VAULT_SHARE_KEY_FILE; then delete it here)`);
    } catch (error) {
      if (!isTrestleError(error)) throw error;
      console.error(`error: [${error.code}] ${error.sentence}`);
      process.exitCode = 2;
    }
  });
program.parseAsync().catch((error: unknown) => {
  console.error(error instanceof Error ? `error: ${error.message}` : error);
  process.exit(1);
});
