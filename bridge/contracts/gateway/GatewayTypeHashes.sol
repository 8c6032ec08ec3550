// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.17;

/// @title GatewayTypeHashes
/// @notice EIP-712 type hashes of the gateway's messages; compliance/src/bridge/gateway-types.ts holds the
///         same types for signers, and a test recomputes each hash from it.
library GatewayTypeHashes {
    bytes32 internal constant MINT = keccak256("Mint(address token,address to,uint256 amount,uint256 nonce,bytes32 fabricTxId)");
    bytes32 internal constant CANCEL_DELAYED_MINT = keccak256("CancelDelayedMint(bytes32 mintId,uint256 nonce)");
    bytes32 internal constant SET_VALIDATORS = keccak256("SetValidators(address[] validators,uint256 threshold,uint256 superThreshold,uint256 nonce)");
    bytes32 internal constant CONFIGURE_ASSET = keccak256("ConfigureAsset(address token,address remediationModule,uint256 delayThreshold,uint256 nonce)");
    bytes32 internal constant SET_RATE_LIMIT =
        keccak256("SetRateLimit(address token,uint8 direction,uint128 capacity,uint128 refillPerSecond,uint256 nonce)");
    bytes32 internal constant PAUSE = keccak256("Pause(uint256 nonce)");
    bytes32 internal constant UNPAUSE = keccak256("Unpause(uint256 nonce)");
    bytes32 internal constant REGISTER_IDENTITY =
        keccak256("RegisterIdentity(address token,address wallet,bytes32 investorRef,uint16 country,bytes32 claimsHash,uint256 nonce)");
    bytes32 internal constant REVOKE_IDENTITY = keccak256("RevokeIdentity(address token,address wallet,uint256 nonce)");
    bytes32 internal constant SET_LEGAL_STATE = keccak256("SetLegalState(address token,uint8 state,uint256 nonce)");
    bytes32 internal constant SET_KYC_PHASE = keccak256("SetKycPhase(address token,address wallet,uint8 phase,uint256 nonce)");
}
