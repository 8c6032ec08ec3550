/**
 * Identity ids are the exact string fabric-shim 2.5 (Node) returns from
 * `ctx.clientIdentity.getID()` for an X.509 identity:
 *
 *     x509::/C=CH/O=BankA/OU=client/CN=alice@banka.example::/C=CH/O=BankA/CN=ca.banka.example
 *
 * that is `x509::` + subject DN + `::` + issuer DN, each DN written as `/<short name>=<value>` per
 * attribute in certificate order. Unique within an MSP, so it names one person (or one enrollment)
 * without trusting a self-chosen name. Go chaincode formats the id differently; ours is Node.
 */
const IDENTITY_ID_PATTERN = /^x509::\/[^=]+=.*::\/[^=]+=.*$/;

const MAX_ID_LENGTH = 2048;

/** The longest MSP id `isMspId` accepts. */
export const MAX_MSP_ID_LENGTH = 256;

/** Whether `value` has the identity id form above and no character that would corrupt a composite key. */
export function isIdentityId(value: string): boolean {
  return value.length <= MAX_ID_LENGTH && IDENTITY_ID_PATTERN.test(value) && !hasKeyBreakingCharacter(value);
}

/**
 * Whether `value` can be an MSP id here. Fabric sets no pattern for MSP ids, so this only refuses
 * what cannot name an org in a composite key: empty, over-long, or containing control characters.
 */
export function isMspId(value: string): boolean {
  return value.length > 0 && value.length <= MAX_MSP_ID_LENGTH && !hasKeyBreakingCharacter(value);
}

// Composite keys separate attributes with U+0000 and end range scans at U+10FFFF; fabric-shim's
// Node stub (unlike Go's) does not refuse them, so ids must, or one grant could shadow another.
// Other control characters have no business in a DN or MSP id either.
function hasKeyBreakingCharacter(value: string): boolean {
  for (const char of value) {
    const point = char.codePointAt(0) ?? 0;
    if (point < 0x20 || point === 0x7f || point === 0x10ffff) return true;
  }
  return false;
}
