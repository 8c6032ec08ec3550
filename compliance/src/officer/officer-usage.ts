import { EVIDENCE_KINDS } from '../ledger/evidence-file';

// The officer command's usage, apart from the commands themselves: printing it must not load the
// Fabric client, whose configuration library answers --help on its own and exits.

export const SEAL_EVIDENCE_USAGE = `officer seal-evidence --investor ID --file-id ID --kind ${EVIDENCE_KINDS.join('|')} --in PATH [--as USERNAME]
                                     seal a file in the vault and register its hash on the ledger as the officer
                                     (OFFICER_VAULT_PUBLIC_KEY_FILE; store OFFICER_VAULT_STORE_DIR or
                                     $TRESTLE_HOME/vault/<bank>/store; prints the content hash)`;

export const OFFICER_USAGE = `usage:
  officer serve                      start the service (configuration from the environment; see README.md)
  officer add-account --username U --role compliance-officer|regulator --msp MSPID
          [--wallet-label L] [--display-name "Name"] [--file accounts.json]
                                     add a login; the password is read from stdin (hidden on a terminal)
  ${SEAL_EVIDENCE_USAGE}
  officer --help                     this text`;

/** The commands officer knows; anything else is a usage error. */
export const OFFICER_COMMANDS = ['serve', 'add-account', 'seal-evidence'] as const;
export type OfficerCommand = (typeof OFFICER_COMMANDS)[number];

export function isOfficerCommand(word: string | undefined): word is OfficerCommand {
  return (OFFICER_COMMANDS as readonly (string | undefined)[]).includes(word);
}
