import test from 'ava';
import { isTrestleError } from '../errors/trestle-error';
import { parseGatewayMessageRecord } from './gateway-message';
import { parseIdentityClaimsDocument } from './identity-claims';

const ADDRESS = `0x${'ab'.repeat(20)}`;
const claim = { topic: '1', issuer: ADDRESS, signature: `0x${'11'.repeat(65)}`, data: '0x' };

function registration(fields: Record<string, unknown>): Record<string, unknown> {
  return {
    chainId: '31337',
    type: 'RegisterIdentity',
    nonce: '1',
    verifyingContract: ADDRESS,
    fields,
    reason: 'Mirror',
    proposedBy: 'x509::/CN=admin::/CN=ca',
    proposerMsp: 'BankAMSP',
    proposedAt: '2026-06-01T00:00:00.000Z',
    status: 'PROPOSED',
    signatures: [],
    evmTxHash: null,
    relayedAt: null,
  };
}

const complete = { token: ADDRESS, wallet: ADDRESS, investorRef: `0x${'cd'.repeat(32)}`, country: 756, claimsHash: `0x${'ef'.repeat(32)}`, identity: ADDRESS, claims: [claim] };

test('a claims document holds an identity and one to four well-formed claims', (t) => {
  t.deepEqual(parseIdentityClaimsDocument(JSON.stringify({ identity: ADDRESS, claims: [claim] })), { identity: ADDRESS, claims: [claim] });
  for (const bad of [{ identity: ADDRESS, claims: [] }, { identity: '0x12', claims: [claim] }, { identity: ADDRESS, claims: [{ ...claim, data: '0xABC' }] }, { identity: ADDRESS, claims: [{ ...claim, topic: '0' }] }, { identity: ADDRESS, claims: [claim, claim, claim, claim, claim] }]) {
    t.true(isTrestleError(t.throws(() => parseIdentityClaimsDocument(JSON.stringify(bad))), 'BRIDGE_CLAIM_INVALID'), JSON.stringify(bad));
  }
});

test('a RegisterIdentity record needs every field the relayer submits; a RevokeIdentity its token and wallet', (t) => {
  t.like(parseGatewayMessageRecord(registration(complete)).fields, { country: 756, identity: ADDRESS });
  for (const missing of ['claims', 'identity', 'claimsHash', 'country', 'investorRef']) {
    const fields = Object.fromEntries(Object.entries(complete).filter(([key]) => key !== missing));
    t.true(isTrestleError(t.throws(() => parseGatewayMessageRecord(registration(fields))), 'RECORD_MALFORMED'), missing);
  }
  t.like(parseGatewayMessageRecord({ ...registration({ token: ADDRESS, wallet: ADDRESS }), type: 'RevokeIdentity' }).fields, { wallet: ADDRESS });
  t.true(isTrestleError(t.throws(() => parseGatewayMessageRecord({ ...registration({ token: ADDRESS }), type: 'RevokeIdentity' })), 'RECORD_MALFORMED'));
});
