import { createHash } from 'node:crypto';

/**
 * The bytes32 by which the EVM side names a Fabric investor (`fabricInvestorRef` of a burn,
 * `investorRef` of an identity registration): SHA-256 of a domain tag and the investor id. The id
 * itself never goes on the public chain; the hash lets the chaincode check a burn names the
 * investor whose wallet burned, without an index from hash to id.
 */
export function investorRef(investorId: string): string {
  return `0x${createHash('sha256').update(`trestle/investor/${investorId}`, 'utf8').digest('hex')}`;
}
