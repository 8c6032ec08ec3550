import '../testing/quiet-fabric-logs';
import test from 'ava';
import { getAddress, type Wallet } from 'ethers';
import type { GatewayMessageRecord } from '@trestle/compliance/src/bridge/gateway-message';
import { ledgerMessageTypedData } from '@trestle/compliance/src/bridge/gateway-message-typed-data';
import { investorRef } from '@trestle/compliance/src/bridge/investor-ref';
import { InvestorContract } from '../investors/investor-contract';
import { tx } from '../testing/ledger-cast';
import { ONE_YEAR_LATER } from '../testing/ledger-documents';
import { DESK } from '../testing/transfer-story';
import { INVESTORS } from '../testing/ledger-story';
import { refused } from '../testing/refusal';
import type { TestIdentity, WorldState } from '../testing/stub-context';
import { CHAIN_CONFIG, BRIDGE_DESK, ledgerForBridge, TOKEN, VALIDATOR_KEYS, WALLETS } from '../testing/bridge-story';
import { GatewayMessageContract } from './gateway-message-contract';
import { identityClaimsHash } from './identity-claim-check';
import { ANNA_IDENTITY, IDENTITY_CHAIN_CONFIG, kycClaimsDocument } from './identity-story';

// Identity mirroring on the stubbed context: a bank's validator proposes registering its own
// investor's bound wallet with a KYC claim it signed; any bank's validator proposes the revocation.

const messages = new GatewayMessageContract();
const chain = CHAIN_CONFIG.chainId;
const identityChain = IDENTITY_CHAIN_CONFIG;
const IDENTITY = ANNA_IDENTITY;

/** A KYC claim for anna's identity signed by `key`, as the JSON the ledger takes. */
const claimsJson = async (key: Wallet, overrides: Parameters<typeof kycClaimsDocument>[1] = {}): Promise<string> => JSON.stringify(kycClaimsDocument(key, overrides));

const open = async (worldState: WorldState): Promise<GatewayMessageRecord[]> => JSON.parse(await messages.ListOpenGatewayMessages(tx(BRIDGE_DESK.validatorC, worldState).ctx, chain)) as GatewayMessageRecord[];
const drift = async (worldState: WorldState) =>
  (JSON.parse(await messages.ListMirrorDrift(tx(BRIDGE_DESK.validatorC, worldState).ctx, chain)) as { type: string; wallet?: string; bank?: string }[]).filter((entry) => entry.type.endsWith('Identity'));

async function proposeAnna(worldState: WorldState): Promise<GatewayMessageRecord> {
  await messages.ProposeIdentityRegistration(tx(BRIDGE_DESK.validatorA, worldState).ctx, chain, TOKEN, WALLETS.anna.address, await claimsJson(VALIDATOR_KEYS.A), "Mirror anna's wallet");
  const [record] = (await open(worldState)).filter((entry) => entry.type === 'RegisterIdentity');
  if (record === undefined) throw new Error('no RegisterIdentity open');
  return record;
}

/** Banks A and B sign `record`, bank C records it relayed. */
async function carry(worldState: WorldState, record: GatewayMessageRecord): Promise<void> {
  const { domain, types, value } = ledgerMessageTypedData(record);
  for (const [validator, key] of [[BRIDGE_DESK.validatorA, VALIDATOR_KEYS.A], [BRIDGE_DESK.validatorB, VALIDATOR_KEYS.B]] as const) {
    await messages.RecordGatewaySignature(tx(validator, worldState).ctx, chain, record.type, record.verifyingContract, record.nonce, await key.signTypedData(domain, types, value));
  }
  await messages.RecordGatewayRelayed(tx(BRIDGE_DESK.validatorC, worldState).ctx, chain, record.type, record.verifyingContract, record.nonce, `0x${'ab'.repeat(32)}`);
}

test("BankA's validator proposes registering anna's wallet: the ledger fills in her investorRef and Swiss country number and keeps the claim it hashed", async (t) => {
  const worldState = await ledgerForBridge({ chain: identityChain });
  t.deepEqual((await drift(worldState)).map((entry) => [entry.type, entry.wallet, entry.bank]).sort(), [
    ['RegisterIdentity', WALLETS.anna.address, 'BankAMSP'],
    ['RegisterIdentity', WALLETS.chloe.address, 'BankBMSP'],
  ].sort(), 'each bound wallet of an eligible investor, marked with the bank that can sign its claim');
  const record = await proposeAnna(worldState);
  t.like(record, { type: 'RegisterIdentity', nonce: '1', verifyingContract: CHAIN_CONFIG.gateway, proposerMsp: 'BankAMSP', status: 'PROPOSED' });
  t.like(record.fields, { token: TOKEN, wallet: WALLETS.anna.address, investorRef: investorRef(INVESTORS.annaA), country: 756, identity: IDENTITY });
  t.is(record.fields.claims?.length, 1);
  t.is(record.fields.claimsHash, identityClaimsHash(record.fields.claims ?? []));
  t.deepEqual(Object.keys(ledgerMessageTypedData(record).value), ['token', 'wallet', 'investorRef', 'country', 'claimsHash', 'nonce'], 'only the struct is signed');
  t.deepEqual((await drift(worldState)).map((entry) => entry.wallet), [WALLETS.chloe.address], 'an open registration is not drift');
  await messages.ProposeIdentityRegistration(tx(BRIDGE_DESK.validatorA, worldState).ctx, chain, TOKEN, WALLETS.anna.address, await claimsJson(VALIDATOR_KEYS.A), 'Again');
  t.is((await open(worldState)).length, 1, 'the same registration again is a no-op');
});

test('a registration is refused, writing nothing, for another bank, an unbound wallet, a foreign or malformed claim, a chain without ClaimIssuer', async (t) => {
  const worldState = await ledgerForBridge({ chain: identityChain });
  const propose = (wallet: string, json: string) => (ctx: Parameters<typeof messages.ProposeIdentityRegistration>[0]) => messages.ProposeIdentityRegistration(ctx, chain, TOKEN, wallet, json, 'Mirror');
  const A = BRIDGE_DESK.validatorA;
  await refused(t, worldState, BRIDGE_DESK.validatorB, 'CALLER_OF_OTHER_BANK', propose(WALLETS.anna.address, await claimsJson(VALIDATOR_KEYS.B)));
  await refused(t, worldState, A, 'BRIDGE_WALLET_MISMATCH', propose('0x000000000000000000000000000000000000dEaD', await claimsJson(VALIDATOR_KEYS.A)));
  await refused(t, worldState, A, 'BRIDGE_SIGNER_MISMATCH', propose(WALLETS.anna.address, await claimsJson(VALIDATOR_KEYS.B)));
  await refused(t, worldState, A, 'BRIDGE_CLAIM_INVALID', propose(WALLETS.anna.address, await claimsJson(VALIDATOR_KEYS.A, { topic: '2' })));
  await refused(t, worldState, A, 'BRIDGE_CLAIM_INVALID', propose(WALLETS.anna.address, await claimsJson(VALIDATOR_KEYS.A, { count: 2 })));
  await refused(t, worldState, A, 'BRIDGE_CLAIM_INVALID', propose(WALLETS.anna.address, await claimsJson(VALIDATOR_KEYS.A, { issuer: '0x000000000000000000000000000000000000bEEF' })));
  await refused(t, worldState, A, 'BRIDGE_CLAIM_INVALID', propose(WALLETS.anna.address, '{"identity":"0x12","claims":[]}'));
  await refused(t, worldState, A, 'BRIDGE_TOKEN_UNKNOWN', (ctx) => messages.ProposeIdentityRegistration(ctx, chain, '0x000000000000000000000000000000000000bEEF', WALLETS.anna.address, '{}', 'Mirror'));
  await refused(t, worldState, A, 'BRIDGE_OUT_INVALID', (ctx) => messages.ProposeGatewayMessage(ctx, chain, 'RegisterIdentity', TOKEN, 'Needs a wallet and claims'));
  await refused(t, worldState, DESK.officerA, 'CALLER_LACKS_ROLE', propose(WALLETS.anna.address, await claimsJson(VALIDATOR_KEYS.A)));
  const plain = await ledgerForBridge();
  await refused(t, plain, A, 'BRIDGE_CLAIM_ISSUER_MISSING', propose(WALLETS.anna.address, await claimsJson(VALIDATOR_KEYS.A)));
  t.deepEqual(await drift(plain), [], 'no ClaimIssuer, no identity drift');
});

const investors = new InvestorContract();
const officerA: TestIdentity = DESK.officerA;

test('a registration is refused for a suspended, sanctioned or expired (past grace) investor', async (t) => {
  // Past anna's and chloe's KYC expiry and its 30-day grace: both repay-only.
  const expired = { at: new Date((ONE_YEAR_LATER + 31 * 86_400) * 1000) };
  for (const [label, change, when] of [
    ['suspended', (worldState: WorldState) => investors.SuspendInvestor(tx(officerA, worldState).ctx, INVESTORS.annaA, 'Review'), {}],
    ['sanctions hit', (worldState: WorldState) => investors.RecordScreening(tx(officerA, worldState).ctx, INVESTORS.annaA, JSON.stringify({ status: 'hit', listVersion: 'SDN 2026-03-02', matches: [{ uid: 'SDN-1', score: 0.97 }] })), {}],
    ['expired', async () => undefined, expired],
  ] as const) {
    const worldState = await ledgerForBridge({ chain: identityChain });
    await change(worldState);
    const claim = await claimsJson(VALIDATOR_KEYS.A);
    await refused(t, worldState, BRIDGE_DESK.validatorA, 'BRIDGE_IDENTITY_INELIGIBLE', (ctx) => messages.ProposeIdentityRegistration(ctx, chain, TOKEN, WALLETS.anna.address, claim, label), when);
    const entries = JSON.parse(await messages.ListMirrorDrift(tx(BRIDGE_DESK.validatorC, worldState, when).ctx, chain)) as { type: string; wallet?: string }[];
    t.false(entries.some((entry) => entry.type === 'RegisterIdentity' && entry.wallet === WALLETS.anna.address), `${label}: not drift`);
  }
});

test('registered then revoked: anna REVOKED makes a RevokeIdentity drift any bank may propose, numbered after her registration, and relaying it clears the drift', async (t) => {
  const worldState = await ledgerForBridge({ chain: identityChain });
  await carry(worldState, await proposeAnna(worldState));
  await investors.RevokeInvestor(tx(officerA, worldState).ctx, INVESTORS.annaA, 'Relationship ended');
  t.deepEqual((await drift(worldState)).map((entry) => [entry.type, entry.wallet]).sort(), [
    ['RegisterIdentity', WALLETS.chloe.address],
    ['RevokeIdentity', WALLETS.anna.address],
  ]);
  await messages.ProposeIdentityRevocation(tx(BRIDGE_DESK.validatorC, worldState).ctx, chain, TOKEN, WALLETS.anna.address, 'Revoked on the ledger');
  const [revoke] = (await open(worldState)).filter((entry) => entry.type === 'RevokeIdentity');
  t.like(revoke, { nonce: '2', proposerMsp: 'BankCMSP', fields: { token: TOKEN, wallet: WALLETS.anna.address } }, 'one counter for both types: the gateway orders them as one sequence');
  t.deepEqual(Object.keys(revoke?.fields ?? {}).sort(), ['token', 'wallet']);
  await carry(worldState, revoke!);
  t.deepEqual((await drift(worldState)).map((entry) => entry.wallet), [WALLETS.chloe.address], 'revoked: no drift left for anna');
  await messages.ProposeIdentityRevocation(tx(BRIDGE_DESK.validatorB, worldState).ctx, chain, TOKEN, WALLETS.anna.address, 'Again');
  t.deepEqual((await open(worldState)).filter((entry) => entry.type === 'RevokeIdentity'), [], 'revoking a revoked wallet is a no-op');
});

test('a sanctions hit does not wait for an open registration: proposing the revocation takes the SIGNED registration off the work list', async (t) => {
  const worldState = await ledgerForBridge({ chain: identityChain });
  const registration = await proposeAnna(worldState);
  const { domain, types, value } = ledgerMessageTypedData(registration);
  for (const [validator, key] of [[BRIDGE_DESK.validatorA, VALIDATOR_KEYS.A], [BRIDGE_DESK.validatorB, VALIDATOR_KEYS.B]] as const) {
    await messages.RecordGatewaySignature(tx(validator, worldState).ctx, chain, 'RegisterIdentity', registration.verifyingContract, registration.nonce, await key.signTypedData(domain, types, value));
  }
  await investors.RecordScreening(tx(officerA, worldState).ctx, INVESTORS.annaA, JSON.stringify({ status: 'hit', listVersion: 'SDN 2026-03-02', matches: [{ uid: 'SDN-1', score: 0.97 }] }));
  await messages.ProposeIdentityRevocation(tx(BRIDGE_DESK.validatorC, worldState).ctx, chain, TOKEN, WALLETS.anna.address, 'Sanctions hit');
  const annas = async () => (await open(worldState)).filter((entry) => entry.fields.wallet === WALLETS.anna.address).map((entry) => [entry.type, entry.nonce]);
  t.deepEqual(await annas(), [], 'the registration left the work list, and the gateway holds nothing to revoke');

  // A relayer that had fetched the SIGNED registration before carried it anyway, and records it late.
  await messages.RecordGatewayRelayed(tx(BRIDGE_DESK.validatorC, worldState).ctx, chain, 'RegisterIdentity', registration.verifyingContract, registration.nonce, `0x${'cd'.repeat(32)}`);
  t.true((await drift(worldState)).some((entry) => entry.type === 'RevokeIdentity' && entry.wallet === WALLETS.anna.address), 'the late relay shows as drift to revoke');
  await messages.ProposeIdentityRevocation(tx(BRIDGE_DESK.validatorC, worldState).ctx, chain, TOKEN, WALLETS.anna.address, 'Sanctions hit');
  t.deepEqual(await annas(), [['RevokeIdentity', '2']], 'numbered after the registration: the gateway applies it after');
  await carry(worldState, (await open(worldState)).find((entry) => entry.type === 'RevokeIdentity')!);
  t.false((await drift(worldState)).some((entry) => entry.wallet === WALLETS.anna.address), 'the ledger notes anna revoked, as the gateway holds');
});

test('a new registration replaces an open one, signed or not: the newest decision wins', async (t) => {
  const worldState = await ledgerForBridge({ chain: identityChain });
  const wrong = getAddress(`0x${'2e'.repeat(20)}`);
  await messages.ProposeIdentityRegistration(tx(BRIDGE_DESK.validatorA, worldState).ctx, chain, TOKEN, WALLETS.anna.address, await claimsJson(VALIDATOR_KEYS.A, { identity: wrong }), 'Wrong identity');
  const replacement = await proposeAnna(worldState);
  t.deepEqual((await open(worldState)).map((record) => [record.nonce, record.fields.identity]), [['2', IDENTITY]], 'the first left the work list');
  const { domain, types, value } = ledgerMessageTypedData(replacement);
  for (const [validator, key] of [[BRIDGE_DESK.validatorA, VALIDATOR_KEYS.A], [BRIDGE_DESK.validatorB, VALIDATOR_KEYS.B]] as const) {
    await messages.RecordGatewaySignature(tx(validator, worldState).ctx, chain, 'RegisterIdentity', replacement.verifyingContract, replacement.nonce, await key.signTypedData(domain, types, value));
  }
  await messages.ProposeIdentityRegistration(tx(BRIDGE_DESK.validatorA, worldState).ctx, chain, TOKEN, WALLETS.anna.address, await claimsJson(VALIDATOR_KEYS.A, { identity: wrong }), 'Proposed again');
  t.deepEqual((await open(worldState)).map((record) => [record.nonce, record.fields.identity]), [['3', wrong]], 'the SIGNED one left too: relayed now, the gateway would refuse it as older');
});

test('a revocation is refused, writing nothing, while the investor is in good standing', async (t) => {
  const worldState = await ledgerForBridge({ chain: identityChain });
  await refused(t, worldState, BRIDGE_DESK.validatorB, 'BRIDGE_IDENTITY_INELIGIBLE', (ctx) => messages.ProposeIdentityRevocation(ctx, chain, TOKEN, WALLETS.anna.address, 'No reason'));
  await refused(t, worldState, BRIDGE_DESK.validatorB, 'BRIDGE_WALLET_MISMATCH', (ctx) => messages.ProposeIdentityRevocation(ctx, chain, TOKEN, '0x000000000000000000000000000000000000dEaD', 'Unbound'));
});
