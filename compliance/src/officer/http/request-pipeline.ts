import type { IncomingMessage, ServerResponse } from 'node:http';
import { isTrestleError, TrestleError } from '../../errors/trestle-error';
import type { OfficerAccount } from '../accounts/officer-account';
import type { Handler, OfficerServiceContext } from '../handlers/handler';
import { csrfTokenMatches, isStateChanging, originAllowed } from '../session/csrf';
import type { Session } from '../session/session-store';
import { readCookie, sessionCookieName } from './cookies';
import { schemaResolver } from './openapi-document';
import { announcedFlood, hasBody, readJsonBody } from './read-body';
import { checkRequestInput, unexpectedBody } from './request-input';
import { sendError, sendReply } from './respond';
import { isConsolePath, sendConsoleFile } from './static-files';
import type { RouteTable } from './route-table';

/** What the pipeline needs beyond the handlers' context. */
export type Pipeline = {
  readonly context: OfficerServiceContext;
  readonly routes: RouteTable;
  readonly handlers: Readonly<Record<string, Handler>>;
  /** Host header values the service answers to (127.0.0.1:port, localhost:port). */
  readonly hosts: readonly string[];
  /** Origins a browser may send state-changing requests from (the service's own). */
  readonly origins: readonly string[];
  /** The built web console's folder, served outside /api; undefined serves no console. */
  readonly consoleDir: string | undefined;
};

const refuse = (code: TrestleError['code'], sentence: string, details?: Record<string, string>) => new TrestleError(code, sentence, details === undefined ? {} : { details });

// A session only counts while its account is still in the store unchanged: removing an account,
// or changing its role, bank, identity or password, ends its sessions at their next request.
function sameAccount(a: OfficerAccount, b: OfficerAccount | undefined): boolean {
  return b !== undefined && a.role === b.role && a.mspId === b.mspId && a.walletLabel === b.walletLabel && a.password.hash === b.password.hash;
}

/**
 * Serves one request, in this order: Host (DNS rebinding), route (only what openapi.json
 * describes), declared access (deny by default), session, role, Origin and CSRF token for
 * state-changing methods, body (JSON, size), parameters and body against the schemas, then the
 * handler. Every refusal is a typed error `{code, message, details}`; nothing else is ever sent.
 */
export async function serveRequest(pipeline: Pipeline, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { context, routes } = pipeline;
  try {
    if (!pipeline.hosts.includes(req.headers.host ?? '')) throw refuse('OFFICER_HOST_NOT_ALLOWED', 'This service answers only to its own loopback address; use the URL it printed at start.');
    const url = req.url ?? '/';
    const queryAt = url.indexOf('?');
    const rawPath = queryAt === -1 ? url : url.slice(0, queryAt);
    // The console's files are public, like any login page; everything it shows comes from /api.
    const method = req.method ?? '';
    if (pipeline.consoleDir !== undefined && (method === 'GET' || method === 'HEAD') && isConsolePath(rawPath) && !hasBody(req)) {
      if (await sendConsoleFile(pipeline.consoleDir, rawPath, method, res)) return;
    }
    const match = routes.match(method, rawPath);
    if (match.kind === 'no-path') throw refuse('OFFICER_ROUTE_UNKNOWN', 'There is no route at this path; GET /api/v1/openapi.json lists them.');
    if (match.kind === 'no-method') {
      req.resume();
      sendError(res, refuse('OFFICER_ROUTE_UNKNOWN', 'This route does not answer this method; see the Allow header.'), { Allow: match.allow.join(', ') }, 405);
      return;
    }
    const { route } = match;
    if (route.access.kind === 'undeclared') {
      context.log(`operation ${route.operationId} declares no x-trestle-access: refused`);
      throw refuse('OFFICER_ROLE_FORBIDDEN', 'This route declares who may call it nowhere, so nobody may; report it to the service operator.');
    }
    const sessionId = readCookie(req.headers.cookie, sessionCookieName(context.settings.secureCookies));
    let session: Session | undefined = sessionId === undefined ? undefined : context.sessions.use(sessionId);
    if (session !== undefined && sessionId !== undefined && !sameAccount(session.account, await context.accounts.find(session.account.username))) {
      context.sessions.destroy(sessionId);
      session = undefined;
    }
    if (route.access.kind === 'roles') {
      if (session === undefined) throw refuse('OFFICER_NOT_AUTHENTICATED', 'Log in first; the session is missing or has expired.');
      if (!route.access.roles.has(session.account.role)) throw refuse('OFFICER_ROLE_FORBIDDEN', 'Your role may not use this route.', { role: session.account.role, operation: route.operationId });
    }
    if (isStateChanging(route.method)) {
      if (!originAllowed(req.headers, pipeline.origins)) throw refuse('OFFICER_CSRF_REJECTED', 'The request comes from another site; use the console served by this service.');
      if (route.access.kind === 'roles' && !csrfTokenMatches(req.headers, session?.csrfToken ?? '')) {
        throw refuse('OFFICER_CSRF_REJECTED', "The X-CSRF-Token header is missing or wrong; send the session's token from login or GET /api/v1/session.");
      }
    }
    let body: unknown;
    if (route.body !== undefined) body = await readJsonBody(req);
    else if (hasBody(req)) throw unexpectedBody();
    const input = checkRequestInput(route, match.rawParameters, new URLSearchParams(queryAt === -1 ? '' : url.slice(queryAt + 1)), body, schemaResolver(context.spec));
    const handler = pipeline.handlers[route.operationId];
    if (handler === undefined) throw new Error(`no handler for ${route.operationId}`);
    sendReply(res, await handler({ input, session, sessionId, clientAddress: req.socket.remoteAddress ?? 'unknown' }, context));
  } catch (error) {
    // Read and drop what is left of the body, so the client can finish sending and read the answer.
    req.resume();
    if (isTrestleError(error)) {
      const wait = error.code === 'OFFICER_LOGIN_THROTTLED' ? error.details?.retryAfterSeconds : undefined;
      // An announced flood is answered, then the connection closes instead of reading the flood to its end.
      const closing: Record<string, string> = announcedFlood(req) ? { Connection: 'close' } : {};
      sendError(res, error, typeof wait === 'number' ? { 'Retry-After': String(wait), ...closing } : closing);
      return;
    }
    context.log(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    sendError(res, refuse('OFFICER_INTERNAL_ERROR', 'The service failed on this request; the operator can find it in the service log.'));
  }
}
