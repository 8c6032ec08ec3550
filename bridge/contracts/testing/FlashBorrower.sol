// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.17;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {Address} from "@openzeppelin/contracts/utils/Address.sol";
import {IMorphoBase} from "@morpho-org/morpho-blue/src/interfaces/IMorpho.sol";
import {IMorphoFlashLoanCallback} from "@morpho-org/morpho-blue/src/interfaces/IMorphoCallbacks.sol";

/// @title FlashBorrower
/// @notice TEST ONLY. Takes a Morpho Blue flash loan for its owner, runs the owner's calls while it
///         holds the loan (a transfer to a third wallet, a collateral supply or withdrawal, even a
///         nested flash loan), then approves Morpho to take the loan back. Tests use it to see what
///         an ERC-3643 token allows during a flash loan and what the bridge's watchers make of it.
/// @dev Morpho calls back only the account that asked for the loan, with that account's data, so
///      the calls run here are always the owner's; the sender check keeps anyone else from making
///      this contract run calls by calling the callback directly.
contract FlashBorrower is IMorphoFlashLoanCallback {
    /// @notice One call made from this contract while it holds a loan.
    struct Call {
        address target;
        bytes data;
    }

    /// @notice The Morpho Blue instance this borrower borrows from.
    IMorphoBase public immutable morpho;

    /// @notice The only account that may start a loan.
    address public immutable owner;

    /// @notice Someone other than the owner tried to start a loan.
    error FlashBorrowerUnauthorized(address caller);

    /// @notice Something other than Morpho called the flash-loan callback.
    error FlashBorrowerNotMorpho(address caller);

    /// @notice Call `index` answered false (the way an ERC-20 may refuse a transfer or approval).
    error FlashBorrowerCallRefused(uint256 index);

    /// @notice The token refused to approve Morpho for the repayment.
    error FlashBorrowerApproveFailed(address token);

    constructor(IMorphoBase morpho_) {
        morpho = morpho_;
        owner = msg.sender;
    }

    /// @notice Borrows `assets` of `token` from Morpho, runs `calls` while holding them, repays.
    function borrow(address token, uint256 assets, Call[] calldata calls) external {
        if (msg.sender != owner) revert FlashBorrowerUnauthorized(msg.sender);
        morpho.flashLoan(token, assets, abi.encode(token, calls));
    }

    /// @inheritdoc IMorphoFlashLoanCallback
    function onMorphoFlashLoan(uint256 assets, bytes calldata data) external {
        if (msg.sender != address(morpho)) revert FlashBorrowerNotMorpho(msg.sender);
        (address token, Call[] memory calls) = abi.decode(data, (address, Call[]));
        for (uint256 i = 0; i < calls.length; ++i) {
            // functionCall re-raises the callee's own revert data, so a test sees the token's reason.
            bytes memory returned = Address.functionCall(calls[i].target, calls[i].data);
            // An ERC-20 may refuse by answering false instead of reverting; going on would hide it.
            if (returned.length == 32 && abi.decode(returned, (uint256)) == 0) revert FlashBorrowerCallRefused(i);
        }
        // Morpho pulls the loan back with transferFrom once this returns.
        if (!IERC20(token).approve(address(morpho), assets)) revert FlashBorrowerApproveFailed(token);
    }
}
