// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.17;

import {IOracle} from "@morpho-org/morpho-blue/src/interfaces/IOracle.sol";
import {AggregatorV3Interface} from "./AggregatorV3Interface.sol";
import {IValidatorSet} from "../quorum/IValidatorSet.sol";

/// @title INavOracle
/// @notice Prices one asset's token from the net asset value (NAV) its valuers record on Fabric,
///         carried over by an M-of-N bundle of the bridge validators' signatures. It is the Morpho
///         Blue oracle of the asset's market and also reads as a Chainlink feed.
/// @dev EIP-712 domain: name "Trestle NavOracle", version "1", the chain id and this contract.
///      Signature bundles are ordered by ascending signer address; signers are checked against the
///      validator set (the BridgeGateway) at call time, so a rotation there applies here at once.
///
///      Effective NAV = published NAV × (1 − haircut). The haircut is zero until the NAV's
///      `validUntil`; after it, it follows the published schedule so that a valuation that stops
///      arriving lowers the price step by step instead of freezing liquidations. After a write-off
///      the effective NAV is zero for good.
interface INavOracle is IOracle, AggregatorV3Interface {
    /// @notice One point of the staleness haircut schedule: `haircutBps` applies once
    ///         `secondsAfterExpiry` seconds have passed since `validUntil`. Between points the
    ///         haircut is interpolated linearly, from an implicit first point (0, 0); after the last
    ///         point it stays flat.
    struct HaircutPoint {
        uint64 secondsAfterExpiry;
        uint16 haircutBps;
    }

    /// @notice The latest published valuation. All zero until the first update.
    struct NavRecord {
        uint256 navPerUnit; // loan-token units per whole collateral token, 18 decimals
        uint64 valuationSeq; // Fabric valuation sequence number; also the Chainlink round id
        uint64 validUntil; // the haircut starts after this timestamp
        uint64 updatedAt; // block time of the last update or of the write-off
        bool writtenOff;
    }

    /// @notice A valuation was accepted with `signatures` validator signatures.
    event NavUpdated(uint64 indexed valuationSeq, uint256 navPerUnit, uint64 validUntil, uint256 signatures);
    /// @notice The asset was written off: the price is zero from now on.
    event WrittenOff(uint256 nonce, uint256 signatures);

    /// @notice The validator set or the asset given to the constructor is the zero address.
    error NavOracleAddressZero();
    /// @notice Prices would need 10^(36 + loanDecimals - collateralDecimals), outside 10^0..10^77.
    error NavOracleDecimalsUnsupported(uint8 collateralDecimals, uint8 loanDecimals);
    /// @notice `maxChangeBps` is above 10000 (a bound on falls beyond 100% means nothing).
    error NavOracleMaxChangeInvalid(uint256 maxChangeBps);
    /// @notice The haircut schedule's two arrays differ in length.
    error NavOracleHaircutLengthMismatch(uint256 secondsAfterExpiry, uint256 haircutBps);
    /// @notice The haircut schedule has `points` points; it needs 1 to `maxPoints`.
    error NavOracleHaircutScheduleSize(uint256 points, uint256 maxPoints);
    /// @notice Haircut point `index` does not strictly increase in both fields, or exceeds 10000 bps.
    error NavOracleHaircutPointInvalid(uint256 index, uint64 secondsAfterExpiry, uint16 haircutBps);
    /// @notice The asset is written off: no valuation is accepted any more.
    error NavOracleWrittenOff();
    /// @notice `navPerUnit` is zero or above `maxNavPerUnit`.
    error NavOracleNavOutOfRange(uint256 navPerUnit, uint256 maxNavPerUnit);
    /// @notice `valuationSeq` is not above the latest accepted `latestSeq` (a replay or a late message).
    error NavOracleSeqNotIncreasing(uint64 valuationSeq, uint64 latestSeq);
    /// @notice `validUntil` is not after the current block time `blockTime`.
    error NavOracleValidUntilPassed(uint64 validUntil, uint256 blockTime);
    /// @notice Moving from `oldNav` to `newNav` exceeds `maxChangeBps`; it needs `superThreshold` signatures.
    error NavOracleChangeOutOfBounds(uint256 oldNav, uint256 newNav, uint256 maxChangeBps);
    /// @notice No valuation has been published yet, so there is no price.
    error NavOracleNoNav();
    /// @notice Only the latest round, `latestRoundId`, can be read; `roundId` was asked for.
    error NavOracleRoundUnavailable(uint80 roundId, uint80 latestRoundId);

    /// @notice Publishes a valuation: `navPerUnit` loan-token units (18-decimal fixed point) per
    ///         whole collateral token, valid until `validUntil`, for Fabric valuation `valuationSeq`.
    /// @dev Needs `threshold()` signatures of the EIP-712 message
    ///      `Nav(address asset,uint256 navPerUnit,uint64 valuationSeq,uint64 validUntil)`, or
    ///      `superThreshold()` when it moves the NAV by more than `maxChangeBps` either way (the first
    ///      NAV is unbounded). `valuationSeq` must exceed the latest one and `validUntil` must be
    ///      in the future.
    function updateNav(uint256 navPerUnit, uint64 valuationSeq, uint64 validUntil, bytes[] calldata signatures) external;

    /// @notice Writes the asset off: from now on the price is zero and no valuation is accepted.
    /// @dev Needs `threshold()` signatures of the EIP-712 message `WriteOff(address asset,uint256 nonce)`.
    function writeOff(uint256 nonce, bytes[] calldata signatures) external;

    /// @notice The validator set whose signatures this oracle accepts.
    function validatorSet() external view returns (IValidatorSet);

    /// @notice The collateral token this oracle prices.
    function asset() external view returns (address);

    /// @notice Decimals of the collateral token.
    function collateralDecimals() external view returns (uint8);

    /// @notice Decimals of the loan token.
    function loanDecimals() external view returns (uint8);

    /// @notice Largest move, in basis points of the current NAV, that `threshold()` signatures may make.
    function maxChangeBps() external view returns (uint256);

    /// @notice Largest NAV accepted: every product the oracle forms with it fits in 256 bits.
    function maxNavPerUnit() external view returns (uint256);

    /// @notice The staleness haircut schedule, as published at deployment.
    function haircutSchedule() external view returns (HaircutPoint[] memory);

    /// @notice The latest published valuation.
    function latestNav() external view returns (NavRecord memory);

    /// @notice The haircut applied now, in basis points: 0 while the NAV is valid, 10000 once written off.
    function currentHaircutBps() external view returns (uint256);

    /// @notice The NAV after the haircut, 18 decimals (rounded down); reverts if no NAV was ever set.
    function effectiveNavPerUnit() external view returns (uint256);

    /// @notice EIP-712 type hash of `Nav`.
    function NAV_TYPEHASH() external view returns (bytes32);

    /// @notice EIP-712 type hash of `WriteOff`.
    function WRITE_OFF_TYPEHASH() external view returns (bytes32);

    /// @notice The EIP-712 domain separator signatures are checked against.
    function domainSeparator() external view returns (bytes32);
}
