import { isOracleMessage, type GatewayMessageRecord } from './gateway-message';
import { GATEWAY_TYPES, gatewayDomain, NAV_ORACLE_TYPES, navOracleDomain, type GatewayDomain, type TypedField } from './gateway-types';

/** What a validator signs for a ledger message, in the shape ethers' `signTypedData` takes. */
export type LedgerMessageTypedData = { readonly domain: GatewayDomain; readonly types: Record<string, TypedField[]>; readonly value: Record<string, unknown> };

/**
 * The EIP-712 domain, types and value of a ledger message: the chaincode recovers signers with it,
 * validators sign it and relayers check bundles against it, so the three cannot drift. Gateway
 * messages carry their nonce; a Nav is numbered by its valuation sequence, which is in its fields.
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
  return { domain: gatewayDomain(chainId, message.verifyingContract), types: { [type]: GATEWAY_TYPES[type].map((field) => ({ ...field })) }, value: { ...fields, nonce } };
}
