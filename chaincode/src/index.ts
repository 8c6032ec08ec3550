import { RoleContract } from './roles/role-contract';

export { RoleContract } from './roles/role-contract';
export { requireRole } from './roles/require-role';

/** The contracts fabric-chaincode-node serves (its convention); the first is the default. */
export const contracts = [RoleContract];
