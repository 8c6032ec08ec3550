import { isOracleMessage, type GatewayMessageRecord } from './gateway-message';
import { GATEWAY_TYPES, gatewayDomain, NAV_ORACLE_TYPES, navOracleDomain, type GatewayDomain, type TypedField } from './gateway-types';

/** What a validator signs for a ledger message, in the shape ethers' `signTypedData` takes. */
export type LedgerMessageTypedData = { readonly domain: GatewayDomain; readonly types: Record<string, TypedField[]>; readonly value: Record<string, unknown> };

/**
 * The EIP-712 domain, types and value of a ledger message: the chaincode recovers signers with it,
 * validators sign it and relayers check bundles against it, so the three cannot drift. Gateway
 * messages carry their nonce; a Nav is numbered by its valuation sequence, which is in its fields.
 * The value holds exactly the struct's fields: a RegisterIdentity's claims and identity travel on the
 * record for the relayer and signers, and only their hash is signed.
 */
export function ledgerMessageTypedData(message: Pick<GatewayMessageRecord, 'chainId' | 'type' | 'nonce' | 'verifyingContract' | 'fields'>): LedgerMessageTypedData {
  const chainId = BigInt(message.chainId);
  const { fields } = message;
  if (message.type === 'Nav') {
    return {
      domain: navOracleDomain(chainId, message.verifyingContract),
      types: { Nav: NAV_ORACLE_TYPES.Nav.map((field) => ({ ...field })) },
      value: { asset: fields.asset, navPerUnit: BigInt(fields.navPerUnit ?? '0'), valuationSeq: BigInt(fields.valuationSeq ?? 0), validUntil: BigInt(fields.validUntil ?? 0) },
    };
  }
  const nonce = BigInt(message.nonce);
  if (isOracleMessage(message.type)) {
    return { domain: navOracleDomain(chainId, message.verifyingContract), types: { WriteOff: NAV_ORACLE_TYPES.WriteOff.map((field) => ({ ...field })) }, value: { asset: fields.asset, nonce } };
  }
  const type = message.type;
  const named = fields as Readonly<Record<string, unknown>>;
  const value = Object.fromEntries(GATEWAY_TYPES[type].map(({ name }) => [name, name === 'nonce' ? nonce : named[name]]));
  return { domain: gatewayDomain(chainId, message.verifyingContract), types: { [type]: GATEWAY_TYPES[type].map((field) => ({ ...field })) }, value };
}
