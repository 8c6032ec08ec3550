// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.17;

/// @title ClaimTopics
/// @notice ONCHAINID claim topics the consortium's ClaimIssuer signs. Mirrored in
///         `bridge/src/evm/claim-topics.ts`; the two must not drift.
library ClaimTopics {
    /// @notice Know-your-customer passed; every holder of an asset token needs it, venues and
    ///         liquidators included (the ClaimTopicsRegistry requires it).
    uint256 internal constant KYC = 1;
    /// @notice The holder is a lending venue (a Morpho Blue instance); remediation blocks transfers to it.
    uint256 internal constant VENUE = 2;
    /// @notice The holder is a permitted liquidator of the consortium's markets.
    uint256 internal constant LIQUIDATOR = 3;
}
