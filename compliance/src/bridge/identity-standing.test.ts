import test from 'ava';
import { KYC_GRACE_SECONDS } from '../ledger/kyc-phase';
import { registrationRefusal, revocationGround } from './identity-standing';

const NOW = 1_800_000_000;
const good = { kycStatus: 'active', kycExpiresAt: NOW + 86_400, sanctions: { status: 'clear', listVersion: 'SDN 1', screenedAt: NOW - 10 }, piiErasure: null } as const;
const erased = { erasedAt: '2027-01-01T00:00:00.000Z', erasedBy: 'x509::/CN=o', reason: 'Request' };

test('an active, clear investor whose KYC is current or in grace may be registered, and stays', (t) => {
  t.is(registrationRefusal(good, NOW), undefined);
  t.is(registrationRefusal({ ...good, kycExpiresAt: NOW - KYC_GRACE_SECONDS + 60 }, NOW), undefined, 'grace counts as current on the gateway');
  t.is(revocationGround(good), undefined);
});

test('suspended, revoked, erased, sanctioned or repay-only investors are not registered', (t) => {
  t.regex(registrationRefusal({ ...good, kycStatus: 'suspended' }, NOW) ?? '', /suspended/);
  t.regex(registrationRefusal({ ...good, kycStatus: 'revoked' }, NOW) ?? '', /revoked/);
  t.regex(registrationRefusal({ ...good, piiErasure: erased }, NOW) ?? '', /erased/);
  t.regex(registrationRefusal({ ...good, sanctions: { ...good.sanctions, status: 'hit' } }, NOW) ?? '', /sanctions/);
  t.regex(registrationRefusal({ ...good, kycExpiresAt: NOW - KYC_GRACE_SECONDS - 60 }, NOW) ?? '', /expired/);
});

test('revoked, erased and sanctioned investors leave the registry; suspended and expired ones stay (their KYC phase freezes them)', (t) => {
  t.regex(revocationGround({ ...good, kycStatus: 'revoked' }) ?? '', /revoked/);
  t.regex(revocationGround({ ...good, piiErasure: erased }) ?? '', /erased/);
  t.regex(revocationGround({ ...good, sanctions: { ...good.sanctions, status: 'hit' } }) ?? '', /sanctions/);
  t.is(revocationGround({ ...good, kycStatus: 'suspended' }), undefined);
  t.is(revocationGround({ ...good, kycExpiresAt: NOW - 365 * 86_400 }), undefined);
});
