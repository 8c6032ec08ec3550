import type { SanctionsAddress } from './sanctions-entry';

/** An address with only the parts that are present, or undefined when none is (OFAC lists empty ones). */
export function makeAddress(parts: { readonly street?: string; readonly locality?: string; readonly country?: string }): SanctionsAddress | undefined {
  const address: { street?: string; locality?: string; country?: string } = {};
  if (parts.street !== undefined) address.street = parts.street;
  if (parts.locality !== undefined) address.locality = parts.locality;
  if (parts.country !== undefined) address.country = parts.country;
  return Object.keys(address).length === 0 ? undefined : address;
}
