// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.17;

import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {Strings} from "@openzeppelin/contracts/utils/Strings.sol";
import {IToken} from "@tokenysolutions/t-rex/contracts/token/IToken.sol";
import {IIdentityRegistry} from "@tokenysolutions/t-rex/contracts/registry/interface/IIdentityRegistry.sol";
import {IModularCompliance} from "@tokenysolutions/t-rex/contracts/compliance/modular/IModularCompliance.sol";
import {IIdFactory} from "@onchain-id/solidity/contracts/factory/IIdFactory.sol";
import {IIdentity} from "@onchain-id/solidity/contracts/interface/IIdentity.sol";
import {IBridgeGateway} from "./IBridgeGateway.sol";
import {GatewayTypeHashes as H} from "./GatewayTypeHashes.sol";
import {TokenBucket} from "./TokenBucket.sol";
import {QuorumSignatures} from "../quorum/QuorumSignatures.sol";

/// @dev T-REX's AgentRole, which IToken does not re-export.
interface IAgentRole {
    function isAgent(address agent) external view returns (bool);
}

/// @title BridgeGateway
/// @notice See {IBridgeGateway}. Each quorum action runs in one order: decode, nonce, signatures,
///         checks, state writes, event, external calls last.
contract BridgeGateway is IBridgeGateway, EIP712 {
    using TokenBucket for RateLimit;

    /* STORAGE */

    /// @dev One storage word: `mint` reads the whole configuration with a single SLOAD.
    struct AssetConfig {
        bool configured;
        address remediationModule;
        uint88 delayThreshold;
    }

    address[] private _validators;
    mapping(address => bool) private _isValidator;
    // Packed in one word: every bridge flow reads the pause flag and a threshold together.
    uint120 private _threshold;
    uint120 private _superThreshold;
    /// @inheritdoc IBridgeGateway
    bool public paused;
    /// @inheritdoc IBridgeGateway
    uint64 public immutable mintDelay;
    IIdFactory private immutable _identityFactory;
    uint256 private _burnNonce;

    mapping(address => AssetConfig) private _assets;
    mapping(address => mapping(Direction => RateLimit)) private _rateLimits;
    mapping(bytes32 => DelayedMint) private _delayedMints;
    /// @dev Nonces as bitmaps per message type: sequential Fabric nonces share a storage word,
    ///      so marking one costs about 5k gas instead of 22k.
    mapping(bytes32 => mapping(uint256 => uint256)) private _nonceWords;
    /// @dev For the messages that set a state (validator set, an asset's legal state, a wallet's KYC
    ///      phase, a wallet's registration, the pause flag): the nonce of the one in force per sequence
    ///      and subject, so an older one never lands after it (see _sequenceOf).
    mapping(bytes32 => uint256) private _latestNonce;

    /* CONSTRUCTOR */

    constructor(address[] memory initialValidators, uint256 initialThreshold, uint256 initialSuperThreshold, address identityFactory_, uint64 mintDelay_)
        EIP712("Trestle BridgeGateway", "1")
    {
        _setValidators(initialValidators, initialThreshold, initialSuperThreshold);
        _identityFactory = IIdFactory(identityFactory_);
        mintDelay = mintDelay_;
    }

    /* BRIDGE FLOWS */

    /// @inheritdoc IBridgeGateway
    function mint(address token, address to, uint256 amount, uint256 nonce, bytes32 fabricTxId, bytes[] calldata signatures) external {
        bytes32 mintId = keccak256(abi.encode(H.MINT, token, to, amount, nonce, fabricTxId));
        _authorise(H.MINT, nonce, mintId, signatures, _threshold);
        _requireNotPaused();
        AssetConfig storage asset = _configuredAsset(token);
        if (amount == 0) revert AmountZero();
        _consume(token, Direction.Inbound, amount);

        if (asset.delayThreshold != 0 && amount > asset.delayThreshold) {
            uint64 executableAt = uint64(block.timestamp) + mintDelay;
            _delayedMints[mintId] = DelayedMint({token: token, to: to, amount: amount, executableAt: executableAt, done: false});
            emit MintDelayed(mintId, token, to, amount, nonce, fabricTxId, executableAt);
            return;
        }
        emit Minted(token, to, amount, nonce, fabricTxId);
        IToken(token).mint(to, amount);
    }

    /// @inheritdoc IBridgeGateway
    function executeDelayedMint(bytes32 mintId) external {
        _requireNotPaused();
        DelayedMint storage delayed = _pendingDelayedMint(mintId);
        if (block.timestamp < delayed.executableAt) revert DelayedMintNotReady(mintId, delayed.executableAt);
        delayed.done = true;
        emit DelayedMintExecuted(mintId);
        IToken(delayed.token).mint(delayed.to, delayed.amount);
    }

    /// @inheritdoc IBridgeGateway
    function cancelDelayedMint(bytes32 mintId, uint256 nonce, bytes[] calldata signatures) external {
        _authorise(H.CANCEL_DELAYED_MINT, nonce, keccak256(abi.encode(H.CANCEL_DELAYED_MINT, mintId, nonce)), signatures, _threshold);
        DelayedMint storage delayed = _pendingDelayedMint(mintId);
        delayed.done = true;
        // The clawed-back amount never crossed, so it goes back into the inbound bucket.
        _rateLimits[delayed.token][Direction.Inbound].refund(delayed.amount);
        emit DelayedMintCancelled(mintId);
    }

    /// @inheritdoc IBridgeGateway
    function burnForRedeem(address token, uint256 amount, bytes32 fabricInvestorRef) external returns (uint256 nonce) {
        _requireNotPaused();
        _configuredAsset(token);
        if (amount == 0) revert AmountZero();
        // T-REX lets an agent burn frozen units (it unfreezes them first); a redemption must not.
        if (IToken(token).isFrozen(msg.sender)) revert WalletFrozen(msg.sender);
        uint256 free = IToken(token).balanceOf(msg.sender) - IToken(token).getFrozenTokens(msg.sender);
        if (amount > free) revert BurnExceedsFreeBalance(msg.sender, amount, free);
        _consume(token, Direction.Outbound, amount);

        nonce = ++_burnNonce;
        emit BurnedForRedeem(token, msg.sender, amount, fabricInvestorRef, nonce);
        IToken(token).burn(msg.sender, amount);
    }

    /* IDENTITY MIRRORING */

    /// @inheritdoc IBridgeGateway
    function registerIdentity(
        address token,
        address wallet,
        bytes32 investorRef,
        uint16 country,
        IdentityClaim[] calldata claims,
        uint256 nonce,
        bytes[] calldata signatures
    ) external {
        bytes32 structHash = keccak256(abi.encode(H.REGISTER_IDENTITY, token, wallet, investorRef, country, keccak256(abi.encode(claims)), nonce));
        _authorise(H.REGISTER_IDENTITY, nonce, structHash, signatures, _threshold);
        _requireNewest(H.REGISTER_IDENTITY, _walletSubject(token, wallet), nonce);
        _configuredAsset(token);

        address identity = _identityOf(wallet);
        emit IdentityRegistered(token, wallet, identity, investorRef, country);
        for (uint256 i = 0; i < claims.length; ++i) {
            IIdentity(identity).addClaim(claims[i].topic, 1, claims[i].issuer, claims[i].signature, claims[i].data, "");
        }
        IIdentityRegistry registry = IToken(token).identityRegistry();
        if (registry.contains(wallet)) {
            registry.updateIdentity(wallet, IIdentity(identity));
            registry.updateCountry(wallet, country);
        } else {
            registry.registerIdentity(wallet, IIdentity(identity), country);
        }
    }

    /// @inheritdoc IBridgeGateway
    function revokeIdentity(address token, address wallet, uint256 nonce, bytes[] calldata signatures) external {
        _authorise(H.REVOKE_IDENTITY, nonce, keccak256(abi.encode(H.REVOKE_IDENTITY, token, wallet, nonce)), signatures, _threshold);
        // A registration signed before this revocation (a sanctions hit, say) must not re-verify the wallet when relayed after it.
        _requireNewest(H.REVOKE_IDENTITY, _walletSubject(token, wallet), nonce);
        _configuredAsset(token);
        emit IdentityRevoked(token, wallet);
        IToken(token).identityRegistry().deleteIdentity(wallet);
    }

    /* ASSET STATE */

    /// @inheritdoc IBridgeGateway
    function setLegalState(address token, LegalState state, uint256 nonce, bytes[] calldata signatures) external {
        _authorise(H.SET_LEGAL_STATE, nonce, keccak256(abi.encode(H.SET_LEGAL_STATE, token, state, nonce)), signatures, _threshold);
        _requireNewest(H.SET_LEGAL_STATE, bytes32(uint256(uint160(token))), nonce);
        AssetConfig storage asset = _configuredAsset(token);
        if (asset.remediationModule == address(0)) revert RemediationModuleMissing(token);
        emit LegalStateChanged(token, state);
        IModularCompliance compliance = IToken(token).compliance();
        compliance.callModuleFunction(abi.encodeWithSignature("setRemediation(bool)", state == LegalState.Remediation), asset.remediationModule);
    }

    /// @inheritdoc IBridgeGateway
    function setKycPhase(address token, address wallet, KycPhase phase, uint256 nonce, bytes[] calldata signatures) external {
        _authorise(H.SET_KYC_PHASE, nonce, keccak256(abi.encode(H.SET_KYC_PHASE, token, wallet, phase, nonce)), signatures, _threshold);
        _requireNewest(H.SET_KYC_PHASE, _walletSubject(token, wallet), nonce);
        AssetConfig storage asset = _configuredAsset(token);
        if (asset.remediationModule == address(0)) revert RemediationModuleMissing(token);
        emit KycPhaseChanged(token, wallet, phase);
        IModularCompliance compliance = IToken(token).compliance();
        compliance.callModuleFunction(abi.encodeWithSignature("setKycPhase(address,uint8)", wallet, uint8(phase)), asset.remediationModule);
    }

    /* GOVERNANCE */

    /// @inheritdoc IBridgeGateway
    function setValidators(address[] calldata newValidators, uint256 newThreshold, uint256 newSuperThreshold, uint256 nonce, bytes[] calldata signatures)
        external
    {
        bytes32 structHash = keccak256(abi.encode(H.SET_VALIDATORS, keccak256(abi.encodePacked(newValidators)), newThreshold, newSuperThreshold, nonce));
        _authorise(H.SET_VALIDATORS, nonce, structHash, signatures, _threshold);
        // A set signed before a later rotation (say, one still listing a bank since removed) and
        // relayed after it would otherwise restore the old keys: the validators who stayed signed both.
        _requireNewest(H.SET_VALIDATORS, bytes32(0), nonce);
        uint256 oldCount = _validators.length;
        for (uint256 i = 0; i < oldCount; ++i) {
            _isValidator[_validators[i]] = false;
        }
        _setValidators(newValidators, newThreshold, newSuperThreshold);
    }

    /// @inheritdoc IBridgeGateway
    function configureAsset(address token, address remediationModule, uint256 delayThreshold, uint256 nonce, bytes[] calldata signatures) external {
        bytes32 structHash = keccak256(abi.encode(H.CONFIGURE_ASSET, token, remediationModule, delayThreshold, nonce));
        _authorise(H.CONFIGURE_ASSET, nonce, structHash, signatures, _threshold);
        if (!IAgentRole(token).isAgent(address(this))) revert GatewayNotTokenAgent(token);
        if (delayThreshold > type(uint88).max) revert DelayThresholdTooLarge(delayThreshold);
        _assets[token] = AssetConfig({configured: true, remediationModule: remediationModule, delayThreshold: uint88(delayThreshold)});
        emit AssetConfigured(token, address(IToken(token).compliance()), remediationModule, delayThreshold);
    }

    /// @inheritdoc IBridgeGateway
    function setRateLimit(address token, Direction direction, uint128 capacity, uint128 refillPerSecond, uint256 nonce, bytes[] calldata signatures) external {
        bytes32 structHash = keccak256(abi.encode(H.SET_RATE_LIMIT, token, direction, capacity, refillPerSecond, nonce));
        _authorise(H.SET_RATE_LIMIT, nonce, structHash, signatures, _threshold);
        _configuredAsset(token);
        _rateLimits[token][direction] = RateLimit({capacity: capacity, refillPerSecond: refillPerSecond, available: capacity, updatedAt: uint64(block.timestamp)});
        emit RateLimitSet(token, direction, capacity, refillPerSecond);
    }

    /// @inheritdoc IBridgeGateway
    function pause(uint256 nonce, bytes[] calldata signatures) external {
        uint256 count = _authorise(H.PAUSE, nonce, keccak256(abi.encode(H.PAUSE, nonce)), signatures, _threshold);
        _requireNewest(H.PAUSE, bytes32(0), nonce);
        if (paused) revert GatewayPaused();
        paused = true;
        emit Paused(count);
    }

    /// @inheritdoc IBridgeGateway
    function unpause(uint256 nonce, bytes[] calldata signatures) external {
        uint256 count = _authorise(H.UNPAUSE, nonce, keccak256(abi.encode(H.UNPAUSE, nonce)), signatures, _superThreshold);
        // An unpause signed before the latest pause, relayed after it, would lift an alarm nobody has looked at.
        _requireNewest(H.UNPAUSE, bytes32(0), nonce);
        if (!paused) revert GatewayNotPaused();
        paused = false;
        emit Unpaused(count);
    }

    /* VIEWS */

    /// @inheritdoc IBridgeGateway
    function rateLimit(address token, Direction direction) external view returns (RateLimit memory current) {
        current = _rateLimits[token][direction];
        current.available = current.availableAt(block.timestamp);
        current.updatedAt = uint64(block.timestamp);
    }

    /// @inheritdoc IBridgeGateway
    function delayedMint(bytes32 mintId) external view returns (DelayedMint memory) {
        return _delayedMints[mintId];
    }

    /// @inheritdoc IBridgeGateway
    function isNonceUsed(bytes32 typeHash, uint256 nonce) public view returns (bool) {
        return _nonceWords[typeHash][nonce >> 8] & (1 << (nonce & 0xff)) != 0;
    }

    /// @inheritdoc IBridgeGateway
    function identityFactory() external view returns (address) {
        return address(_identityFactory);
    }

    /// @notice The asset's gateway configuration: whether it is configured, its remediation module, its delay threshold.
    function assetConfig(address token) external view returns (bool configured, address remediationModule, uint256 delayThreshold) {
        AssetConfig storage asset = _assets[token];
        return (asset.configured, asset.remediationModule, asset.delayThreshold);
    }

    /// @notice Number of burns so far; the next burn gets this plus one.
    function burnNonce() external view returns (uint256) {
        return _burnNonce;
    }

    /// @inheritdoc IBridgeGateway
    function domainSeparator() external view returns (bytes32) {
        return _domainSeparatorV4();
    }

    function isValidator(address account) public view returns (bool) {
        return _isValidator[account];
    }

    function threshold() external view returns (uint256) {
        return _threshold;
    }

    function superThreshold() external view returns (uint256) {
        return _superThreshold;
    }

    function validators() external view returns (address[] memory) {
        return _validators;
    }

    /// @inheritdoc IBridgeGateway
    function latestNonce(bytes32 typeHash, bytes32 subject) external view returns (uint256) {
        return _latestNonce[keccak256(abi.encode(_sequenceOf(typeHash), subject))];
    }

    /* INTERNAL */

    /// @dev Marks the nonce used, then checks `required` validator signatures over the typed data.
    ///      The nonce is spent first so that a replay fails with NonceAlreadyUsed, the clearer error.
    function _authorise(bytes32 typeHash, uint256 nonce, bytes32 structHash, bytes[] calldata signatures, uint256 required)
        private
        returns (uint256 count)
    {
        uint256 bit = 1 << (nonce & 0xff);
        uint256 word = _nonceWords[typeHash][nonce >> 8];
        if (word & bit != 0) revert NonceAlreadyUsed(typeHash, nonce);
        _nonceWords[typeHash][nonce >> 8] = word | bit;
        return QuorumSignatures.verify(_hashTypedDataV4(structHash), signatures, required, isValidator);
    }

    /// @dev State-setting messages apply in nonce order per subject: two relayers racing, or a bundle
    ///      kept back, must not let an older state (Normal before a later Remediation, a KYC phase
    ///      before its renewal, a registration before a revocation) land after a newer one. The ledger
    ///      numbers each sequence in order.
    function _requireNewest(bytes32 typeHash, bytes32 subject, uint256 nonce) private {
        bytes32 key = keccak256(abi.encode(_sequenceOf(typeHash), subject));
        uint256 latest = _latestNonce[key];
        if (nonce <= latest) revert MessageNonceStale(typeHash, nonce, latest);
        _latestNonce[key] = nonce;
    }

    /// @dev The ordering a message type belongs to. A registration and a revocation of one wallet set
    ///      the same thing (whether it is verified), as a pause and an unpause do (the flag): each pair
    ///      shares one sequence, numbered from one counter on the ledger. Every other type is its own.
    function _sequenceOf(bytes32 typeHash) private pure returns (bytes32) {
        if (typeHash == H.REVOKE_IDENTITY) return H.REGISTER_IDENTITY;
        if (typeHash == H.UNPAUSE) return H.PAUSE;
        return typeHash;
    }

    function _walletSubject(address token, address wallet) private pure returns (bytes32) {
        return keccak256(abi.encode(token, wallet));
    }

    function _requireNotPaused() private view {
        if (paused) revert GatewayPaused();
    }

    function _configuredAsset(address token) private view returns (AssetConfig storage asset) {
        asset = _assets[token];
        if (!asset.configured) revert AssetNotConfigured(token);
    }

    function _pendingDelayedMint(bytes32 mintId) private view returns (DelayedMint storage delayed) {
        delayed = _delayedMints[mintId];
        if (delayed.token == address(0)) revert DelayedMintUnknown(mintId);
        if (delayed.done) revert DelayedMintAlreadyDone(mintId);
    }

    function _consume(address token, Direction direction, uint256 amount) private {
        (bool ok, uint256 available) = _rateLimits[token][direction].tryConsume(amount, block.timestamp);
        if (!ok) revert RateLimited(token, direction, amount, available);
    }

    /// @dev The wallet's ONCHAINID, created with the gateway as its only management key (so the
    ///      gateway can add the consortium's claims) when the factory has none for it.
    function _identityOf(address wallet) private returns (address identity) {
        identity = _identityFactory.getIdentity(wallet);
        if (identity != address(0)) return identity;
        bytes32[] memory keys = new bytes32[](1);
        keys[0] = keccak256(abi.encode(address(this)));
        return _identityFactory.createIdentityWithManagementKeys(wallet, Strings.toHexString(wallet), keys);
    }

    function _setValidators(address[] memory newValidators, uint256 newThreshold, uint256 newSuperThreshold) private {
        uint256 n = newValidators.length;
        // A strict majority threshold: two disjoint groups of validators can never both act.
        if (n == 0 || newThreshold * 2 <= n || newSuperThreshold < newThreshold || newSuperThreshold > n) {
            revert ValidatorSetInvalid(n, newThreshold, newSuperThreshold);
        }
        for (uint256 i = 0; i < n; ++i) {
            address validator = newValidators[i];
            if (validator == address(0) || _isValidator[validator]) revert ValidatorZeroOrDuplicate(validator);
            _isValidator[validator] = true;
        }
        _validators = newValidators;
        // Both fit: they are at most n, the length of an array in memory.
        _threshold = uint120(newThreshold);
        _superThreshold = uint120(newSuperThreshold);
        emit ValidatorsChanged(newValidators, newThreshold, newSuperThreshold);
    }
}
