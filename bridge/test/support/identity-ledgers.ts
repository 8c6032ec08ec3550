import '@trestle/chaincode/src/testing/quiet-fabric-logs';
import { BridgeContract } from '@trestle/chaincode/src/bridge/bridge-contract';
import { BRIDGE_DESK } from '@trestle/chaincode/src/testing/bridge-story';
import { InProcessContract } from '@trestle/chaincode/src/testing/in-process-contract';
import { AFTER_LOCKUP } from '@trestle/chaincode/src/testing/transfer-story';
import path from 'node:path';
import { ValidatorNode } from '../../src/node/validator-node';
import { FileCheckpoint } from '../../src/validator/checkpoint';
import { identityFactoryOf } from '../../src/validator/kyc-claimant';
import { validatorsOnLedger } from '../../src/validator/registration-check';
import { chaincodeBridge, CONFIRMATIONS, type ChaincodeBridge } from './chaincode-ledgers';
import { assetFixture, type AssetFixtureOptions } from './fixtures';

// Like chaincode-ledgers.ts, for identity mirroring: the chain configuration names the devnet's
// ClaimIssuer, and anna's wallet is bound on the ledger (the in-process stub) but NOT registered on
// the token, so the ledger's path is the only way it becomes verified.

export interface IdentityBridge extends ChaincodeBridge {
  readonly claimIssuer: string;
  /** BankA's view of the ledger's BridgeContract (for the validators list). */
  readonly bridgeContract: InProcessContract;
}

/** A devnet asset (`asset` options, say more allowed countries) and the ledger story bridged to it with a ClaimIssuer; anna's wallet bound, not registered. */
export async function identityBridge(asset: AssetFixtureOptions = {}): Promise<IdentityBridge> {
  const s = await chaincodeBridge(() => assetFixture(asset), { registerHolder: false, claimIssuer: true });
  const bridgeContract = new InProcessContract(new BridgeContract(), s.worldState, BRIDGE_DESK.validatorA, () => AFTER_LOCKUP);
  return { ...s, claimIssuer: s.a.infra.claimIssuer, bridgeContract };
}

/** The banks of the story, in the order of `ChaincodeBridge`'s ledgers, messages and signers. */
export const BRIDGE_BANKS = ['BankAMSP', 'BankBMSP', 'BankCMSP'] as const;

/**
 * The three banks' ValidatorNodes mirroring identities, as `trestle validator start` builds them
 * (checkpoints under `dir`, not started); BankC's relays. Each logs through `log` with its bank.
 */
export async function identityNodes(s: IdentityBridge, dir: string, log: (bank: string, line: string) => void): Promise<ValidatorNode[]> {
  const a = s.a;
  const startBlock = await a.provider.getBlockNumber();
  const identities = { claimIssuer: s.claimIssuer, idFactory: await identityFactoryOf(a.gateway), validatorOfBank: validatorsOnLedger(s.bridgeContract) };
  return BRIDGE_BANKS.map(
    (bank, index) =>
      new ValidatorNode({
        bank,
        signer: s.signers[index]!,
        provider: a.provider,
        gateway: a.gateway,
        ledger: s.ledgers[index]!,
        messages: s.messages[index]!,
        identities,
        checkpoint: new FileCheckpoint(path.join(dir, `bank-${index}.json`)),
        confirmations: CONFIRMATIONS,
        startBlock,
        ...(index === 2 ? { relayer: { sender: s.relayerAccount } } : {}),
        log: (line) => log(bank, line),
      }),
  );
}
