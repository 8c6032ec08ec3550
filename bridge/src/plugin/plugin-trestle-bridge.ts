import type { ICactusPlugin, ICactusPluginOptions, IPluginWebService, IWebServiceEndpoint } from '@hyperledger/cactus-core-api';
import type { Application, Express } from 'express';
import type { JsonRpcProvider } from 'ethers';
import type { AttestationLedger } from '../validator/attestation-ledger';
import type { BurnWatcher } from '../validator/burn-watcher';
import { gatewayAt } from '../validator/gateway';
import type { BridgeMetrics } from '../validator/metrics';
import OAS from './openapi.json';
import { burnToWire, mintToWire, type AttestationsV1, type HealthV1, type PendingMintV1, type StatusV1 } from './wire';
import { GetAttestationsEndpointV1 } from './web-services/get-attestations-endpoint-v1';
import { GetHealthEndpointV1 } from './web-services/get-health-endpoint-v1';
import { GetMetricsEndpointV1 } from './web-services/get-metrics-endpoint-v1';
import { GetPendingEndpointV1 } from './web-services/get-pending-endpoint-v1';
import { GetStatusEndpointV1 } from './web-services/get-status-endpoint-v1';

export const PACKAGE_NAME = '@trestle/bridge';

export interface IPluginTrestleBridgeOptions extends ICactusPluginOptions {
  readonly ledger: AttestationLedger;
  readonly metrics: BridgeMetrics;
  readonly provider: JsonRpcProvider;
  readonly gateway: string;
  /** This bank's validator address. */
  readonly validator: string;
  /** Stopped with the plugin when given. */
  readonly burnWatcher?: BurnWatcher;
}

/** The bank's bridge validator as a Cactus web-service plugin: read-only routes from `openapi.json`. */
export class PluginTrestleBridge implements ICactusPlugin, IPluginWebService {
  #endpoints: IWebServiceEndpoint[] | undefined;

  constructor(readonly options: IPluginTrestleBridgeOptions) {
    if (options.instanceId.trim() === '') throw new RangeError('instanceId must not be empty');
  }

  getInstanceId(): string {
    return this.options.instanceId;
  }

  getPackageName(): string {
    return PACKAGE_NAME;
  }

  async onPluginInit(): Promise<void> {}

  getOpenApiSpec(): unknown {
    return OAS;
  }

  async getOrCreateWebServices(): Promise<IWebServiceEndpoint[]> {
    this.#endpoints ??= [
      new GetStatusEndpointV1(this),
      new GetPendingEndpointV1(this),
      new GetAttestationsEndpointV1(this),
      new GetHealthEndpointV1(this),
      new GetMetricsEndpointV1(this),
    ];
    return this.#endpoints;
  }

  async registerWebServices(app: Application): Promise<IWebServiceEndpoint[]> {
    const endpoints = await this.getOrCreateWebServices();
    // registerExpress goes through the core's registerWebServiceEndpoint.
    for (const endpoint of endpoints) await endpoint.registerExpress(app as Express);
    return endpoints;
  }

  async shutdown(): Promise<void> {
    await this.options.burnWatcher?.stop();
  }

  /** StatusV1. */
  async status(): Promise<StatusV1> {
    const { provider, gateway: address, ledger, metrics } = this.options;
    const gateway = gatewayAt(address, provider);
    const [{ chainId }, latestBlock, threshold, paused, pending] = await Promise.all([
      provider.getNetwork(),
      provider.getBlockNumber(),
      gateway.threshold() as Promise<bigint>,
      gateway.paused() as Promise<boolean>,
      ledger.pendingMints(),
    ]);
    const items = pending.map((m) => mintToWire(m, Number(threshold), paused));
    return {
      instanceId: this.getInstanceId(),
      validator: this.options.validator,
      chainId: chainId.toString(),
      gateway: address,
      paused,
      threshold: Number(threshold),
      latestBlock,
      lastProcessedBlock: metrics.lastProcessedBlock ?? null,
      pendingMints: items.length,
      blocked: items.filter((m) => !m.ready).map((m) => ({ nonce: m.nonce, reason: m.reason })),
    };
  }

  /** PendingV1's items. */
  async pending(): Promise<PendingMintV1[]> {
    const { threshold, paused } = await this.#gatewayState();
    return (await this.options.ledger.pendingMints()).map((m) => mintToWire(m, threshold, paused));
  }

  /** AttestationsV1 for a nonce already validated by the endpoint. */
  async attestations(nonce: bigint): Promise<AttestationsV1> {
    const [mint, burns, { threshold, paused }] = await Promise.all([this.options.ledger.mint(nonce), this.options.ledger.burnAttestations(nonce), this.#gatewayState()]);
    return { nonce: nonce.toString(), mint: mint === undefined ? null : mintToWire(mint, threshold, paused), burns: burns.map(burnToWire) };
  }

  /** HealthV1: UP when both the EVM node and the ledger answer. */
  async health(): Promise<HealthV1> {
    const probe = async (check: () => Promise<unknown>): Promise<string> => {
      try {
        await check();
        return 'UP';
      } catch (error) {
        return `DOWN: ${(error as Error).message}`;
      }
    };
    const [evm, ledger] = await Promise.all([probe(() => this.options.provider.getBlockNumber()), probe(() => this.options.ledger.pendingMints())]);
    return { status: evm === 'UP' && ledger === 'UP' ? 'UP' : 'DOWN', checks: { evm, ledger } };
  }

  async #gatewayState(): Promise<{ threshold: number; paused: boolean }> {
    const gateway = gatewayAt(this.options.gateway, this.options.provider);
    const [threshold, paused] = await Promise.all([gateway.threshold() as Promise<bigint>, gateway.paused() as Promise<boolean>]);
    return { threshold: Number(threshold), paused };
  }
}
