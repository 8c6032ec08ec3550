// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.17;

import {IBridgeGateway} from "./IBridgeGateway.sol";

/// @title TokenBucket
/// @notice Token-bucket arithmetic for the gateway's per-asset, per-direction rate limits.
/// @dev A bucket with zero capacity lets nothing through: an unconfigured flow fails closed.
library TokenBucket {
    /// @notice Units available at `timestamp`: the stored level plus the refill since, capped at capacity.
    function availableAt(IBridgeGateway.RateLimit memory bucket, uint256 timestamp) internal pure returns (uint128) {
        uint256 refilled = uint256(bucket.available) + (timestamp - bucket.updatedAt) * bucket.refillPerSecond;
        return refilled >= bucket.capacity ? bucket.capacity : uint128(refilled);
    }

    /// @notice Takes `amount` if available at `timestamp`; otherwise leaves the bucket unchanged.
    /// @return ok Whether the amount was taken.
    /// @return available Units available before the attempt.
    function tryConsume(IBridgeGateway.RateLimit storage bucket, uint256 amount, uint256 timestamp) internal returns (bool ok, uint256 available) {
        uint128 level = availableAt(bucket, timestamp);
        if (amount > level) return (false, level);
        // Safe: amount <= level, which fits in uint128.
        unchecked {
            bucket.available = level - uint128(amount);
        }
        bucket.updatedAt = uint64(timestamp);
        return (true, level);
    }

    /// @notice Returns `amount` to the bucket (a cancelled transfer), never above capacity.
    function refund(IBridgeGateway.RateLimit storage bucket, uint256 amount) internal {
        uint256 level = uint256(availableAt(bucket, block.timestamp)) + amount;
        bucket.available = level >= bucket.capacity ? bucket.capacity : uint128(level);
        bucket.updatedAt = uint64(block.timestamp);
    }
}
