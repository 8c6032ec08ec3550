import test from 'ava';

// Serial, like every devnet test here.
import path from 'node:path';
import { InvestorContract } from '@trestle/chaincode/src/investors/investor-contract';
import { tx } from '@trestle/chaincode/src/testing/ledger-cast';
import { INVESTORS } from '@trestle/chaincode/src/testing/ledger-story';
import { DESK } from '@trestle/chaincode/src/testing/transfer-story';
import { ValidatorNode } from '../../src/node/validator-node';
import { FileCheckpoint } from '../../src/plugin/public-api';
import { CONFIRMATIONS } from '../support/chaincode-ledgers';
import { eventually } from '../support/eventually';
import { identityBridge, identityNodes } from '../support/identity-ledgers';
import { tempDir } from './validator-keys';

// Three banks' ValidatorNodes, as `trestle validator start` builds them, mirror identities with
// nobody calling them: anna's wallet, bound on the ledger (the in-process stub: no Fabric peer here)
// and not registered on the token, becomes verified through BankA's claim and the quorum, and leaves
// the registry when the ledger revokes her.

test.serial('running validator nodes register a bound wallet on the token and revoke it when the ledger revokes the investor', async (t) => {
  const s = await identityBridge();
  const a = s.a;
  const logs: string[] = [];
  const nodes = await identityNodes(s, await tempDir('identity-nodes'), (_bank, line) => logs.push(line));
  const verified = async () => (await a.identityRegistry.isVerified(s.holder.address)) as boolean;
  t.false(await verified(), 'bound on the ledger, not registered on the token');
  for (const node of nodes) node.start(250);
  try {
    await eventually(verified, "anna's wallet becomes verified on the token");
    await new InvestorContract().RevokeInvestor(tx(DESK.officerA, s.worldState).ctx, INVESTORS.annaA, 'Relationship ended');
    await eventually(async () => !(await verified()), 'the revocation reaches the identity registry');
  } finally {
    for (const node of nodes) await node.stop();
  }
  t.deepEqual(logs, [], 'no duty failed on any pass');
});

test.serial('without identities, a node proposes and signs no registration: the wallet stays unverified', async (t) => {
  const s = await identityBridge();
  const a = s.a;
  const dir = await tempDir('identity-nodes-off');
  const startBlock = await a.provider.getBlockNumber();
  const nodes = ['BankAMSP', 'BankBMSP', 'BankCMSP'].map(
    (bank, index) =>
      new ValidatorNode({ bank, signer: s.signers[index]!, provider: a.provider, gateway: a.gateway, ledger: s.ledgers[index]!, messages: s.messages[index]!, checkpoint: new FileCheckpoint(path.join(dir, `bank-${index}.json`)), confirmations: CONFIRMATIONS, startBlock, ...(index === 2 ? { relayer: { sender: s.relayerAccount } } : {}) }),
  );
  for (const node of nodes) await node.pass();
  for (const node of nodes) await node.pass();
  t.false((await a.identityRegistry.isVerified(s.holder.address)) as boolean);
  t.deepEqual((await s.messages[0]!.openMessages()).filter((message) => message.type === 'RegisterIdentity'), []);
});
