import test from 'ava';
import { JURISDICTIONS } from '../policy/jurisdiction';
import { checkReceiverJurisdiction, checkSenderJurisdiction } from './jurisdiction-rule';
import { ruleTable } from './testing/rule-table';

ruleTable(test, 'the sender jurisdiction rule', 'sender-jurisdiction', checkSenderJurisdiction, [
  ['passes for an allowed jurisdiction', {}, 'OK', /CH is allowed by policy version 3/],
  ['fails for a blocked jurisdiction', { sender: { jurisdiction: 'IR' } }, 'JURISDICTION_BLOCKED_SENDER', /IR is blocked by policy version 3/],
  ['fails for a jurisdiction neither allowed nor blocked and lists the allowed ones', { sender: { jurisdiction: 'US' } }, 'JURISDICTION_NOT_ALLOWED_SENDER', /\(CH, DE and LI\)/],
  ['lets a block win over an allowance in a policy built by hand', { sender: { jurisdiction: 'CH' }, policy: { blockedJurisdictions: ['CH'] } }, 'JURISDICTION_BLOCKED_SENDER'],
]);

ruleTable(test, 'the receiver jurisdiction rule', 'receiver-jurisdiction', checkReceiverJurisdiction, [
  ['passes for an allowed jurisdiction', {}, 'OK'],
  ['fails for a blocked jurisdiction', { receiver: { jurisdiction: 'KP' } }, 'JURISDICTION_BLOCKED_RECEIVER'],
  ['fails for a jurisdiction not allowed', { receiver: { jurisdiction: 'FR' } }, 'JURISDICTION_NOT_ALLOWED_RECEIVER', /receiver's jurisdiction FR/],
  ['counts a long allowed list instead of listing it', { receiver: { jurisdiction: 'KP' }, policy: { allowedJurisdictions: JURISDICTIONS.filter((code) => code !== 'KP'), blockedJurisdictions: [] } }, 'JURISDICTION_NOT_ALLOWED_RECEIVER', /\(248 jurisdictions\)/],
]);
