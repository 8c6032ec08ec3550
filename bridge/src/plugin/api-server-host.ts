import { ApiServer, AuthorizationProtocol, ConfigService } from '@hyperledger/cactus-cmd-api-server';
import { PluginRegistry } from '@hyperledger/cactus-core';
import type { PluginTrestleBridge } from './plugin-trestle-bridge';

export interface BridgeApiServerOptions {
  readonly plugin: PluginTrestleBridge;
  /** 0 picks a free port (tests). */
  readonly port: number;
  readonly logLevel?: 'error' | 'warn' | 'info' | 'debug';
}

/** A running host: its base URL and how to stop it. */
export interface BridgeApiServer {
  readonly url: string;
  readonly apiServer: ApiServer;
  shutdown(): Promise<void>;
}

/**
 * Hosts the plugin in a Cactus `ApiServer` 1.0.0 on 127.0.0.1 (API and gRPC; no cockpit). The
 * plugin's routes are read-only and the server listens on loopback only, so authorization is off;
 * a bank exposing them further must put them behind its own gateway or switch to JWT.
 */
export async function startBridgeApiServer(options: BridgeApiServerOptions): Promise<BridgeApiServer> {
  const config = await new ConfigService().newExampleConfig();
  const pluginRegistry = new PluginRegistry({ plugins: [options.plugin] });
  const apiServer = new ApiServer({
    pluginRegistry,
    config: {
      ...config,
      apiHost: '127.0.0.1',
      apiPort: options.port,
      grpcPort: 0,
      apiTlsEnabled: false,
      cockpitEnabled: false,
      apiCorsDomainCsv: 'http://127.0.0.1',
      authorizationProtocol: AuthorizationProtocol.NONE,
      configFile: '',
      plugins: [],
      logLevel: options.logLevel ?? 'error',
      enableShutdownHook: false,
    },
  });
  const { addressInfoApi } = await apiServer.start();
  return { url: `http://127.0.0.1:${addressInfoApi.port}`, apiServer, shutdown: () => apiServer.shutdown() };
}
