// The only export surface of the bridge plugin and the validator and relayer it hosts.
export { PluginTrestleBridge, PACKAGE_NAME, type IPluginTrestleBridgeOptions } from './plugin-trestle-bridge';
export { PluginFactoryTrestleBridge, createPluginFactory } from './plugin-factory-trestle-bridge';
export { startBridgeApiServer, type BridgeApiServer, type BridgeApiServerOptions } from './api-server-host';
export type { AttestationsV1, BurnAttestationV1, HealthV1, PendingMintV1, StatusV1 } from './wire';
export { parseNonce } from './web-services/get-attestations-endpoint-v1';
export { default as OPENAPI_SPEC } from './openapi.json';

export type { AttestationLedger, BurnAttestation, MintRecord, MintSignature, MintStatus, PendingMint } from '../validator/attestation-ledger';
export { burnEventKey } from '../validator/attestation-ledger';
export { BridgeError, isBridgeError, type BridgeErrorCode } from '../validator/errors';
export { BridgeMetrics, type BridgeCounter } from '../validator/metrics';
export { FileCheckpoint, type BurnCheckpoint } from '../validator/checkpoint';
export { BurnWatcher, type BurnWatcherOptions, type BurnWatcherPass } from '../validator/burn-watcher';
export { MintSigning, type MintSigningOptions, type MintSigningOutcome } from '../validator/mint-signing';
export { MINT_TYPE_HASH, gatewayAt, mintTypedData } from '../validator/gateway';
export type { ValidatorSigner } from '../validator/signer/validator-signer';
export { KeystoreSigner, type KeystorePasswordSource } from '../validator/signer/keystore-signer';
export { createKeystore, DEFAULT_SCRYPT, type CreateKeystoreOptions, type ScryptParams } from '../validator/signer/create-keystore';
export { Relayer, type RelayerOptions, type RelayOutcome } from '../relayer/relayer';
export { SendJournal, type SentMint } from '../relayer/send-journal';
export { DEFAULT_RETRY, isTransient, withBackoff, type RetryOptions } from '../relayer/backoff';
