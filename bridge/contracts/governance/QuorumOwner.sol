// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.17;

import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {IValidatorSet} from "../quorum/IValidatorSet.sol";
import {QuorumSignatures} from "../quorum/QuorumSignatures.sol";

/// @title QuorumOwner
/// @notice Holds the owner powers of the consortium's EVM contracts, so that no single key does:
///         the T-REX token and its registries (an owner could make itself agent and mint), the
///         ONCHAINID implementation authority (an owner could replace every identity's logic), the
///         claim issuer's management key (a manager could add claim keys and vouch for anyone) and
///         Morpho Blue's owner (fees, enabled IRMs and LLTVs). Each call it makes needs the bridge
///         validators' super threshold, read from the gateway's set, so one rotation applies here too.
/// @dev One order for every call: checks, signatures, nonce written, call, event. The nonce is
///      written before the call, so a call that re-enters cannot replay the same message.
contract QuorumOwner is EIP712 {
    /// @notice EIP-712 type of one owner call: `data` is the calldata for `target`; it runs no later than `validUntil`.
    bytes32 public constant EXECUTE_TYPEHASH = keccak256("Execute(address target,bytes data,uint256 nonce,uint64 validUntil)");

    /// @notice The gateway whose validators and super threshold authorise every call.
    IValidatorSet public immutable validatorSet;

    mapping(uint256 => bool) private _nonceUsed;

    /// @notice A call was made as owner, with `signatures` valid validator signatures.
    event Executed(address indexed target, bytes4 indexed selector, uint256 indexed nonce, uint256 signatures);

    /// @notice The validator set's address is zero.
    error QuorumOwnerAddressZero();
    /// @notice `nonce` was used by an earlier call.
    error QuorumOwnerNonceUsed(uint256 nonce);
    /// @notice `target` has no code: a call to it would succeed and do nothing.
    error QuorumOwnerTargetNotContract(address target);
    /// @notice The signatures allowed the call until `validUntil`, which has passed.
    error QuorumOwnerCallExpired(uint64 validUntil);
    /// @notice The call to `target` reverted with `reason` (its raw revert data).
    error QuorumOwnerCallFailed(address target, bytes reason);

    constructor(IValidatorSet validatorSet_) EIP712("Trestle QuorumOwner", "1") {
        if (address(validatorSet_) == address(0)) revert QuorumOwnerAddressZero();
        validatorSet = validatorSet_;
    }

    /// @notice Calls `target` with `data` as owner, given the super threshold of validator signatures
    ///         over Execute(target, data, nonce, validUntil) in this contract's EIP-712 domain.
    /// @dev `validUntil` bounds how long a signed call can wait: a decision taken once should not be
    ///      runnable months later by whoever kept the bundle. To withdraw one before then, the
    ///      validators sign another call under the same nonce and run it.
    /// @return result What the call returned.
    function execute(address target, bytes calldata data, uint256 nonce, uint64 validUntil, bytes[] calldata signatures)
        external
        returns (bytes memory result)
    {
        if (_nonceUsed[nonce]) revert QuorumOwnerNonceUsed(nonce);
        if (block.timestamp > validUntil) revert QuorumOwnerCallExpired(validUntil);
        if (target.code.length == 0) revert QuorumOwnerTargetNotContract(target);
        bytes32 structHash = keccak256(abi.encode(EXECUTE_TYPEHASH, target, keccak256(data), nonce, validUntil));
        uint256 count = QuorumSignatures.verify(_hashTypedDataV4(structHash), signatures, validatorSet.superThreshold(), _isValidator);

        _nonceUsed[nonce] = true;
        bool ok;
        (ok, result) = target.call(data);
        if (!ok) revert QuorumOwnerCallFailed(target, result);
        emit Executed(target, bytes4(data), nonce, count);
    }

    /// @notice Whether `nonce` has been used.
    function isNonceUsed(uint256 nonce) external view returns (bool) {
        return _nonceUsed[nonce];
    }

    /// @notice The EIP-712 domain separator signatures are made under.
    function domainSeparator() external view returns (bytes32) {
        return _domainSeparatorV4();
    }

    function _isValidator(address account) private view returns (bool) {
        return validatorSet.isValidator(account);
    }
}
