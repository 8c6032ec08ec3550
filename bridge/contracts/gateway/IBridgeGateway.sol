// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.17;

import {IValidatorSet} from "../quorum/IValidatorSet.sol";

/// @title IBridgeGateway
/// @notice The EVM end of the Fabric bridge. Every state change except `burnForRedeem` and
///         `executeDelayedMint` is authorised by an M-of-N bundle of EIP-712 signatures from the
///         banks' validators; there is no owner.
/// @dev EIP-712 domain: name "Trestle BridgeGateway", version "1", the chain id and this contract.
///      Signature bundles are ordered by ascending signer address. Each message type has its own
///      nonce space; a nonce is used once.
interface IBridgeGateway is IValidatorSet {
    /// @notice Direction of a rate-limited flow, seen from the EVM chain.
    enum Direction {
        Inbound, // Fabric escrow -> EVM mint
        Outbound // EVM burn -> Fabric release
    }

    /// @notice Legal state of an asset as carried from Fabric.
    enum LegalState {
        Normal,
        Remediation
    }

    /// @notice Where a holder's KYC stands, as carried from Fabric: current (or in its grace
    ///         period), repay-only (may unwind: repay, withdraw collateral, send units; may not
    ///         receive units otherwise or supply collateral), or frozen (no units move to or from it).
    enum KycPhase {
        Current,
        RepayOnly,
        Frozen
    }

    /// @notice Token-bucket parameters and state of one (asset, direction) flow.
    struct RateLimit {
        uint128 capacity; // most units that can pass at once
        uint128 refillPerSecond; // units the bucket regains each second
        uint128 available; // units that could pass now, before refill since `updatedAt`
        uint64 updatedAt; // timestamp of the last refill
    }

    /// @notice A mint above the asset's delay threshold, waiting out the delay window.
    struct DelayedMint {
        address token;
        address to;
        uint256 amount;
        uint64 executableAt;
        bool done; // executed or cancelled
    }

    /// @notice A claim to add to an investor's ONCHAINID, signed by a trusted claim issuer.
    struct IdentityClaim {
        uint256 topic;
        address issuer;
        bytes signature; // issuer key's EIP-191 signature over keccak256(abi.encode(identity, topic, data))
        bytes data;
    }

    event Minted(address indexed token, address indexed to, uint256 amount, uint256 indexed nonce, bytes32 fabricTxId);
    event MintDelayed(bytes32 indexed mintId, address indexed token, address indexed to, uint256 amount, uint256 nonce, bytes32 fabricTxId, uint64 executableAt);
    event DelayedMintExecuted(bytes32 indexed mintId);
    event DelayedMintCancelled(bytes32 indexed mintId);
    event BurnedForRedeem(address indexed token, address indexed from, uint256 amount, bytes32 fabricInvestorRef, uint256 indexed burnNonce);
    event ValidatorsChanged(address[] validators, uint256 threshold, uint256 superThreshold);
    event AssetConfigured(address indexed token, address compliance, address remediationModule, uint256 delayThreshold);
    event RateLimitSet(address indexed token, Direction direction, uint128 capacity, uint128 refillPerSecond);
    event Paused(uint256 signatures);
    event Unpaused(uint256 signatures);
    event IdentityRegistered(address indexed token, address indexed wallet, address identity, bytes32 investorRef, uint16 country);
    event IdentityRevoked(address indexed token, address indexed wallet);
    event LegalStateChanged(address indexed token, LegalState state);
    event KycPhaseChanged(address indexed token, address indexed wallet, KycPhase phase);

    error GatewayPaused();
    error GatewayNotPaused();
    error NonceAlreadyUsed(bytes32 typeHash, uint256 nonce);
    error AssetNotConfigured(address token);
    error AmountZero();
    error RateLimited(address token, Direction direction, uint256 requested, uint256 available);
    error DelayedMintUnknown(bytes32 mintId);
    error DelayedMintAlreadyDone(bytes32 mintId);
    error DelayedMintNotReady(bytes32 mintId, uint64 executableAt);
    error ValidatorSetInvalid(uint256 validators, uint256 threshold, uint256 superThreshold);
    error ValidatorZeroOrDuplicate(address validator);
    /// @notice A state-setting message (validator set, legal state, KYC phase) of `nonce` arrived after
    ///         the newer one of `latest` for the same subject was applied.
    error MessageNonceStale(bytes32 typeHash, uint256 nonce, uint256 latest);
    error GatewayNotTokenAgent(address token);
    error RemediationModuleMissing(address token);
    error BurnExceedsFreeBalance(address wallet, uint256 requested, uint256 free);
    error WalletFrozen(address wallet);
    error DelayThresholdTooLarge(uint256 delayThreshold);

    /// @notice Mints `amount` of `token` to `to` for Fabric nonce `nonce` (escrowed in Fabric tx
    ///         `fabricTxId`), or queues it when above the asset's delay threshold.
    function mint(address token, address to, uint256 amount, uint256 nonce, bytes32 fabricTxId, bytes[] calldata signatures) external;

    /// @notice Executes a delayed mint after its window; anyone may call.
    function executeDelayedMint(bytes32 mintId) external;

    /// @notice Cancels a delayed mint (court-order clawback) with a quorum.
    function cancelDelayedMint(bytes32 mintId, uint256 nonce, bytes[] calldata signatures) external;

    /// @notice Burns the caller's `amount` of `token` so Fabric releases units to `fabricInvestorRef`.
    /// @return nonce The burn's nonce, which validators attest on Fabric.
    function burnForRedeem(address token, uint256 amount, bytes32 fabricInvestorRef) external returns (uint256 nonce);

    /// @notice Replaces the validator set and thresholds (needs the current quorum). Sets apply in
    ///         increasing nonce order: an older one, even unused, is refused (MessageNonceStale).
    function setValidators(address[] calldata newValidators, uint256 newThreshold, uint256 newSuperThreshold, uint256 nonce, bytes[] calldata signatures) external;

    /// @notice Registers an asset's ERC-3643 token (the gateway must already be its agent and the
    ///         owner of its compliance), its remediation module (or zero) and its delay threshold.
    function configureAsset(address token, address remediationModule, uint256 delayThreshold, uint256 nonce, bytes[] calldata signatures) external;

    /// @notice Sets the token bucket of one (asset, direction) flow; the bucket starts full.
    function setRateLimit(address token, Direction direction, uint128 capacity, uint128 refillPerSecond, uint256 nonce, bytes[] calldata signatures) external;

    /// @notice Pauses minting, delayed execution and burning (needs `threshold` signatures). Pauses and
    ///         unpauses share one nonce order: an older one than the last applied is refused (MessageNonceStale).
    function pause(uint256 nonce, bytes[] calldata signatures) external;

    /// @notice Unpauses (needs `superThreshold` signatures), only with a nonce above the last pause's.
    function unpause(uint256 nonce, bytes[] calldata signatures) external;

    /// @notice Creates or reuses `wallet`'s ONCHAINID, adds `claims` and registers it in `token`'s
    ///         identity registry with `country` (ISO 3166-1 numeric). Registrations and revocations of
    ///         a wallet on a token share one nonce order (MessageNonceStale for an older one).
    function registerIdentity(address token, address wallet, bytes32 investorRef, uint16 country, IdentityClaim[] calldata claims, uint256 nonce, bytes[] calldata signatures) external;

    /// @notice Removes `wallet` from `token`'s identity registry; ordered with its registrations.
    function revokeIdentity(address token, address wallet, uint256 nonce, bytes[] calldata signatures) external;

    /// @notice Carries an asset's legal state from Fabric to its compliance module; per token, only a
    ///         nonce above the last applied one (MessageNonceStale otherwise).
    function setLegalState(address token, LegalState state, uint256 nonce, bytes[] calldata signatures) external;

    /// @notice Carries a holder's KYC phase from Fabric to the asset's compliance module; per token and
    ///         wallet, only a nonce above the last applied one (MessageNonceStale otherwise).
    function setKycPhase(address token, address wallet, KycPhase phase, uint256 nonce, bytes[] calldata signatures) external;

    /// @notice Current token bucket of a flow, refilled up to now.
    function rateLimit(address token, Direction direction) external view returns (RateLimit memory);

    /// @notice A delayed mint by id (the EIP-712 struct hash of its Mint message).
    function delayedMint(bytes32 mintId) external view returns (DelayedMint memory);

    /// @notice Whether `nonce` of the message type `typeHash` has been used.
    function isNonceUsed(bytes32 typeHash, uint256 nonce) external view returns (bool);

    /// @notice The nonce of the state-setting message in force for `subject` (0 before any): the
    ///         validator set (subject 0), an asset's legal state (the token, left-padded), a wallet's
    ///         KYC phase or registration (keccak256(abi.encode(token, wallet))) or the pause flag
    ///         (subject 0). A newer message needs a larger nonce. RegisterIdentity and RevokeIdentity
    ///         answer the same (one order), as Pause and Unpause do.
    function latestNonce(bytes32 typeHash, bytes32 subject) external view returns (uint256);

    /// @notice Whether the gateway is paused.
    function paused() external view returns (bool);

    /// @notice The ONCHAINID factory the gateway creates identities with.
    function identityFactory() external view returns (address);

    /// @notice The window a delayed mint waits before it can execute, in seconds.
    function mintDelay() external view returns (uint64);

    /// @notice The EIP-712 domain separator signatures are checked against.
    function domainSeparator() external view returns (bytes32);
}
