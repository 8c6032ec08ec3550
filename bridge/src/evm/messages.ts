import { AbiCoder, keccak256, type TypedDataField } from 'ethers';

// The type tables and domains live in compliance, which the chaincode shares: it verifies the Mint
// signatures validators record on the ledger.
export {
  DOMAIN_VERSION,
  GATEWAY_DOMAIN_NAME,
  GATEWAY_TYPES,
  gatewayDomain,
  NAV_ORACLE_DOMAIN_NAME,
  NAV_ORACLE_TYPES,
  navOracleDomain,
  type GatewayMessage,
  type NavOracleMessage,
} from '@trestle/compliance/src/bridge/gateway-types';

/** One EIP-712 type table entry in the shape ethers' `signTypedData` wants. */
export function typesFor<T extends Record<string, readonly TypedDataField[]>>(table: T, primary: keyof T): Record<string, TypedDataField[]> {
  return { [primary as string]: [...(table[primary] as readonly TypedDataField[])] };
}

/** An identity claim as the gateway receives it. */
export interface IdentityClaimInput {
  readonly topic: bigint;
  readonly issuer: string;
  readonly signature: string;
  readonly data: string;
}

/** keccak256(abi.encode(claims)): what RegisterIdentity's `claimsHash` field commits to. */
export function claimsHash(claims: readonly IdentityClaimInput[]): string {
  const encoded = AbiCoder.defaultAbiCoder().encode(
    ['tuple(uint256 topic, address issuer, bytes signature, bytes data)[]'],
    [claims.map((c) => [c.topic, c.issuer, c.signature, c.data])],
  );
  return keccak256(encoded);
}
