import { BRIDGE_OUT_IDS, OPEN_PROPOSAL_ID, PENDING_TRANSFER_ID } from '@trestle/chaincode/src/fuzz/fuzz-world';
import { GATEWAY, TOKEN, WALLETS } from '@trestle/chaincode/src/testing/bridge-story';
import { EVIDENCE_FILE_ID } from '@trestle/chaincode/src/testing/evidence-story';
import { ASSET_ID, SPV_ID } from '@trestle/chaincode/src/testing/ledger-documents';
import { INVESTORS } from '@trestle/chaincode/src/testing/ledger-story';
import { CHAIN_ID } from '@trestle/chaincode/src/testing/test-wallets';

// The stub matrix test's calls (chaincode/src/access/access-cases.ts) name the stub world's
// records; the real network holds the records real-access-world.ts made under fresh ids. Reusing
// those calls, translated, keeps one list of valid calls: a transaction added there (with its row
// in access-matrix.ts) is called here too, without a second copy of its arguments.

/** The real ids of the records the stub world's ids stand for. */
export type RecordIds = {
  readonly spvId: string;
  readonly assetId: string;
  readonly annaA: string;
  readonly benA: string;
  readonly chloeB: string;
  readonly transferId: string;
  readonly proposalId: string;
  readonly fileId: string;
  /** A bridge chain both banks' operators approved, with this asset's token. */
  readonly chainId: string;
  readonly gateway: string;
  readonly token: string;
  /** anna's wallet, bound to her on that chain. */
  readonly annaWallet: string;
  /** anna's bridge-out, PENDING. */
  readonly bridgeOutId: string;
};

function stubToReal(ids: RecordIds): ReadonlyMap<string, string> {
  return new Map([
    [SPV_ID, ids.spvId],
    [ASSET_ID, ids.assetId],
    [INVESTORS.annaA, ids.annaA],
    [INVESTORS.benA, ids.benA],
    [INVESTORS.chloeB, ids.chloeB],
    [PENDING_TRANSFER_ID, ids.transferId],
    [OPEN_PROPOSAL_ID, ids.proposalId],
    [EVIDENCE_FILE_ID, ids.fileId],
    [CHAIN_ID.toString(), ids.chainId],
    [GATEWAY, ids.gateway],
    [TOKEN, ids.token],
    [WALLETS.anna.address, ids.annaWallet],
    [BRIDGE_OUT_IDS.pending, ids.bridgeOutId],
  ]);
}

// Only whole values are replaced (an argument, or a string anywhere in a JSON argument), never parts
// of a longer string: "ZOB" is the stub asset's id but also part of its documents' URIs.
function translateValue(value: unknown, table: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') return table.get(value) ?? value;
  if (Array.isArray(value)) return value.map((item) => translateValue(item, table));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, translateValue(item, table)]));
  return value;
}

function isJsonDocument(argument: string): boolean {
  return argument.startsWith('{') || argument.startsWith('[');
}

/** `args` with every stub record id replaced by the real one; JSON documents stay JSON with sorted-as-given keys. */
export function translateArguments(args: readonly string[], ids: RecordIds): string[] {
  const table = stubToReal(ids);
  return args.map((argument) => (isJsonDocument(argument) ? JSON.stringify(translateValue(JSON.parse(argument) as unknown, table)) : (table.get(argument) ?? argument)));
}
