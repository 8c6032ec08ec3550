import { isTrestleError } from '../errors/trestle-error';
import { isOfficerCommand, OFFICER_USAGE } from './officer-usage';

// The entry point stays light: help and usage errors are answered before the commands load the
// Fabric client (whose configuration library would answer --help itself, with its own text).

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help' || rest.includes('--help') || rest.includes('-h')) {
    console.log(OFFICER_USAGE);
    return;
  }
  if (!isOfficerCommand(command)) {
    console.error(command === undefined ? OFFICER_USAGE : `[officer] unknown command '${command}'\n${OFFICER_USAGE}`);
    process.exit(2);
  }
  const { runOfficerCommand } = await import('./officer-commands.js');
  await runOfficerCommand(command, rest);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(isTrestleError(error) ? `[officer] ${error.message}` : `[officer] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
