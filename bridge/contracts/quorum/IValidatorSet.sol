// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.17;

/// @title IValidatorSet
/// @notice The consortium's bridge validators (one per bank) and the quorums that bind them.
/// @dev The BridgeGateway owns the set; other contracts (NavOracle) read it so that one rotation
///      applies everywhere.
interface IValidatorSet {
    /// @notice Whether `account` is a registered validator.
    function isValidator(address account) external view returns (bool);

    /// @notice Signatures needed for ordinary quorum messages (M of N).
    function threshold() external view returns (uint256);

    /// @notice Signatures needed for exceptional messages: unpause, out-of-bounds NAV moves.
    function superThreshold() external view returns (uint256);

    /// @notice The current validators, in the order they were set.
    function validators() external view returns (address[] memory);
}
