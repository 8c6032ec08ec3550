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
/// @notice T-REX modular-compliance module that carries legal state from Fabric. The asset's
///         REMEDIATION: while it is on, no units may move to a lending venue (no new collateral),
///         while transfers out of venues (collateral withdrawals, liquidation payouts) stay allowed,
///         so borrowers can still repay and unwind. A holder's KYC phase: a repay-only wallet may
///         send units and take its collateral back from a venue, but receives nothing else and
///         supplies no collateral; a frozen wallet neither sends nor receives.
/// @dev One module instance serves many compliances; state is keyed by the compliance address. A
///      venue is a wallet whose ONCHAINID holds a valid `ClaimTopics.VENUE` claim from an issuer the
///      token's TrustedIssuersRegistry trusts for that topic. The flag is set only through
///      `ModularCompliance.callModuleFunction`, i.e. by the compliance owner (the BridgeGateway).
contract RemediationModule is AbstractModule {
    /// @notice Whether the asset bound to a compliance (the key) is in remediation.
    mapping(address => bool) public inRemediation;

    /// @notice A holder's KYC phase (0 current, 1 repay-only, 2 frozen), per compliance and wallet.
    mapping(address => mapping(address => uint8)) public kycPhase;

    uint8 internal constant REPAY_ONLY = 1;
    uint8 internal constant FROZEN = 2;

    /// @notice The remediation flag of `compliance` changed to `on`.
    event RemediationSet(address indexed compliance, bool on);

    /// @notice `wallet`'s KYC phase under `compliance` changed to `phase`.
    event KycPhaseSet(address indexed compliance, address indexed wallet, uint8 phase);

    /// @notice A KYC phase outside 0..2.
    error KycPhaseUnknown(uint8 phase);

    /// @notice Turns remediation on or off for the calling compliance; repeating the current value
    ///         changes nothing and emits nothing, so the gateway may resend a legal state.
    function setRemediation(bool on) external onlyComplianceCall {
        if (inRemediation[msg.sender] == on) return;
        inRemediation[msg.sender] = on;
        emit RemediationSet(msg.sender, on);
    }

    /// @notice Sets `wallet`'s KYC phase for the calling compliance; repeating it changes nothing.
    function setKycPhase(address wallet, uint8 phase) external onlyComplianceCall {
        if (phase > FROZEN) revert KycPhaseUnknown(phase);
        if (kycPhase[msg.sender][wallet] == phase) return;
        kycPhase[msg.sender][wallet] = phase;
        emit KycPhaseSet(msg.sender, wallet, phase);
    }

    /// @inheritdoc IModule
    /// @dev For current holders outside remediation this is three storage reads (two for a mint). Venue checks (an
    ///      identity and claim lookup) run only when a phase or remediation calls for them; a venue
    ///      claim whose validity check reverts counts as valid (fail closed: in doubt, no new
    ///      collateral, and a repay-only wallet receives only what is clearly a withdrawal).
    function moduleCheck(address from, address to, uint256, address compliance) external view override returns (bool) {
        // A mint comes from address(0), which has no phase: skipping its read saves a cold SLOAD per mint.
        uint8 fromPhase = from == address(0) ? 0 : kycPhase[compliance][from];
        uint8 toPhase = kycPhase[compliance][to];
        if (fromPhase == FROZEN || toPhase == FROZEN) return false;
        if (toPhase == REPAY_ONLY && !isVenue(compliance, from)) return false;
        if ((fromPhase == REPAY_ONLY || inRemediation[compliance]) && isVenue(compliance, to)) return false;
        return true;
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
