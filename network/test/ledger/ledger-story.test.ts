import '../support/fabric-quiet';
import path from 'node:path';
import test, { type ExecutionContext } from 'ava';
import { Wallet } from 'ethers';
import type { Asset } from '@trestle/compliance/src/ledger/asset';
import type { HoldingRecord } from '@trestle/compliance/src/ledger/holding';
import type { InvestorRecord } from '@trestle/compliance/src/ledger/investor';
import type { WalletBinding } from '@trestle/compliance/src/ledger/wallet-binding';
import { legalDocuments } from '@trestle/chaincode/src/testing/ledger-documents';
import { CHAIN_ID, signBinding } from '@trestle/chaincode/src/testing/test-wallets';
import { peerHome } from '../../src/fabric/node-config';
import { fabricTopology, type BankNode } from '../../src/fabric/topology';
import { testStack } from '../../src/stack/stack-config';
import { awaitEveryPeerDiscovered } from '../support/fabric-client';
import { ensurePeopleRoles, identityIdOf, uniqueSuffix } from '../support/ledger-people';
import { filesHolding } from './disk-scan';
import { awaitOnPeer, queryPeer, refusalOnPeer, type PeerQuery } from './peer-reads';
import { realCli } from './real-cli';
import { fullNameOf, storyFiles, storyIds } from './story-documents';

// Issue 3 on the real three-bank network (npm test's shared one, or the stack TRESTLE_HOME names):
// one rental building from its SPV to TOKENIZED, told through the project's own CLI, each step
// signed by the person the chaincode's roles call for; then what the in-process stub cannot show:
// PII kept by BankA's peer only, erased there, and wallet bindings checked on every endorser.

const stack = testStack();
const topology = fabricTopology(stack);
const [bankA, bankB, bankC] = topology.banks as [BankNode, BankNode, BankNode];
const cli = realCli(stack);
const ids = storyIds(uniqueSuffix());
const files = storyFiles(ids);
const { annaA, benA, chloeB } = ids.holders;

/** Where a bank's peer keeps everything it stores (node-config.ts fileSystemPath). */
const peerDataDir = (bank: BankNode) => path.join(peerHome(topology, bank), 'data');
/** A peer's ledger: blocks, world state, private data, history (not its transient store). */
const ledgerDir = (bank: BankNode) => path.join(peerDataDir(bank), 'ledgersData');

/** The regulator (a client org with no peer of its own) asking one bank's peer. */
const ritaOn = (peer: BankNode): PeerQuery => ({ org: 'regulator', label: 'rita', peer });

test.before(async () => {
  await ensurePeopleRoles(stack);
  // Per-peer queries need every peer found by discovery, for the orgs that ask them.
  for (const org of ['bankA', 'bankB', 'regulator'] as const) await awaitEveryPeerDiscovered(stack, org);
});

async function onboard(t: ExecutionContext, investorId: string, officer: string): Promise<InvestorRecord> {
  const printed = await cli.ok(t, 'investor', 'onboard', files.investors[investorId] as string, '--pii', files.pii(investorId), '--as', officer);
  t.regex(printed, new RegExp(`^investor ${investorId} onboarded at Bank[AB]MSP \\(active, PII hash [0-9a-f]{64}\\)$`));
  return cli.json<InvestorRecord>(t, 'investor', 'show', investorId, '--as', officer);
}

test.serial("one rental building: SPV, DRAFT, DOCUMENTED, VALUED by BankB's appraiser, APPROVED by BankC's officer (BankA's refused), TOKENIZED to three investors at two banks, read back from every bank's peer", async (t) => {
  const anna = await onboard(t, annaA, 'bankA/officer1');
  const ben = await onboard(t, benA, 'bankA/officer2');
  const chloe = await onboard(t, chloeB, 'bankB/officer1');
  t.deepEqual([anna.bankMsp, ben.bankMsp, chloe.bankMsp], [bankA.mspId, bankA.mspId, bankB.mspId]);

  t.is(await cli.ok(t, 'spv', 'register', files.spv, '--as', 'bankA/spvadmin1'), `spv ${ids.spvId} registered (administered by ${bankA.mspId})`);
  t.is(await cli.ok(t, 'asset', 'create', files.asset, '--as', 'bankA/spvadmin1'), `asset ${ids.assetId} is DRAFT (SPV ${ids.spvId}, administered by ${bankA.mspId})`);
  t.is(await cli.ok(t, 'asset', 'document', ids.assetId, files.legal, '--as', 'bankA/spvadmin1'), `asset ${ids.assetId} is DOCUMENTED (true-sale deed and legal opinion recorded)`);
  const valued = await cli.json<{ asset: Asset; valuation: { seq: number; appraiserMsp: string; valid: boolean } }>(t, 'asset', 'value', ids.assetId, files.valuation, '--as', 'bankB/appraiser1');
  t.like(valued, { asset: { state: 'VALUED', valuationCount: 1 }, valuation: { seq: 1, appraiserMsp: bankB.mspId, valid: true } });
  // The SPV's own bank requested everything so far: its officer cannot sign it off.
  await cli.refused(t, 'APPROVER_NOT_INDEPENDENT', 'asset', 'approve', ids.assetId, '--as', 'bankA/officer1');
  t.is(await cli.ok(t, 'asset', 'approve', ids.assetId, '--as', 'bankC/officer1'), `asset ${ids.assetId} is APPROVED (by ${bankC.mspId} on valuation 1)`);
  t.is(await cli.ok(t, 'asset', 'tokenize', ids.assetId, files.tokenization, '--as', 'bankA/spvadmin1'), `asset ${ids.assetId} is TOKENIZED (1000000 units, 6 decimals, to 3 holders; policy version 1)`);

  const spvAdmin = identityIdOf(stack, 'bankA/spvadmin1');
  for (const peer of topology.banks) {
    const asset = await awaitOnPeer<Asset>(stack, ritaOn(peer), (record) => record.state === 'TOKENIZED', 'AssetContract', 'GetAsset', ids.assetId);
    t.like(asset, { administeringBankMsp: bankA.mspId, approval: { approverMsp: bankC.mspId, valuationSeq: 1 }, tokenization: { units: '1000000', decimals: 6, holderCount: 3, policyVersion: 1, tokenizedBy: spvAdmin } }, peer.peer.name);
    t.like(asset.legalDocuments, legalDocuments(), `${peer.peer.name}: the true-sale deed's and legal opinion's hashes`);
    for (const [investorId, units] of Object.entries(files.allocations)) {
      const holding = await queryPeer<HoldingRecord>(stack, ritaOn(peer), 'AssetContract', 'GetHolding', ids.assetId, investorId);
      t.like(holding, { balance: units.toString(), frozen: '0', escrowed: '0', bankMsp: investorId === chloeB ? bankB.mspId : bankA.mspId }, `${investorId} on ${peer.peer.name}`);
    }
    const history = await queryPeer<Array<{ record: Asset }>>(stack, ritaOn(peer), 'AssetContract', 'GetAssetHistory', ids.assetId);
    t.deepEqual(history.map((entry) => entry.record.state), ['TOKENIZED', 'APPROVED', 'VALUED', 'DOCUMENTED', 'DRAFT'], `history on ${peer.peer.name}`);
  }
  // The same through the CLI of each bank: its people read through their own bank's peer.
  for (const reader of ['bankA/officer1', 'bankB/officer1', 'bankC/officer1']) {
    t.is((await cli.json<Asset>(t, 'asset', 'show', ids.assetId, '--as', reader)).state, 'TOKENIZED', reader);
    t.is((await cli.json<HoldingRecord>(t, 'asset', 'holding', ids.assetId, chloeB, '--as', reader)).balance, '100000', reader);
  }
});

test.serial("an appraiser of the SPV's own bank (bankA/appraiser1) is refused with APPRAISER_NOT_INDEPENDENT and nothing is written", async (t) => {
  await cli.ok(t, 'asset', 'create', files.documentedAsset, '--as', 'bankA/spvadmin1');
  await cli.ok(t, 'asset', 'document', ids.documentedAssetId, files.legal, '--as', 'bankA/spvadmin1');
  const before = await cli.json<Asset>(t, 'asset', 'show', ids.documentedAssetId, '--as', 'bankA/officer1');

  await cli.refused(t, 'APPRAISER_NOT_INDEPENDENT', 'asset', 'value', ids.documentedAssetId, files.valuation, '--as', 'bankA/appraiser1');

  // A write that committed after the refusal: once each peer serves it, that peer would also hold
  // anything the refused attempt had written.
  t.like(await cli.json<{ valuation: { seq: number } }>(t, 'asset', 'value', ids.documentedAssetId, files.valuation, '--as', 'bankC/appraiser1'), { valuation: { seq: 1 } });
  for (const peer of topology.banks) {
    const valuations = await awaitOnPeer<{ valuations: Array<{ seq: number; appraiserMsp: string }> }>(stack, ritaOn(peer), (page) => page.valuations.length > 0, 'AssetContract', 'ListValuations', ids.documentedAssetId);
    t.deepEqual(valuations.valuations.map((valuation) => [valuation.seq, valuation.appraiserMsp]), [[1, bankC.mspId]], `only BankC's valuation on ${peer.peer.name}`);
    const history = await queryPeer<Array<{ record: Asset }>>(stack, ritaOn(peer), 'AssetContract', 'GetAssetHistory', ids.documentedAssetId);
    t.deepEqual(history.map((entry) => entry.record.state), ['VALUED', 'DOCUMENTED', 'DRAFT'], `no version from the refused attempt on ${peer.peer.name}`);
  }
  t.is(before.state, 'DOCUMENTED');
  t.is(before.valuationCount, 0);
});

test.serial("BankB cannot read BankA's investor PII, through its own peer or BankA's; the PII hash is open to BankB and BankC, and only BankA's peer ever held the PII: no file of BankB's or BankC's peer, transient store included, has it", async (t) => {
  const fullName = fullNameOf(annaA);
  const own = await cli.json<InvestorRecord>(t, 'investor', 'show', annaA, '--as', 'bankA/officer1');
  t.is((await cli.json<{ fullName: string }>(t, 'investor', 'pii', annaA, '--as', 'bankA/officer1')).fullName, fullName, "BankA's officer reads the PII");

  await cli.refused(t, 'PII_ACCESS_DENIED', 'investor', 'pii', annaA, '--as', 'bankB/officer1');
  const onBankAPeer = await refusalOnPeer(stack, { org: 'bankB', label: 'officer1', peer: bankA }, 'InvestorContract', 'GetInvestorPii', annaA);
  t.is(onBankAPeer.code, 'PII_ACCESS_DENIED', `BankB's officer asking BankA's peer: ${onBankAPeer.message}`);
  t.false(onBankAPeer.message.includes(fullName));

  for (const reader of ['bankB/officer1', 'bankC/officer1']) {
    const shown = await cli.run('investor', 'show', annaA, '--as', reader, '--json');
    t.is(shown.exitCode, 0, shown.stderr);
    t.like(JSON.parse(shown.stdout) as InvestorRecord, { investorId: annaA, bankMsp: bankA.mspId, piiHash: own.piiHash }, reader);
    t.false(shown.stdout.includes(fullName), `${reader} sees no PII on the public record`);
  }

  // The implicit collection's members are BankA's peers: BankB's peer never received the PII, so even
  // BankA's own officer gets nothing there.
  const onBankBPeer = await refusalOnPeer(stack, { org: 'bankA', label: 'officer1', peer: bankB }, 'InvestorContract', 'GetInvestorPii', annaA);
  t.is(onBankBPeer.code, 'INVESTOR_PII_MISSING', `BankA's officer asking BankB's peer: ${onBankBPeer.message}`);
  const onOwnPeer = await queryPeer<{ fullName: string }>(stack, { org: 'bankA', label: 'officer1', peer: bankA }, 'InvestorContract', 'GetInvestorPii', annaA);
  t.is(onOwnPeer.fullName, fullName, "BankA's peer serves it to BankA's officer");
  // On disk: BankA's peer keeps the PII in its ledger. The PII reaches the ledger through
  // StageInvestorPii, endorsed by BankA's peer alone (the transaction writes only BankA's implicit
  // collection), and OnboardInvestor, endorsed by BankA and another bank, carries only its hash:
  // so no file of BankB's or BankC's peer (ledger, transient store, anything else) ever held a byte.
  t.not(filesHolding(ledgerDir(bankA), fullName).length, 0, "BankA's peer stores the PII");
  for (const peer of [bankB, bankC]) t.deepEqual(filesHolding(peerDataDir(peer), fullName), [], `no file at all of ${peer.peer.name} holds the PII`);
});

test.serial('erasure purges the PII from the peers: BankA reads nothing any more, the hash and the record of who onboarded and erased stay', async (t) => {
  const erased = ids.erasedA;
  const before = await onboard(t, erased, 'bankA/officer1');
  const bankAPeer: PeerQuery = { org: 'bankA', label: 'officer1', peer: bankA };
  t.is((await queryPeer<{ fullName: string }>(stack, bankAPeer, 'InvestorContract', 'GetInvestorPii', erased)).fullName, fullNameOf(erased));

  await cli.refused(t, 'CALLER_OF_OTHER_BANK', 'investor', 'erase', erased, '--reason', 'Not our investor', '--as', 'bankB/officer1');
  const reason = `Erasure request ${erased}`;
  t.is(await cli.ok(t, 'investor', 'erase', erased, '--reason', reason, '--as', 'bankA/officer1'), `investor ${erased}: personal data erased at ${bankA.mspId}; PII hash ${before.piiHash} stays on the ledger`);

  await cli.refused(t, 'INVESTOR_PII_ERASED', 'investor', 'pii', erased, '--as', 'bankA/officer1');
  const onBankAPeer = await refusalOnPeer(stack, bankAPeer, 'InvestorContract', 'GetInvestorPii', erased);
  t.is(onBankAPeer.code, 'INVESTOR_PII_ERASED', onBankAPeer.message);
  t.false(onBankAPeer.message.includes(fullNameOf(erased)));

  const officer = identityIdOf(stack, 'bankA/officer1');
  for (const peer of topology.banks) {
    const record = await awaitOnPeer<InvestorRecord>(stack, ritaOn(peer), (value) => value.piiErasure !== null, 'InvestorContract', 'GetInvestor', erased);
    t.like(record, { piiHash: before.piiHash, onboardedBy: officer, onboardedAt: before.onboardedAt, kycStatus: 'active', piiErasure: { erasedBy: officer, reason } }, peer.peer.name);
  }
  await cli.refused(t, 'INVESTOR_PII_ERASED', 'investor', 'erase', erased, '--reason', 'Again', '--as', 'bankA/officer1');
});

test.serial("wallet binding: a signature by another key is refused and binds nothing, the wallet's own signature binds, and its replay is refused", async (t) => {
  const wallet = Wallet.createRandom();
  const stranger = Wallet.createRandom();
  const bind = (signature: string, nonce = '1') =>
    ['investor', 'bind-wallet', annaA, '--address', wallet.address, '--chain-id', CHAIN_ID.toString(), '--nonce', nonce, '--signature', signature, '--as', 'bankA/operator1'];

  await cli.refused(t, 'WALLET_SIGNATURE_INVALID', ...bind(await signBinding(stranger, { investorId: annaA, bank: bankA.mspId, wallet: wallet.address })));
  await cli.refused(t, 'WALLET_SIGNATURE_INVALID', ...bind(await signBinding(wallet, { investorId: annaA, bank: bankB.mspId })));
  for (const peer of topology.banks) {
    const unbound = await refusalOnPeer(stack, ritaOn(peer), 'WalletContract', 'GetWalletBinding', wallet.address);
    t.is(unbound.code, 'WALLET_NOT_BOUND', `nothing bound on ${peer.peer.name}: ${unbound.message}`);
  }

  const signature = await signBinding(wallet, { investorId: annaA, bank: bankA.mspId });
  t.is(await cli.ok(t, ...bind(signature)), `wallet ${wallet.address} bound to investor ${annaA} at ${bankA.mspId} (chain ${CHAIN_ID}, nonce 1)`);
  for (const peer of topology.banks) {
    const binding = await awaitOnPeer<WalletBinding>(stack, ritaOn(peer), () => true, 'WalletContract', 'GetWalletBinding', wallet.address);
    t.like(binding, { address: wallet.address, investorId: annaA, bankMsp: bankA.mspId, chainId: CHAIN_ID.toString(), nonce: '1', boundBy: identityIdOf(stack, 'bankA/operator1') }, peer.peer.name);
  }
  await cli.refused(t, 'WALLET_NONCE_USED', ...bind(signature));
  // A fresh nonce, correctly signed, still cannot bind the address a second time.
  await cli.refused(t, 'WALLET_ALREADY_BOUND', ...bind(await signBinding(wallet, { investorId: annaA, bank: bankA.mspId, nonce: 2n }), '2'));
});
