import test from 'ava';

// Serial, like every devnet test here.
import { AssetContract } from '@trestle/chaincode/src/assets/asset-contract';
import { CAST, tx, unixSeconds } from '@trestle/chaincode/src/testing/ledger-cast';
import { ASSET_ID, json, valuationDocument } from '@trestle/chaincode/src/testing/ledger-documents';
import { AFTER_LOCKUP } from '@trestle/chaincode/src/testing/transfer-story';
import { GatewayMessageRelayer } from '../../src/relayer/gateway-message-relayer';
import { GatewayMessageSigning } from '../../src/validator/gateway-message-signing';
import { LedgerMirror } from '../../src/validator/ledger-mirror';
import { chaincodeBridge, type ChaincodeBridge } from '../support/chaincode-ledgers';
import { marketFixture, type MarketFixture } from '../support/fixtures';

// Valuations valid well beyond the clock other devnet tests move forward.
const VALID_UNTIL = unixSeconds('2036-01-01T00:00:00Z');

/** Records a valuation of the asset in US cents and has bank A's mirror propose its Nav message. */
async function appraise(s: ChaincodeBridge<MarketFixture>, cents: bigint, effectiveDate: string): Promise<void> {
  await new AssetContract().RecordValuation(tx(CAST.appraiser, s.worldState, { at: AFTER_LOCKUP }).ctx, ASSET_ID, json(valuationDocument({ amount: cents.toString(), currency: 'USD', effectiveDate, validUntil: VALID_UNTIL })));
  await new LedgerMirror(s.messages[0]!).pass();
}

const sign = (s: ChaincodeBridge<MarketFixture>, index: number) => new GatewayMessageSigning({ signer: s.signers[index]!, ledger: s.messages[index]! }).signOpen();
const relay = async (s: ChaincodeBridge<MarketFixture>) =>
  (await new GatewayMessageRelayer({ ledger: s.messages[2]!, gateway: s.gateway, sender: s.relayerAccount }).relayOpen()).map((outcome) => ('have' in outcome ? `${outcome.kind} ${outcome.type} ${outcome.have}/${outcome.need}` : `${outcome.kind} ${outcome.type}`));

// On the real network the banks' validators sign in their own passes, so a relayer can find a NAV
// signed by the threshold and not yet by the third bank (network/test/lending/lending-real.test.ts).
test.serial('a NAV beyond the oracle bound waits for the super threshold instead of reverting; one within the bound goes with the threshold', async (t) => {
  const s = await chaincodeBridge(() => marketFixture({ decimals: 6 }));
  const m = s.a;
  const navOf = async () => ((await m.oracle.latestNav()) as { navPerUnit: bigint }).navPerUnit;
  const before = await navOf();

  // $100,000,000 for the 1,000,000 base units: far above the fixture's $100 per unit.
  await appraise(s, 10_000_000_000n, '2026-05-01');
  for (const index of [0, 1]) await sign(s, index);
  t.deepEqual(await relay(s), ['quorum-not-met Nav 2/3'], 'two of three signatures do not carry a NAV beyond the bound');
  t.is(await navOf(), before, 'nothing sent');
  await sign(s, 2);
  t.deepEqual(await relay(s), ['relayed Nav']);
  t.is(await navOf(), 100_000_000n * 10n ** 18n);

  // 5% lower: within the 10% bound, the threshold carries it.
  await appraise(s, 9_500_000_000n, '2026-05-02');
  for (const index of [0, 1]) await sign(s, index);
  t.deepEqual(await relay(s), ['relayed Nav']);
  t.is(await navOf(), 95_000_000n * 10n ** 18n);
});
