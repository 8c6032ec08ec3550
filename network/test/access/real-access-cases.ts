import { caseOf } from '@trestle/chaincode/src/access/access-cases';
import type { Side } from '@trestle/chaincode/src/access/access-identities';
import { GATEWAY, TOKEN } from '@trestle/chaincode/src/testing/bridge-story';
import { CHAIN_ID, WALLET_ONE, WALLET_TWO } from '@trestle/chaincode/src/testing/test-wallets';
import type { RealAccessIdentity } from './real-access-identities';
import type { RealAccessWorld } from './real-access-world';
import { translateArguments } from './stub-id-translation';

// The call each identity makes: the stub matrix test's valid call for the transaction
// (access-cases.ts, read at run time), its record ids translated to the real world's. Calls whose
// arguments the stub computes from its own world (an identity id, a signature over a stub record)
// are given here instead; for the rows that let a role in wherever it stands, a placeholder
// signature or nonce is enough, since the caller is decided before the signature is looked at.

/** What the calls need besides the world: the identities, and ben's binding signature for the world's ben. */
export type CaseContext = { readonly world: RealAccessWorld; readonly identities: readonly RealAccessIdentity[]; readonly benBinding: string };

/** A call: its arguments and the transient map the stub case sends. */
export type RealCall = { readonly args: readonly string[]; readonly transient?: Readonly<Record<string, Uint8Array>> };

const PLACEHOLDER_SIGNATURE = `0x${'11'.repeat(65)}`;
const PLACEHOLDER_TX_HASH = `0x${'ef'.repeat(32)}`;

function officerOn(side: Side, context: CaseContext): string {
  const officer = context.identities.find((identity) => identity.column === 'compliance-officer' && identity.side === side);
  if (officer === undefined) throw new RangeError(`no compliance-officer on the ${side} side`);
  return officer.identityId;
}

type Computed = (caller: RealAccessIdentity, context: CaseContext) => readonly string[];

/** The calls whose stub arguments depend on the stub world, by `Contract.Transaction`. */
const COMPUTED: Readonly<Record<string, Computed>> = {
  'RoleContract.GrantRole': (caller, context) => [officerOn(caller.side, context), 'operator'],
  'RoleContract.RevokeRole': (caller, context) => [officerOn(caller.side, context), 'compliance-officer'],
  'RoleContract.GetRoles': (caller, context) => [caller.mspId, officerOn(caller.side, context)],
  // The stub's chain is only proposed in its chapter; the real world's main chain is approved.
  'BridgeContract.ApproveBridgeChain': (_caller, { world }) => [world.proposedChain],
  'WalletContract.BindWallet': (_caller, { world, benBinding }) => [world.benA, WALLET_TWO.address, CHAIN_ID.toString(), '1', benBinding],
  'BridgeContract.RecordMintSignature': (_caller, { world }) => [world.chainId, '1', PLACEHOLDER_SIGNATURE],
  'BridgeContract.RecordMinted': (_caller, { world }) => [world.chainId, '1', PLACEHOLDER_TX_HASH],
  'BridgeContract.GetMint': (_caller, { world }) => [world.chainId, '1'],
  // Validator of anna's bank only: a placeholder claim is parsed before anna's bank is looked at
  // (see PREREQUISITE_NOT_ON_REAL_NETWORK in the test).
  'GatewayMessageContract.ProposeIdentityRegistration': (_caller, { world }) => [world.chainId, TOKEN, WALLET_ONE.address, '{}', "Mirror anna's wallet"],
  'GatewayMessageContract.RecordGatewaySignature': (_caller, { world }) => [world.chainId, 'Pause', GATEWAY, '1', PLACEHOLDER_SIGNATURE],
  'GatewayMessageContract.RecordGatewayRelayed': (_caller, { world }) => [world.chainId, 'Pause', GATEWAY, '1', PLACEHOLDER_TX_HASH],
  'GatewayMessageContract.GetGatewayMessage': (_caller, { world }) => [world.chainId, 'Pause', GATEWAY, '1'],
};

/**
 * The call `caller` makes to `contract.transaction`, or undefined when the stub has no case for it
 * or computes its arguments from its own world and no entry here does it for the real one.
 */
export function realCallOf(contract: string, transaction: string, caller: RealAccessIdentity, context: CaseContext): RealCall | undefined {
  const stubCase = caseOf(contract, transaction);
  const transient = stubCase?.transient === undefined ? {} : { transient: Object.fromEntries(Object.entries(stubCase.transient).map(([key, value]) => [key, Buffer.from(value)])) };
  const computed = COMPUTED[`${contract}.${transaction}`];
  if (computed !== undefined) return { args: computed(caller, context), ...transient };
  if (stubCase === undefined || typeof stubCase.args === 'function') return undefined;
  return { args: translateArguments(stubCase.args, context.world), ...transient };
}
