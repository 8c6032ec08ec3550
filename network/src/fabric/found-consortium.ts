import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { parseActingIdentity, type OrgHandle } from '../cli/ledger/acting-identity';
import { fabricLedgerSessions } from '../cli/ledger/fabric-ledger-session';
import type { StackConfig } from '../stack/stack-config';
import type { FabricTopology } from './topology';

/** The membership of the local consortium: the three banks and the Regulator. */
export function localMembership(topology: FabricTopology): { banks: string[]; regulators: string[] } {
  return { banks: topology.banks.map((bank) => bank.mspId), regulators: [topology.regulator.mspId] };
}

type ConsortiumState = { status: string; confirmedBy: string[] } | undefined;

/**
 * Puts the local membership in force on a fresh channel: BankA's admin proposes it
 * (FoundConsortium) and every other member's admin confirms it, each signing with its own
 * identity, as the banks and the regulator would. A membership already in force is left alone,
 * and a founding interrupted half-way is finished.
 */
export async function ensureConsortiumFounded(stack: StackConfig, topology: FabricTopology, log: (line: string) => void): Promise<'founded' | 'already'> {
  const open = fabricLedgerSessions(stack, { channel: topology.channel, chaincode: topology.chaincode });
  const membersJson = JSON.stringify(localMembership(topology));
  const admins: OrgHandle[] = [...topology.banks.map((bank) => bank.handle), topology.regulator.handle];
  const read = async (): Promise<ConsortiumState> => {
    const session = await open(parseActingIdentity('bankA/admin'));
    try {
      return JSON.parse(Buffer.from(await session.contract('ConsortiumContract').evaluateTransaction('GetConsortium')).toString('utf8')) as ConsortiumState;
    } catch (error) {
      if (error instanceof Error && error.message.includes('CONSORTIUM_NOT_ACTIVE')) return undefined;
      throw error;
    } finally {
      await session.close();
    }
  };
  const current = await read();
  if (current?.status === 'ACTIVE') return 'already';
  for (const [index, org] of admins.entries()) {
    const identity = parseActingIdentity(`${org}/admin`);
    if (current?.confirmedBy.includes(identity.mspId)) continue;
    const session = await open(identity);
    try {
      const founding = index === 0 && current === undefined;
      log(`${founding ? 'propose' : 'confirm'} the membership as ${identity.label}`);
      await session.contract('ConsortiumContract').submitTransaction(founding ? 'FoundConsortium' : 'ConfirmConsortium', membersJson);
    } finally {
      await session.close();
    }
  }
  const after = await read();
  if (after?.status !== 'ACTIVE') throw new TrestleError('CONSORTIUM_NOT_ACTIVE', `The local membership is not in force after every admin confirmed it (status ${after?.status ?? 'none'}).`);
  return 'founded';
}
