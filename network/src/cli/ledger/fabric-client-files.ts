import path from 'node:path';
import type { StackConfig } from '../../stack/stack-config';
import type { OrgHandle } from './acting-identity';

/**
 * Where an organisation's client material lives in a stack's state folder: the common connection
 * profile of its peers and orderers, and its fabric-network file-system wallet (one `<user>.id`
 * per person). The network bring-up writes both; an operator may put their own there.
 */
export function fabricClientFiles(stack: StackConfig, org: OrgHandle): { readonly connectionProfile: string; readonly wallet: string } {
  const folder = path.join(stack.home, 'fabric', 'clients', org);
  return { connectionProfile: path.join(folder, 'connection.json'), wallet: path.join(folder, 'wallet') };
}
