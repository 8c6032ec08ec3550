import { parseConsortiumRecord } from '../../consortium/consortium';
import { TrestleError } from '../../errors/trestle-error';
import { checked } from '../../ledger-client/checked-records';
import type { OfficerCalls } from './handler';

/**
 * The banks of the membership in force, as the chaincode counts them (an investor's adoption, the
 * approvals a request needs); null while no membership is in force.
 */
export async function banksInForce(calls: OfficerCalls): Promise<readonly string[] | null> {
  try {
    const { record } = checked(await calls.evaluate('ConsortiumContract', 'GetConsortium'), parseConsortiumRecord);
    return record.status === 'ACTIVE' ? record.members.banks : null;
  } catch (error) {
    if (error instanceof TrestleError && error.code === 'CONSORTIUM_NOT_ACTIVE') return null;
    throw error;
  }
}
