import test from 'ava';
import { Wallet } from 'ethers';
import type { GatewayMessageRecord } from '@trestle/compliance/src/bridge/gateway-message';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import type { GatewayMessageLedger } from './gateway-message-ledger';
import { GatewayMessageSigning } from './gateway-message-signing';

// A unit test on a stub ledger playing the real network's race (network/test/lending/lending-real.test.ts):
// this bank lists an open SetLegalState, and before its signature arrives the two other banks'
// signatures have reached the threshold and their relayer carried it, so the ledger refuses it.

const MESSAGE: GatewayMessageRecord = {
  chainId: '31337',
  type: 'SetLegalState',
  nonce: '1',
  verifyingContract: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
  fields: { token: '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512', state: 1 },
  reason: 'The ledger holds REMEDIATION.',
  proposedBy: 'x509::CN=validator1',
  proposerMsp: 'BankAMSP',
  proposedAt: '2026-11-26T18:20:29.000Z',
  status: 'SIGNED',
  signatures: [],
  evmTxHash: null,
  relayedAt: null,
};

/** A ledger that refuses the signature as already RELAYED; `relayed` says whether it then lists the message as closed. */
function racedLedger(relayed: boolean): GatewayMessageLedger & { listings: number } {
  const ledger = {
    listings: 0,
    async openMessages() {
      ledger.listings += 1;
      return ledger.listings === 1 || !relayed ? [MESSAGE] : [];
    },
    async recordSignature() {
      throw new TrestleError('BRIDGE_OUT_STATE_CONFLICT', 'The SetLegalState message is already RELAYED; it needs no more signatures.', { details: { chainId: '31337', type: 'SetLegalState', nonce: '1' } });
    },
  };
  return ledger as unknown as GatewayMessageLedger & { listings: number };
}

test('a message carried by the other banks while this bank signed it is skipped, not a failure of the duty', async (t) => {
  const ledger = racedLedger(true);
  const signed = await new GatewayMessageSigning({ signer: Wallet.createRandom(), ledger }).signOpen();
  t.deepEqual(signed, [], 'nothing signed');
  t.is(ledger.listings, 2, 'the ledger was asked again whether the message is still open');
});

test('the same refusal for a message still open fails the duty', async (t) => {
  const error = await t.throwsAsync(new GatewayMessageSigning({ signer: Wallet.createRandom(), ledger: racedLedger(false) }).signOpen());
  t.is((error as TrestleError).code, 'BRIDGE_OUT_STATE_CONFLICT');
});
