// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.17;

import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";

/// @title QuorumSignatures
/// @notice Checks a bundle of validator signatures over one EIP-712 digest.
/// @dev Signers must appear in strictly ascending address order: that rejects duplicates in one
///      comparison per signature and needs no memory set. High-s (malleable) signatures and
///      signatures of other lengths are rejected, not skipped, so a bad bundle fails loudly.
library QuorumSignatures {
    /// @notice Signature `index` is not 65 bytes or does not recover to an address.
    error QuorumSignatureInvalid(uint256 index);
    /// @notice Signature `index` has an s value in the upper half of the curve order.
    error QuorumSignatureMalleable(uint256 index);
    /// @notice Signer `signer` at `index` repeats or is out of ascending order.
    error QuorumSignersNotAscending(uint256 index, address signer);
    /// @notice `signer` is not a registered validator.
    error QuorumSignerUnknown(address signer);
    /// @notice Only `provided` signatures where `required` are needed.
    error QuorumNotMet(uint256 provided, uint256 required);

    /// @notice Reverts unless at least `required` distinct validators signed `digest`.
    /// @return count The number of valid validator signatures (all of them, as unknown ones revert).
    function verify(
        bytes32 digest,
        bytes[] calldata signatures,
        uint256 required,
        function(address) view returns (bool) isValidator
    ) internal view returns (uint256 count) {
        if (signatures.length < required) revert QuorumNotMet(signatures.length, required);
        address previous = address(0);
        for (uint256 i = 0; i < signatures.length; ++i) {
            (address signer, ECDSA.RecoverError error) = ECDSA.tryRecover(digest, signatures[i]);
            if (error == ECDSA.RecoverError.InvalidSignatureS) revert QuorumSignatureMalleable(i);
            if (error != ECDSA.RecoverError.NoError) revert QuorumSignatureInvalid(i);
            if (signer <= previous) revert QuorumSignersNotAscending(i, signer);
            if (!isValidator(signer)) revert QuorumSignerUnknown(signer);
            previous = signer;
        }
        return signatures.length;
    }
}
