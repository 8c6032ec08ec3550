import test from 'ava';
import { hexlify, randomBytes, Wallet } from 'ethers';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import type { DeployedContract } from '../evm/deploy-contract';
import type { PendingMint } from './attestation-ledger';
import { MintSigning } from './mint-signing';
import { InMemoryAttestationLedger } from './testing/in-memory-attestation-ledger';

// A unit test on stubs: the gateway answers every check as a live one would before the mint, and
// the ledger (in memory) plays the real network's race, where another bank's relayer records the
// mint between this validator's check and its signature's arrival.

const CHAIN_ID = 31337n;
const GATEWAY = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const MINT: PendingMint = { nonce: 7n, chainId: CHAIN_ID, token: '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512', to: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', amount: 100n, fabricTxId: hexlify(randomBytes(32)) };

/** The gateway as a validator checks it: this chain, this signer a validator, the asset configured, the nonce unused. */
const gateway = {
  runner: { provider: { getNetwork: async () => ({ chainId: CHAIN_ID }) } },
  getAddress: async () => GATEWAY,
  isValidator: async () => true,
  assetConfig: async () => [true, '', 0n],
  isNonceUsed: async () => false,
} as unknown as DeployedContract;

/** A ledger on which, as this validator's signature arrives, another bank's relayer has just recorded the mint (or, with `minted` false, something else refused it). */
class RacedLedger extends InMemoryAttestationLedger {
  constructor(private readonly minted: boolean) {
    super(2);
  }

  override async recordMintSignature(nonce: bigint): Promise<void> {
    if (this.minted) await this.recordMinted(nonce, hexlify(randomBytes(32)));
    throw new TrestleError('BRIDGE_OUT_STATE_CONFLICT', 'The bridge-out is already MINTED; it needs no more signatures.', { details: { nonce: nonce.toString() } });
  }
}

test('a bridge-out minted by another bank while this validator signed it is a refusal of that item, not a failure of the duty', async (t) => {
  const ledger = new RacedLedger(true);
  ledger.approve(MINT);
  const outcomes = await new MintSigning({ signer: Wallet.createRandom(), gateway, ledger }).signPending();
  t.is(outcomes.length, 1);
  t.like(outcomes[0], { kind: 'refused', nonce: 7n, error: { code: 'BRIDGE_NONCE_ALREADY_USED' } });
});

test('the same refusal for a bridge-out that is not minted still fails the duty', async (t) => {
  const ledger = new RacedLedger(false);
  ledger.approve(MINT);
  const error = await t.throwsAsync(new MintSigning({ signer: Wallet.createRandom(), gateway, ledger }).signPending());
  t.is((error as TrestleError).code, 'BRIDGE_OUT_STATE_CONFLICT');
});
