import { existsSync, readFileSync } from 'node:fs';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { openFabricGateway } from '@trestle/compliance/src/ledger-client/open-fabric-gateway';
import { adaptFabricContract } from '@trestle/compliance/src/ledger-client/adapt-fabric-contract';
import { investorBankByQuery, submitEndorsers } from '@trestle/compliance/src/ledger-client/transfer-endorsers';
import type { StackConfig } from '../../stack/stack-config';
import type { ActingIdentity } from './acting-identity';
import { fabricClientFiles } from './fabric-client-files';
import type { LedgerSession, OpenLedgerSession } from './ledger-session';

// The sessions of every ledger command on the real network (the integration suites under
// network/test use them too); the CLI's unit tests run the same commands over the in-process stub.

/** Channel and chaincode names (DESIGN.md §2) and the deadlines, in seconds, a person at a terminal waits. */
export const FABRIC_CLI_DEFAULTS = { channel: 'rwa', chaincode: 'trestle', endorseTimeout: 30, commitTimeout: 60, queryTimeout: 15 } as const;

/** Opens sessions through fabric-network with the identity `--as` names, from the stack's client files. */
export function fabricLedgerSessions(stack: StackConfig, names: { channel: string; chaincode: string } = FABRIC_CLI_DEFAULTS): OpenLedgerSession {
  return async (identity: ActingIdentity): Promise<LedgerSession> => {
    const files = fabricClientFiles(stack, identity.org);
    if (!existsSync(files.connectionProfile)) {
      throw new TrestleError('CLI_LEDGER_UNAVAILABLE', `No connection profile for ${identity.org} at ${files.connectionProfile}; bring the network up with "npm start" first.`, { details: { org: identity.org } });
    }
    const profile = JSON.parse(readFileSync(files.connectionProfile, 'utf8')) as Record<string, unknown>;
    const deadlines = { endorseTimeout: FABRIC_CLI_DEFAULTS.endorseTimeout, commitTimeout: FABRIC_CLI_DEFAULTS.commitTimeout, queryTimeout: FABRIC_CLI_DEFAULTS.queryTimeout };
    const { network, peerOrgs, close } = await openFabricGateway(
      { connectionProfile: profile, walletPath: files.wallet, label: identity.user, mspId: identity.mspId, channel: names.channel, deadlines },
      (sentence) => new TrestleError('CLI_IDENTITY_UNKNOWN', sentence, { details: { argument: 'as' } }),
    );
    const endorsers = submitEndorsers(identity.mspId, peerOrgs, investorBankByQuery((name, ...args) => network.getContract(names.chaincode, 'InvestorContract').evaluateTransaction(name, ...args)));
    return {
      contract: (name) => adaptFabricContract(network.getContract(names.chaincode, name), endorsers),
      close: async () => close(),
    };
  };
}
