// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.17;

import {IIrm} from "@morpho-org/morpho-blue/src/interfaces/IIrm.sol";
import {MarketParams, Market} from "@morpho-org/morpho-blue/src/interfaces/IMorpho.sol";
import {MathLib, WAD} from "@morpho-org/morpho-blue/src/libraries/MathLib.sol";

/// @title KinkedIrm
/// @notice A Morpho Blue interest rate model with a kinked utilisation curve: the borrow rate rises
///         gently (slope 1) up to the target utilisation, the kink, and steeply (slope 2) past it,
///         so lenders can always withdraw. Stateless: the rate depends on utilisation alone.
/// @dev Rates are WAD per second. Below or at the kink: base + slope1 × u / kink. Above it:
///      base + slope1 + slope2 × (u − kink) / (1 − kink). Every division rounds down.
contract KinkedIrm is IIrm {
    using MathLib for uint256;

    /// @notice The kink is not in (0, 1] (WAD).
    error KinkedIrmKinkOutOfRange(uint256 kinkUtilization);

    /// @notice Borrow rate at zero utilisation, WAD per second.
    uint256 public immutable baseRatePerSecond;
    /// @notice Rate added between zero utilisation and the kink, WAD per second.
    uint256 public immutable slope1PerSecond;
    /// @notice Rate added between the kink and full utilisation, WAD per second.
    uint256 public immutable slope2PerSecond;
    /// @notice Utilisation where the second slope starts, WAD.
    uint256 public immutable kinkUtilization;

    /// @dev Yearly rates (WAD) become per-second rates by dividing by 365 days, rounded down.
    constructor(uint256 baseRatePerYear, uint256 slope1PerYear, uint256 slope2PerYear, uint256 kinkUtilization_) {
        if (kinkUtilization_ == 0 || kinkUtilization_ > WAD) revert KinkedIrmKinkOutOfRange(kinkUtilization_);
        baseRatePerSecond = baseRatePerYear / 365 days;
        slope1PerSecond = slope1PerYear / 365 days;
        slope2PerSecond = slope2PerYear / 365 days;
        kinkUtilization = kinkUtilization_;
    }

    /// @inheritdoc IIrm
    function borrowRate(MarketParams memory, Market memory market) external view returns (uint256) {
        return borrowRateAt(utilizationDown(market));
    }

    /// @inheritdoc IIrm
    function borrowRateView(MarketParams memory, Market memory market) external view returns (uint256) {
        return borrowRateAt(utilizationDown(market));
    }

    /// @notice The market's utilisation, borrowed / supplied (WAD, rounded down, at most 1); zero
    ///         without supply.
    function utilizationDown(Market memory market) public pure returns (uint256) {
        if (market.totalSupplyAssets == 0) return 0;
        uint256 utilization = uint256(market.totalBorrowAssets).wDivDown(market.totalSupplyAssets);
        // Borrows never exceed supply in Morpho; the cap keeps the curve defined if they ever did.
        return utilization > WAD ? WAD : utilization;
    }

    /// @notice Borrow rate (WAD per second, rounded down) at `utilization` (WAD, at most 1).
    function borrowRateAt(uint256 utilization) public view returns (uint256) {
        if (utilization <= kinkUtilization) {
            return baseRatePerSecond + slope1PerSecond.mulDivDown(utilization, kinkUtilization);
        }
        // utilization > kinkUtilization here, so the kink is below WAD and the divisor is positive.
        return baseRatePerSecond + slope1PerSecond + slope2PerSecond.mulDivDown(utilization - kinkUtilization, WAD - kinkUtilization);
    }
}
