import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { AccountDirectory } from '../accounts/account-store';
import { OPERATION_HANDLERS } from '../handlers/operation-handlers';
import type { Handler, OfficerServiceContext } from '../handlers/handler';
import type { LedgerConnector } from '../ledger/ledger-contract';
import type { OfficerVault } from '../vault/officer-vault';
import { SYSTEM_CLOCK, type Clock } from '../session/clock';
import { ACCOUNT_THROTTLE, ADDRESS_THROTTLE, LoginThrottle, type ThrottlePolicy } from '../session/login-throttle';
import { DEFAULT_SESSION_POLICY, SessionStore, type SessionPolicy } from '../session/session-store';
import { loadOfficerSpec, type OpenApiDocument } from './openapi-document';
import { serveRequest } from './request-pipeline';
import { RouteTable } from './route-table';
import type { NavReader } from '../nav/nav-reader';

/** The only interface the service listens on. Not configurable: a bank reaches it through its own proxy or tunnel. */
export const OFFICER_HOST = '127.0.0.1';

/** The consortium's banks on the devnet, for the regulator's overview. */
export const DEFAULT_BANKS = ['BankAMSP', 'BankBMSP', 'BankCMSP'] as const;

/** How to run one officer service. Only `accounts` and `ledger` are required. */
export type OfficerServerOptions = {
  readonly accounts: AccountDirectory;
  readonly ledger: LedgerConnector;
  /** 0 (default) picks a free port. */
  readonly port?: number;
  /** PEM key and certificate: serve HTTPS, and set Secure on cookies. */
  readonly tls?: { readonly key: string; readonly cert: string };
  /** Secure cookies over plain HTTP, for a TLS-terminating proxy in front; defaults to whether `tls` is set. */
  readonly secureCookies?: boolean;
  readonly banks?: readonly string[];
  readonly clock?: Clock;
  readonly sessionPolicy?: SessionPolicy;
  readonly accountThrottle?: ThrottlePolicy;
  readonly addressThrottle?: ThrottlePolicy;
  /** Extra Host header values to answer (a proxy's name); 127.0.0.1:port and localhost:port always. */
  readonly extraHosts?: readonly string[];
  /** The OpenAPI document and handlers; the defaults are the service's own (tests pass variants). */
  readonly spec?: OpenApiDocument;
  readonly handlers?: Readonly<Record<string, Handler>>;
  /** The built web console (console/dist), served at / outside /api; unset serves none. */
  readonly consoleDir?: string;
  /** The evidence vault (the share services' clients); without it the evidence route answers OFFICER_VAULT_NOT_CONFIGURED. */
  readonly vault?: OfficerVault;
  /** The EVM chain's NAV oracles; without it the NAV route answers OFFICER_EVM_NOT_CONFIGURED. */
  readonly nav?: NavReader;
  readonly log?: (line: string) => void;
};

/** A running service. */
export type RunningOfficerServer = {
  /** Base URL, such as http://127.0.0.1:40123. */
  readonly url: string;
  readonly port: number;
  readonly context: OfficerServiceContext;
  /** Stops listening and drops open connections (the ledger connector is the caller's to close). */
  close(): Promise<void>;
};

/** Throws unless every operation of `spec` has a handler and every handler an operation: nothing is served that is not documented. */
export function checkHandlersMatchSpec(routes: RouteTable, handlers: Readonly<Record<string, Handler>>): void {
  const operations = new Set(routes.routes.map((route) => route.operationId));
  const missing = [...operations].filter((id) => handlers[id] === undefined);
  const extra = Object.keys(handlers).filter((id) => !operations.has(id));
  if (missing.length > 0 || extra.length > 0) throw new Error(`openapi.json and the handlers disagree: without handler [${missing.join(', ')}], without operation [${extra.join(', ')}]`);
}

/** Starts the service on 127.0.0.1. */
export async function startOfficerServer(options: OfficerServerOptions): Promise<RunningOfficerServer> {
  const spec = options.spec ?? loadOfficerSpec();
  const handlers = options.handlers ?? OPERATION_HANDLERS;
  const routes = new RouteTable(spec);
  checkHandlersMatchSpec(routes, handlers);
  const clock = options.clock ?? SYSTEM_CLOCK;
  const secureCookies = options.secureCookies ?? options.tls !== undefined;
  const context: OfficerServiceContext = {
    spec,
    accounts: options.accounts,
    sessions: new SessionStore(options.sessionPolicy ?? DEFAULT_SESSION_POLICY, clock),
    throttles: { account: new LoginThrottle(options.accountThrottle ?? ACCOUNT_THROTTLE, clock), address: new LoginThrottle(options.addressThrottle ?? ADDRESS_THROTTLE, clock) },
    ledger: options.ledger,
    clock,
    settings: { banks: options.banks ?? DEFAULT_BANKS, secureCookies },
    vault: options.vault,
    nav: options.nav,
    log: options.log ?? ((line) => console.error(`[officer] ${line}`)),
  };
  const pipeline = { context, routes, handlers, hosts: [] as string[], origins: [] as string[], consoleDir: options.consoleDir };
  const listener = (req: IncomingMessage, res: ServerResponse) => void serveRequest(pipeline, req, res);
  const server: Server = options.tls === undefined ? createHttpServer(listener) : createHttpsServer({ key: options.tls.key, cert: options.tls.cert }, listener);
  // Slow or half-sent requests must not hold connections open for long.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, OFFICER_HOST, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const scheme = options.tls === undefined ? 'http' : 'https';
  pipeline.hosts.push(`${OFFICER_HOST}:${port}`, `localhost:${port}`, ...(options.extraHosts ?? []));
  pipeline.origins.push(...pipeline.hosts.map((host) => `${scheme}://${host}`));
  return {
    url: `${scheme}://${OFFICER_HOST}:${port}`,
    port,
    context,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        server.closeAllConnections();
      }),
  };
}
