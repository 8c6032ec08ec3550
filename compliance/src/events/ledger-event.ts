import type { RoleGrant, RoleRevocation } from '../roles/role-grant';

/**
 * The chaincode event of a transaction. Fabric keeps only the last `setEvent` of a transaction, so
 * each transaction emits exactly one, named after its `type`, with this envelope as its JSON payload.
 */
export type LedgerEvent =
  | { readonly type: 'RoleGranted'; readonly payload: RoleGrant }
  | { readonly type: 'RoleRevoked'; readonly payload: RoleRevocation };

export type LedgerEventType = LedgerEvent['type'];
