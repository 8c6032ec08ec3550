import { createServer, type Server } from 'node:http';
import { ApiServer, AuthorizationProtocol, ConfigService } from '@hyperledger/cactus-cmd-api-server';
import { PluginRegistry } from '@hyperledger/cactus-core';
import OAS from './openapi.json';
import type { PluginTrestleBridge } from './plugin-trestle-bridge';
import { pluginRequestGuard, type RequestGuard } from './request-guard';

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
  const httpServerApi = createServer();
  const apiServer = new ApiServer({
    pluginRegistry,
    httpServerApi,
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
  guardInFront(httpServerApi, pluginRequestGuard(OAS));
  return { url: `http://127.0.0.1:${addressInfoApi.port}`, apiServer, shutdown: () => apiServer.shutdown() };
}

/**
 * Puts `guard` in front of whatever answers the server's requests. Cactus 1.0.0 parses JSON bodies
 * and runs its OpenAPI validator before any plugin middleware, and their refusals carry no typed
 * body (a malformed JSON body gets an empty 400, a query parameter an untyped array, a bad
 * percent-escape Express's HTML page with a stack trace); Express answers unknown paths with HTML.
 * The guard sees the request first, as engine.io does when it attaches to the same server.
 */
function guardInFront(server: Server, guard: RequestGuard): void {
  const listeners = server.listeners('request') as Array<(...args: unknown[]) => void>;
  server.removeAllListeners('request');
  server.on('request', (req, res) => guard(req, res, () => listeners.forEach((listener) => listener.call(server, req, res))));
}
