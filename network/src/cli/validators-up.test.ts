import test from 'ava';
import { CHAIN_CONFIG, ledgerForBridge } from '@trestle/chaincode/src/testing/bridge-story';
import { parseActingIdentity } from './ledger/acting-identity';
import { CLI_WALLET } from './ledger/testing/cli-wallet';
import { inProcessSessions } from './ledger/testing/in-process-sessions';
import { bridgeChainRecord } from './validators-up';

// npm start's validator task reads the chain's configuration before it proposes one: on a fresh
// consortium no bank has proposed any, which the chaincode answers with BRIDGE_CHAIN_UNKNOWN. The
// real BridgeContract runs here on the stubbed context; bankA/bob is an operator (bridge-story.ts).

test('a chain nobody proposed a configuration for reads as none, so a fresh consortium gets one proposed; a configured chain reads as its record', async (t) => {
  const open = inProcessSessions(await ledgerForBridge(), CLI_WALLET, () => new Date('2026-06-01T00:00:00Z'));
  const session = await open(parseActingIdentity('bankA/bob'));
  try {
    t.is(await bridgeChainRecord(session, '11155111'), undefined);
    const configured = await bridgeChainRecord(session, CHAIN_CONFIG.chainId);
    t.is(configured?.active?.gateway, CHAIN_CONFIG.gateway);
  } finally {
    await session.close();
  }
});

test('any other refusal is not taken for a missing configuration', async (t) => {
  const open = inProcessSessions(await ledgerForBridge(), CLI_WALLET, () => new Date('2026-06-01T00:00:00Z'));
  const session = await open(parseActingIdentity('bankA/bob'));
  try {
    // A chain id that is not a number is refused as bad input, which must surface, not read as "none yet".
    const error = await t.throwsAsync(bridgeChainRecord(session, 'mainnet'));
    t.regex(error?.message ?? '', /\[[A-Z_]+\]/);
    t.notRegex(error?.message ?? '', /BRIDGE_CHAIN_UNKNOWN/);
  } finally {
    await session.close();
  }
});
