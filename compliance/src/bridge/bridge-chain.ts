import { CURRENCY_FORM, isCurrency, type Currency } from '../ledger/currency';
import { isLedgerId } from '../policy/ledger-id';
import { childPath } from '../policy/problem-list';
import type { RecordReader } from '../policy/record-reader';
import { readJsonDocument, readJsonValue } from '../ledger/read-json-document';
import { readIdentityId, readIsoInstant, readLedgerId, readMspId } from '../ledger/record-fields';
import { readAddress, readUintText } from './bridge-fields';

/** Most validators (one per bank) a consortium bridge has: the gateway's bitmap and the ledger's loops assume few. */
export const MAX_BRIDGE_THRESHOLD = 16;
/** Most assets one chain's configuration maps to tokens. */
export const MAX_BRIDGED_ASSETS = 256;
/** Most confirmations a burn may wait for before validators attest it (about a day at 12 s blocks). */
export const MAX_CONFIRMATIONS = 7_200;

/**
 * The asset's NAV oracle on the chain, with the currency its NAV is quoted in (the loan token's)
 * and that currency's minor-unit digits, so a valuation's amount converts to a NAV per unit. A
 * valuation in another currency is not published: the ledger carries no exchange rates.
 */
export type BridgedOracle = { readonly address: string; readonly currency: Currency; readonly currencyDecimals: number };

/** An asset's ERC-3643 token on the chain, and its NAV oracle if it has a lending market. */
export type BridgedToken = { readonly assetId: string; readonly token: string; readonly oracle?: BridgedOracle };

/**
 * How the consortium bridges to one EVM chain: the gateway that verifies the validators' EIP-712
 * signatures (its domain is chainId + gateway), how many banks' signatures make a mint or release a
 * burn (the gateway's threshold), how many confirmations a burn waits, and each asset's token.
 */
export type BridgeChainConfig = {
  /** Decimal string: EVM chain ids are uint256. */
  readonly chainId: string;
  readonly gateway: string;
  readonly threshold: number;
  readonly confirmations: number;
  /** Sorted by assetId, one token per asset, no token twice. */
  readonly tokens: readonly BridgedToken[];
  /**
   * The consortium's ClaimIssuer on the chain (ONCHAINID), whose CLAIM keys are the banks'
   * validator keys: identity registrations carry its KYC claims. Without it the ledger proposes
   * no identity messages for the chain.
   */
  readonly claimIssuer?: string;
};

/** A configuration one bank proposed and another must approve before it is in force. */
export type BridgeChainProposal = { readonly config: BridgeChainConfig; readonly proposedBy: string; readonly proposerMsp: string; readonly proposedAt: string };

/** A chain's record on the ledger: the configuration in force (null until the first approval) and any proposal. */
export type BridgeChainRecord = {
  readonly chainId: string;
  /** 0 before the first approval, then one more per approved change. */
  readonly version: number;
  readonly active: BridgeChainConfig | null;
  readonly approvedBy: readonly string[];
  readonly approvedAt: string | null;
  readonly proposal: BridgeChainProposal | null;
};

const CONFIG_FIELDS = ['chainId', 'gateway', 'threshold', 'confirmations', 'tokens', 'claimIssuer'] as const;
const ORACLE_FIELDS = ['address', 'currency', 'currencyDecimals'] as const;
/** Most minor-unit digits a NAV currency may have (ISO 4217 uses at most 4; stablecoins up to 18). */
const MAX_CURRENCY_DECIMALS = 18;

function readOracle(reader: RecordReader): BridgedOracle {
  return {
    address: readAddress(reader, 'address'),
    currency: reader.member('currency', isCurrency, CURRENCY_FORM, 'USD'),
    currencyDecimals: reader.integer('currencyDecimals', 0, MAX_CURRENCY_DECIMALS),
  };
}

function readConfig(reader: RecordReader): BridgeChainConfig {
  const tokens = reader.records('tokens', MAX_BRIDGED_ASSETS, ['assetId', 'token', 'oracle'], (inner) => ({
    assetId: readLedgerId(inner, 'assetId', 'an asset id'),
    token: readAddress(inner, 'token'),
    ...(inner.has('oracle') ? { oracle: readOracle(inner.record('oracle', ORACLE_FIELDS)) } : {}),
  }));
  const config: BridgeChainConfig = {
    chainId: readUintText(reader, 'chainId', 1n),
    gateway: readAddress(reader, 'gateway'),
    threshold: reader.integer('threshold', 1, MAX_BRIDGE_THRESHOLD),
    confirmations: reader.integer('confirmations', 0, MAX_CONFIRMATIONS),
    tokens: [...tokens].sort((a, b) => (a.assetId < b.assetId ? -1 : a.assetId > b.assetId ? 1 : 0)),
    ...(reader.has('claimIssuer') ? { claimIssuer: readAddress(reader, 'claimIssuer') } : {}),
  };
  const seen = { assets: new Set<string>(), tokens: new Set<string>() };
  tokens.forEach((entry, index) => {
    const path = childPath(childPath(reader.path, 'tokens'), String(index));
    if (!isLedgerId(entry.assetId)) return;
    if (seen.assets.has(entry.assetId)) reader.problems.add(path, `maps asset ${entry.assetId} a second time; one token per asset`);
    const token = entry.token.toLowerCase();
    if (seen.tokens.has(token)) reader.problems.add(path, 'names a token another asset already uses; one asset per token');
    seen.assets.add(entry.assetId);
    seen.tokens.add(token);
  });
  return config;
}

/** Validates a chain configuration (JSON text); `BRIDGE_CONFIG_INVALID` lists every problem. */
export function parseBridgeChainConfig(text: unknown): BridgeChainConfig {
  return readJsonDocument(text, { code: 'BRIDGE_CONFIG_INVALID', name: 'bridge chain configuration', fields: CONFIG_FIELDS, read: readConfig });
}

function readConfigValue(reader: RecordReader, key: string): BridgeChainConfig {
  return readConfig(reader.record(key, CONFIG_FIELDS));
}

/** Validates a chain record read from the ledger; `RECORD_MALFORMED` when it is not one. */
export function parseBridgeChainRecord(value: unknown): BridgeChainRecord {
  return readJsonValue(value, {
    code: 'RECORD_MALFORMED',
    name: 'bridge chain record',
    fields: ['chainId', 'version', 'active', 'approvedBy', 'approvedAt', 'proposal'],
    read: (reader) => ({
      chainId: readUintText(reader, 'chainId', 1n),
      version: reader.integer('version', 0),
      active: reader.nullableRecord('active', CONFIG_FIELDS, readConfig),
      approvedBy: reader.array('approvedBy', 2).map(String),
      approvedAt: reader.nullableString('approvedAt', () => true, 'an ISO instant'),
      proposal: reader.nullableRecord('proposal', ['config', 'proposedBy', 'proposerMsp', 'proposedAt'], (inner) => ({
        config: readConfigValue(inner, 'config'),
        proposedBy: readIdentityId(inner, 'proposedBy'),
        proposerMsp: readMspId(inner, 'proposerMsp'),
        proposedAt: readIsoInstant(inner, 'proposedAt'),
      })),
    }),
  });
}

/** The token of `assetId` on the chain, or undefined when the asset is not bridged there. */
export function tokenOf(config: BridgeChainConfig, assetId: string): string | undefined {
  return config.tokens.find((entry) => entry.assetId === assetId)?.token;
}

/** The asset whose token is `token` (any case), or undefined. */
export function assetOfToken(config: BridgeChainConfig, token: string): string | undefined {
  return config.tokens.find((entry) => entry.token.toLowerCase() === token.toLowerCase())?.assetId;
}
