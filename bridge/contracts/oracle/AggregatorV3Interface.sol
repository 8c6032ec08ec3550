// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.17;

/// @title AggregatorV3Interface
/// @notice The read side of a Chainlink price feed, so dashboards and integrations built for
///         Chainlink can read our oracles unchanged. Only the functions consumers call.
interface AggregatorV3Interface {
    /// @notice Number of decimals of `answer`.
    function decimals() external view returns (uint8);

    /// @notice What the feed prices, for people.
    function description() external view returns (string memory);

    /// @notice Version of the feed's implementation.
    function version() external view returns (uint256);

    /// @notice The data of round `queriedRoundId`.
    /// @return roundId The round asked for.
    /// @return answer The value of the round.
    /// @return startedAt When the round started.
    /// @return updatedAt When the round's answer was last written.
    /// @return answeredInRound The round in which the answer was computed.
    function getRoundData(uint80 queriedRoundId)
        external
        view
        returns (uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound);

    /// @notice The data of the latest round.
    /// @return roundId The latest round.
    /// @return answer The latest value.
    /// @return startedAt When the latest round started.
    /// @return updatedAt When the latest answer was written.
    /// @return answeredInRound The round in which the answer was computed.
    function latestRoundData()
        external
        view
        returns (uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound);
}
