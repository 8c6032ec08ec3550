import { AbiCoder, keccak256, type TypedDataDomain, type TypedDataField } from 'ethers';

/**
 * EIP-712 message types of the bridge. The Solidity contracts hash exactly these; validators sign
 * them. One table so the two sides cannot drift (a test recomputes every type hash on-chain).
 */
export const GATEWAY_TYPES = {
  Mint: [
    { name: 'token', type: 'address' },
    { name: 'to', type: 'address' },
    { name: 'amount', type: 'uint256' },
    { name: 'nonce', type: 'uint256' },
    { name: 'fabricTxId', type: 'bytes32' },
  ],
  CancelDelayedMint: [
    { name: 'mintId', type: 'bytes32' },
    { name: 'nonce', type: 'uint256' },
  ],
  SetValidators: [
    { name: 'validators', type: 'address[]' },
    { name: 'threshold', type: 'uint256' },
    { name: 'superThreshold', type: 'uint256' },
    { name: 'nonce', type: 'uint256' },
  ],
  ConfigureAsset: [
    { name: 'token', type: 'address' },
    { name: 'remediationModule', type: 'address' },
    { name: 'delayThreshold', type: 'uint256' },
    { name: 'nonce', type: 'uint256' },
  ],
  SetRateLimit: [
    { name: 'token', type: 'address' },
    { name: 'direction', type: 'uint8' },
    { name: 'capacity', type: 'uint128' },
    { name: 'refillPerSecond', type: 'uint128' },
    { name: 'nonce', type: 'uint256' },
  ],
  Pause: [{ name: 'nonce', type: 'uint256' }],
  Unpause: [{ name: 'nonce', type: 'uint256' }],
  RegisterIdentity: [
    { name: 'token', type: 'address' },
    { name: 'wallet', type: 'address' },
    { name: 'investorRef', type: 'bytes32' },
    { name: 'country', type: 'uint16' },
    { name: 'claimsHash', type: 'bytes32' },
    { name: 'nonce', type: 'uint256' },
  ],
  RevokeIdentity: [
    { name: 'token', type: 'address' },
    { name: 'wallet', type: 'address' },
    { name: 'nonce', type: 'uint256' },
  ],
  SetLegalState: [
    { name: 'token', type: 'address' },
    { name: 'state', type: 'uint8' },
    { name: 'nonce', type: 'uint256' },
  ],
} as const satisfies Record<string, readonly TypedDataField[]>;

export const NAV_ORACLE_TYPES = {
  Nav: [
    { name: 'asset', type: 'address' },
    { name: 'navPerUnit', type: 'uint256' },
    { name: 'valuationSeq', type: 'uint64' },
    { name: 'validUntil', type: 'uint64' },
  ],
  WriteOff: [
    { name: 'asset', type: 'address' },
    { name: 'nonce', type: 'uint256' },
  ],
} as const satisfies Record<string, readonly TypedDataField[]>;

export type GatewayMessage = keyof typeof GATEWAY_TYPES;
export type NavOracleMessage = keyof typeof NAV_ORACLE_TYPES;

export const GATEWAY_DOMAIN_NAME = 'Trestle BridgeGateway';
export const NAV_ORACLE_DOMAIN_NAME = 'Trestle NavOracle';
export const DOMAIN_VERSION = '1';

export function gatewayDomain(chainId: bigint | number, gateway: string): TypedDataDomain {
  return { name: GATEWAY_DOMAIN_NAME, version: DOMAIN_VERSION, chainId, verifyingContract: gateway };
}

export function navOracleDomain(chainId: bigint | number, oracle: string): TypedDataDomain {
  return { name: NAV_ORACLE_DOMAIN_NAME, version: DOMAIN_VERSION, chainId, verifyingContract: oracle };
}

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
