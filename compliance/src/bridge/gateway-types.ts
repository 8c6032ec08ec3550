/**
 * EIP-712 message types of the BridgeGateway and the NavOracle. The Solidity contracts hash exactly
 * these, validators sign them, and the chaincode verifies the Mint signatures it records. One table
 * for all three so they cannot drift (bridge/test recomputes every type hash on-chain, and
 * gateway-vectors.json pins the digests both sides must produce).
 */

/** One field of an EIP-712 struct, in the shape ethers' `TypedDataField` has. */
export type TypedField = { readonly name: string; readonly type: string };

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
  SetKycPhase: [
    { name: 'token', type: 'address' },
    { name: 'wallet', type: 'address' },
    { name: 'phase', type: 'uint8' },
    { name: 'nonce', type: 'uint256' },
  ],
} as const satisfies Record<string, readonly TypedField[]>;

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
} as const satisfies Record<string, readonly TypedField[]>;

export type GatewayMessage = keyof typeof GATEWAY_TYPES;
export type NavOracleMessage = keyof typeof NAV_ORACLE_TYPES;

export const GATEWAY_DOMAIN_NAME = 'Trestle BridgeGateway';
export const NAV_ORACLE_DOMAIN_NAME = 'Trestle NavOracle';
export const DOMAIN_VERSION = '1';

/** An EIP-712 domain as ethers' `TypedDataDomain` reads it. */
export type GatewayDomain = { readonly name: string; readonly version: string; readonly chainId: bigint | number; readonly verifyingContract: string };

export function gatewayDomain(chainId: bigint | number, gateway: string): GatewayDomain {
  return { name: GATEWAY_DOMAIN_NAME, version: DOMAIN_VERSION, chainId, verifyingContract: gateway };
}

export function navOracleDomain(chainId: bigint | number, oracle: string): GatewayDomain {
  return { name: NAV_ORACLE_DOMAIN_NAME, version: DOMAIN_VERSION, chainId, verifyingContract: oracle };
}
