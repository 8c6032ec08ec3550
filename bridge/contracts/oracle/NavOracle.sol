// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.17;

import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {IOracle} from "@morpho-org/morpho-blue/src/interfaces/IOracle.sol";
import {AggregatorV3Interface} from "./AggregatorV3Interface.sol";
import {INavOracle} from "./INavOracle.sol";
import {IValidatorSet} from "../quorum/IValidatorSet.sol";
import {QuorumSignatures} from "../quorum/QuorumSignatures.sol";

/// @title NavOracle
/// @notice See {INavOracle}. One oracle per asset. Each quorum action runs in one order: checks,
///         signatures, state writes, event.
contract NavOracle is INavOracle, EIP712 {
    /* CONSTANTS */

    /// @inheritdoc INavOracle
    bytes32 public constant NAV_TYPEHASH = keccak256("Nav(address asset,uint256 navPerUnit,uint64 valuationSeq,uint64 validUntil)");
    /// @inheritdoc INavOracle
    bytes32 public constant WRITE_OFF_TYPEHASH = keccak256("WriteOff(address asset,uint256 nonce)");

    uint256 internal constant BPS = 10_000;
    /// @dev Bounds the loop in every `price()` call, which Morpho makes on each borrow and liquidation.
    uint256 internal constant MAX_HAIRCUT_POINTS = 16;
    /// @dev The largest power of ten below 2^256.
    uint256 internal constant MAX_SCALE_EXPONENT = 77;

    /* IMMUTABLES */

    /// @inheritdoc INavOracle
    IValidatorSet public immutable validatorSet;
    /// @inheritdoc INavOracle
    address public immutable asset;
    /// @inheritdoc INavOracle
    uint8 public immutable collateralDecimals;
    /// @inheritdoc INavOracle
    uint8 public immutable loanDecimals;
    /// @inheritdoc INavOracle
    uint256 public immutable maxChangeBps;
    /// @inheritdoc INavOracle
    uint256 public immutable maxNavPerUnit;
    /// @dev price = navPerUnit × 10^(36 + loanDecimals − collateralDecimals) / 1e18, as one
    ///      multiplication or one division: one of these two is 1.
    uint256 internal immutable PRICE_MULTIPLIER;
    uint256 internal immutable PRICE_DIVISOR;

    /* STORAGE */

    NavRecord private _nav;
    HaircutPoint[] private _haircuts;

    /* CONSTRUCTOR */

    /// @param haircutAfter Seconds after `validUntil` of each schedule point, strictly increasing, first above 0.
    /// @param haircutBps Haircut at each point, strictly increasing, first above 0, at most 10000.
    constructor(
        IValidatorSet validatorSet_,
        address asset_,
        uint8 collateralDecimals_,
        uint8 loanDecimals_,
        uint256 maxChangeBps_,
        uint64[] memory haircutAfter,
        uint16[] memory haircutBps
    ) EIP712("Trestle NavOracle", "1") {
        if (address(validatorSet_) == address(0) || asset_ == address(0)) revert NavOracleAddressZero();
        // The price scale is 10^(36 + loanDecimals - collateralDecimals); the first test keeps the
        // subtraction in the second from underflowing.
        uint256 exponent = 36 + uint256(loanDecimals_);
        if (collateralDecimals_ > exponent || exponent - collateralDecimals_ > MAX_SCALE_EXPONENT) {
            revert NavOracleDecimalsUnsupported(collateralDecimals_, loanDecimals_);
        }
        exponent -= collateralDecimals_;
        if (maxChangeBps_ > BPS) revert NavOracleMaxChangeInvalid(maxChangeBps_);
        _setHaircutSchedule(haircutAfter, haircutBps);

        validatorSet = validatorSet_;
        asset = asset_;
        collateralDecimals = collateralDecimals_;
        loanDecimals = loanDecimals_;
        maxChangeBps = maxChangeBps_;

        uint256 multiplier = exponent >= 18 ? 10 ** (exponent - 18) : 1;
        PRICE_MULTIPLIER = multiplier;
        PRICE_DIVISOR = exponent >= 18 ? 1 : 10 ** (18 - exponent);
        // Products formed with a NAV: × PRICE_MULTIPLIER (price), × at most BPS (haircut, bound).
        // Below 2^256 / 10^4 it also fits int256 for the Chainlink answer.
        maxNavPerUnit = type(uint256).max / (multiplier > BPS ? multiplier : BPS);
    }

    /* QUORUM ACTIONS */

    /// @inheritdoc INavOracle
    function updateNav(uint256 navPerUnit, uint64 valuationSeq, uint64 validUntil, bytes[] calldata signatures) external {
        NavRecord memory current = _nav;
        if (current.writtenOff) revert NavOracleWrittenOff();
        if (navPerUnit == 0 || navPerUnit > maxNavPerUnit) revert NavOracleNavOutOfRange(navPerUnit, maxNavPerUnit);
        if (valuationSeq <= current.valuationSeq) revert NavOracleSeqNotIncreasing(valuationSeq, current.valuationSeq);
        if (validUntil <= block.timestamp) revert NavOracleValidUntilPassed(validUntil, block.timestamp);

        uint256 required = validatorSet.threshold();
        if (current.updatedAt != 0 && !_withinBound(current.navPerUnit, navPerUnit)) {
            required = validatorSet.superThreshold();
            if (signatures.length < required) revert NavOracleChangeOutOfBounds(current.navPerUnit, navPerUnit, maxChangeBps);
        }
        bytes32 structHash = keccak256(abi.encode(NAV_TYPEHASH, asset, navPerUnit, valuationSeq, validUntil));
        uint256 count = QuorumSignatures.verify(_hashTypedDataV4(structHash), signatures, required, _isValidator);

        _nav = NavRecord({
            navPerUnit: navPerUnit,
            valuationSeq: valuationSeq,
            validUntil: validUntil,
            updatedAt: uint64(block.timestamp),
            writtenOff: false
        });
        emit NavUpdated(valuationSeq, navPerUnit, validUntil, count);
    }

    /// @inheritdoc INavOracle
    function writeOff(uint256 nonce, bytes[] calldata signatures) external {
        if (_nav.writtenOff) revert NavOracleWrittenOff();
        bytes32 structHash = keccak256(abi.encode(WRITE_OFF_TYPEHASH, asset, nonce));
        uint256 count = QuorumSignatures.verify(_hashTypedDataV4(structHash), signatures, validatorSet.threshold(), _isValidator);

        _nav.writtenOff = true;
        _nav.updatedAt = uint64(block.timestamp);
        emit WrittenOff(nonce, count);
    }

    /* PRICES */

    /// @inheritdoc IOracle
    /// @dev Rounded down: a lower price never lets a borrower take more than the collateral is worth.
    function price() external view returns (uint256) {
        return _toPriceDown(_effectiveNavDown(_existingNav()));
    }

    /// @inheritdoc INavOracle
    function effectiveNavPerUnit() external view returns (uint256) {
        return _effectiveNavDown(_existingNav());
    }

    /// @inheritdoc INavOracle
    function currentHaircutBps() external view returns (uint256) {
        return _haircutBpsUp(_nav);
    }

    /* CHAINLINK VIEW */

    /// @inheritdoc AggregatorV3Interface
    function decimals() external pure returns (uint8) {
        return 18;
    }

    /// @inheritdoc AggregatorV3Interface
    function description() external pure returns (string memory) {
        return "Trestle NAV per unit, in loan-token units";
    }

    /// @inheritdoc AggregatorV3Interface
    function version() external pure returns (uint256) {
        return 1;
    }

    /// @inheritdoc AggregatorV3Interface
    /// @dev Only the latest round is kept; any other round reverts with NavOracleRoundUnavailable.
    function getRoundData(uint80 queriedRoundId) external view returns (uint80, int256, uint256, uint256, uint80) {
        NavRecord memory nav = _existingNav();
        if (queriedRoundId != nav.valuationSeq) revert NavOracleRoundUnavailable(queriedRoundId, nav.valuationSeq);
        return _roundData(nav);
    }

    /// @inheritdoc AggregatorV3Interface
    /// @dev The answer is the effective NAV (after the haircut); the round id is the valuation sequence.
    function latestRoundData() external view returns (uint80, int256, uint256, uint256, uint80) {
        return _roundData(_existingNav());
    }

    /* VIEWS */

    /// @inheritdoc INavOracle
    function haircutSchedule() external view returns (HaircutPoint[] memory) {
        return _haircuts;
    }

    /// @inheritdoc INavOracle
    function latestNav() external view returns (NavRecord memory) {
        return _nav;
    }

    /// @inheritdoc INavOracle
    function domainSeparator() external view returns (bytes32) {
        return _domainSeparatorV4();
    }

    /* INTERNAL */

    function _isValidator(address account) internal view returns (bool) {
        return validatorSet.isValidator(account);
    }

    function _existingNav() internal view returns (NavRecord memory nav) {
        nav = _nav;
        if (nav.updatedAt == 0) revert NavOracleNoNav();
    }

    /// @dev |newNav − oldNav| ≤ oldNav × maxChangeBps / 10000, compared exactly (no rounding):
    ///      both sides are multiplied out, which maxNavPerUnit keeps below 2^256.
    function _withinBound(uint256 oldNav, uint256 newNav) internal view returns (bool) {
        uint256 move = newNav > oldNav ? newNav - oldNav : oldNav - newNav;
        return move * BPS <= oldNav * maxChangeBps;
    }

    /// @dev NAV × (1 − haircut), rounded down; zero once written off (the haircut is then 100%).
    function _effectiveNavDown(NavRecord memory nav) internal view returns (uint256) {
        return (nav.navPerUnit * (BPS - _haircutBpsUp(nav))) / BPS;
    }

    /// @dev The haircut now: 0 while `nav` is valid, 10000 once written off, else from the schedule.
    function _haircutBpsUp(NavRecord memory nav) internal view returns (uint256) {
        if (nav.writtenOff) return BPS;
        if (block.timestamp <= nav.validUntil) return 0;
        return _scheduleBpsUp(block.timestamp - nav.validUntil);
    }

    /// @dev Morpho's price of one base unit of collateral in base units of loan token, × 1e36,
    ///      rounded down.
    function _toPriceDown(uint256 effectiveNav) internal view returns (uint256) {
        return (effectiveNav * PRICE_MULTIPLIER) / PRICE_DIVISOR;
    }

    /// @dev Linear interpolation between schedule points, rounded up (the larger haircut, in favour
    ///      of lenders); flat after the last point.
    function _scheduleBpsUp(uint256 secondsAfterExpiry) internal view returns (uint256) {
        uint256 fromSeconds = 0;
        uint256 fromBps = 0;
        uint256 n = _haircuts.length;
        for (uint256 i = 0; i < n; ++i) {
            HaircutPoint memory to = _haircuts[i];
            if (secondsAfterExpiry < to.secondsAfterExpiry) {
                uint256 span = to.secondsAfterExpiry - fromSeconds;
                // Rise ≤ 10000 and elapsed < 2^64: the product cannot overflow.
                uint256 rise = (to.haircutBps - fromBps) * (secondsAfterExpiry - fromSeconds);
                return fromBps + (rise + span - 1) / span;
            }
            fromSeconds = to.secondsAfterExpiry;
            fromBps = to.haircutBps;
        }
        return fromBps;
    }

    function _roundData(NavRecord memory nav) internal view returns (uint80, int256, uint256, uint256, uint80) {
        // maxNavPerUnit < 2^256 / 10^4 < 2^255, so the cast to int256 is exact.
        int256 answer = int256(_effectiveNavDown(nav));
        return (nav.valuationSeq, answer, nav.updatedAt, nav.updatedAt, nav.valuationSeq);
    }

    function _setHaircutSchedule(uint64[] memory afterSeconds, uint16[] memory bps) internal {
        if (afterSeconds.length != bps.length) revert NavOracleHaircutLengthMismatch(afterSeconds.length, bps.length);
        if (afterSeconds.length == 0 || afterSeconds.length > MAX_HAIRCUT_POINTS) {
            revert NavOracleHaircutScheduleSize(afterSeconds.length, MAX_HAIRCUT_POINTS);
        }
        uint64 previousSeconds = 0;
        uint16 previousBps = 0;
        for (uint256 i = 0; i < afterSeconds.length; ++i) {
            if (afterSeconds[i] <= previousSeconds || bps[i] <= previousBps || bps[i] > BPS) {
                revert NavOracleHaircutPointInvalid(i, afterSeconds[i], bps[i]);
            }
            _haircuts.push(HaircutPoint({secondsAfterExpiry: afterSeconds[i], haircutBps: bps[i]}));
            previousSeconds = afterSeconds[i];
            previousBps = bps[i];
        }
    }
}
