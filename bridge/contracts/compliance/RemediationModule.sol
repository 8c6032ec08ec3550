// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.17;

import {AbstractModule} from "@tokenysolutions/t-rex/contracts/compliance/modular/modules/AbstractModule.sol";
import {IModule} from "@tokenysolutions/t-rex/contracts/compliance/modular/modules/IModule.sol";
import {IModularCompliance} from "@tokenysolutions/t-rex/contracts/compliance/modular/IModularCompliance.sol";
import {IToken} from "@tokenysolutions/t-rex/contracts/token/IToken.sol";
import {IIdentityRegistry} from "@tokenysolutions/t-rex/contracts/registry/interface/IIdentityRegistry.sol";
import {ITrustedIssuersRegistry} from "@tokenysolutions/t-rex/contracts/registry/interface/ITrustedIssuersRegistry.sol";
import {IIdentity} from "@onchain-id/solidity/contracts/interface/IIdentity.sol";
import {IClaimIssuer} from "@onchain-id/solidity/contracts/interface/IClaimIssuer.sol";
import {ClaimTopics} from "./ClaimTopics.sol";

/// @title RemediationModule
/// @notice T-REX modular-compliance module that carries an asset's REMEDIATION legal state from
///         Fabric: while it is on, no units may move to a lending venue (no new collateral), while
///         transfers out of venues (collateral withdrawals, liquidation payouts) stay allowed, so
///         borrowers can still repay and unwind.
/// @dev One module instance serves many compliances; state is keyed by the compliance address. A
///      venue is a wallet whose ONCHAINID holds a valid `ClaimTopics.VENUE` claim from an issuer the
///      token's TrustedIssuersRegistry trusts for that topic. The flag is set only through
///      `ModularCompliance.callModuleFunction`, i.e. by the compliance owner (the BridgeGateway).
contract RemediationModule is AbstractModule {
    /// @notice Whether the asset bound to a compliance (the key) is in remediation.
    mapping(address => bool) public inRemediation;

    /// @notice The remediation flag of `compliance` changed to `on`.
    event RemediationSet(address indexed compliance, bool on);

    /// @notice Turns remediation on or off for the calling compliance; repeating the current value
    ///         changes nothing and emits nothing, so the gateway may resend a legal state.
    function setRemediation(bool on) external onlyComplianceCall {
        if (inRemediation[msg.sender] == on) return;
        inRemediation[msg.sender] = on;
        emit RemediationSet(msg.sender, on);
    }

    /// @inheritdoc IModule
    /// @dev Outside remediation this is one storage read. In remediation it refuses a receiver that
    ///      is a lending venue; a venue claim whose validity check reverts counts as valid (fail
    ///      closed: in doubt, no new collateral).
    function moduleCheck(address, address to, uint256, address compliance) external view override returns (bool) {
        if (!inRemediation[compliance]) return true;
        return !isVenue(compliance, to);
    }

    /// @notice Whether `wallet` is a lending venue for the token bound to `compliance`.
    function isVenue(address compliance, address wallet) public view returns (bool) {
        IIdentityRegistry registry = IToken(IModularCompliance(compliance).getTokenBound()).identityRegistry();
        IIdentity identity = registry.identity(wallet);
        if (address(identity) == address(0)) return false;
        bytes32[] memory claimIds = identity.getClaimIdsByTopic(ClaimTopics.VENUE);
        if (claimIds.length == 0) return false;
        ITrustedIssuersRegistry issuers = registry.issuersRegistry();
        for (uint256 i = 0; i < claimIds.length; ++i) {
            (uint256 topic, , address issuer, bytes memory signature, bytes memory data, ) = identity.getClaim(claimIds[i]);
            if (topic != ClaimTopics.VENUE || !issuers.hasClaimTopic(issuer, ClaimTopics.VENUE)) continue;
            try IClaimIssuer(issuer).isClaimValid(identity, ClaimTopics.VENUE, signature, data) returns (bool valid) {
                if (valid) return true;
            } catch {
                return true;
            }
        }
        return false;
    }

    /// @inheritdoc IModule
    /// @dev The module keeps no per-transfer state. The hooks are left open: restricting a no-op to
    ///      bound compliances would only add a cold storage read (about 2k gas) to every transfer.
    function moduleTransferAction(address, address, uint256) external override {}

    /// @inheritdoc IModule
    function moduleMintAction(address, uint256) external override {}

    /// @inheritdoc IModule
    function moduleBurnAction(address, uint256) external override {}

    /// @inheritdoc IModule
    function canComplianceBind(address) external pure override returns (bool) {
        return true;
    }

    /// @inheritdoc IModule
    function isPlugAndPlay() external pure override returns (bool) {
        return true;
    }

    /// @inheritdoc IModule
    function name() external pure override returns (string memory) {
        return "RemediationModule";
    }
}
