/**
 * The implicit private data collection of an org. Fabric gives every org one per chaincode, with
 * no collection config to deploy: only that org's peers store its values, every peer stores their
 * hashes, and writes must be endorsed by that org's peers. It sets neither memberOnlyRead nor
 * memberOnlyWrite, so a peer of the org serves reads to any client of the channel: the contracts
 * check the caller's org themselves before touching it.
 */
export function implicitCollection(mspId: string): string {
  return `_implicit_org_${mspId}`;
}
