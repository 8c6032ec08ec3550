import { TrestleError } from '../../errors/trestle-error';
import type { JsonValue } from '../../json/json-value';
import type { AccountDirectory } from '../accounts/account-store';
import type { OfficerAccount } from '../accounts/officer-account';
import type { OpenApiDocument } from '../http/openapi-document';
import type { RequestInput } from '../http/request-input';
import type { Reply } from '../http/respond';
import { evaluateJson, submitLedger, submitWithTransient } from '../ledger/call-ledger';
import type { LedgerConnector, OfficerContractName } from '../ledger/ledger-contract';
import type { Clock } from '../session/clock';
import type { LoginThrottle } from '../session/login-throttle';
import type { Session, SessionStore } from '../session/session-store';
import type { NavReader } from '../nav/nav-reader';
import type { OfficerVault } from '../vault/officer-vault';

/** Settings handlers read. */
export type HandlerSettings = {
  /** The consortium's banks, in the order the regulator's overview lists them. */
  readonly banks: readonly string[];
  /** Whether cookies carry Secure (served over TLS). */
  readonly secureCookies: boolean;
};

/** Everything a handler may use; built once per service. */
export type OfficerServiceContext = {
  readonly spec: OpenApiDocument;
  readonly accounts: AccountDirectory;
  readonly sessions: SessionStore;
  readonly throttles: { readonly account: LoginThrottle; readonly address: LoginThrottle };
  readonly ledger: LedgerConnector;
  readonly clock: Clock;
  readonly settings: HandlerSettings;
  /** The evidence vault, when the service is wired to the banks' share services. */
  readonly vault: OfficerVault | undefined;
  /** The EVM chain's NAV oracles, when the service is wired to a node (OFFICER_EVM_RPC_URL). */
  readonly nav: NavReader | undefined;
  /** Operational log lines; never given passwords, tokens, session ids or personal data. */
  readonly log: (line: string) => void;
};

/** One checked request. */
export type HandlerRequest = {
  readonly input: RequestInput;
  /** The session, on every route that is not public (the pipeline refused the request otherwise). */
  readonly session: Session | undefined;
  /** The session id from the cookie, when one came (login replaces it, logout ends it). */
  readonly sessionId: string | undefined;
  readonly clientAddress: string;
};

/** Serves one operation of openapi.json. */
export type Handler = (request: HandlerRequest, service: OfficerServiceContext) => Promise<Reply>;

/** The logged-in session; only called by handlers of non-public routes. */
export function sessionOf(request: HandlerRequest): Session {
  if (request.session === undefined) throw new TrestleError('OFFICER_NOT_AUTHENTICATED', 'Log in first.');
  return request.session;
}

/** The ledger as the logged-in person: every call signed by their own identity. */
export type OfficerCalls = {
  readonly account: OfficerAccount;
  evaluate(contract: OfficerContractName, name: string, ...args: string[]): Promise<JsonValue>;
  submit(contract: OfficerContractName, name: string, ...args: string[]): Promise<void>;
  /** A submit with a transient map (personal data); its answer, as bytes. */
  submitTransient(contract: OfficerContractName, name: string, transient: Readonly<Record<string, Uint8Array>>, ...args: string[]): Promise<Uint8Array>;
};

/** The calls of the request's person. */
export async function callsOf(request: HandlerRequest, service: OfficerServiceContext): Promise<OfficerCalls> {
  const { account } = sessionOf(request);
  const ledger = await service.ledger.ledgerFor(account).catch((error: unknown) => {
    service.log(`ledger connection for ${account.username} failed: ${error instanceof Error ? error.message : String(error)}`);
    throw new TrestleError('OFFICER_LEDGER_UNAVAILABLE', 'The service could not reach the ledger as you; try again, and tell the node operator if it keeps failing.');
  });
  return {
    account,
    // JSON.parse only ever yields JSON values; handlers validate the shape before relying on it.
    evaluate: async (contract, name, ...args) => (await evaluateJson(ledger.contract(contract), service.log, name, ...args)) as JsonValue,
    submit: (contract, name, ...args) => submitLedger(ledger.contract(contract), service.log, name, ...args),
    submitTransient: (contract, name, transient, ...args) => submitWithTransient(ledger.contract(contract), service.log, name, transient, ...args),
  };
}

/** A JSON reply. */
export function json(body: JsonValue, status = 200): Reply {
  return { kind: 'json', status, body };
}
