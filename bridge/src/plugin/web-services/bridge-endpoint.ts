import type { IAsyncProvider } from '@hyperledger/cactus-common';
import type { IEndpointAuthzOptions, IExpressRequestHandler, IWebServiceEndpoint } from '@hyperledger/cactus-core-api';
import { registerWebServiceEndpoint } from '@hyperledger/cactus-core';
import type { Express, Request, Response } from 'express';
import { BridgeError } from '../../validator/errors';
import OAS from '../openapi.json';

type OasPath = keyof typeof OAS.paths;

/**
 * What the five read-only endpoints share: verb and path from the OpenAPI spec, registration
 * through the core's `registerWebServiceEndpoint`, and one error body (ErrorV1).
 */
export abstract class BridgeEndpoint implements IWebServiceEndpoint {
  protected abstract readonly oasPath: OasPath;

  /** Answers one request; a thrown BridgeError becomes its typed body. */
  protected abstract handle(req: Request, res: Response): Promise<void>;

  getPath(): string {
    return OAS.paths[this.oasPath].get['x-hyperledger-cactus'].http.path;
  }

  getVerbLowerCase(): string {
    return OAS.paths[this.oasPath].get['x-hyperledger-cactus'].http.verbLowerCase;
  }

  getOperationId(): string {
    return OAS.paths[this.oasPath].get.operationId;
  }

  /** Read-only views, served on loopback only: unprotected (see the host). */
  getAuthorizationOptionsProvider(): IAsyncProvider<IEndpointAuthzOptions> {
    return { get: async () => ({ isProtected: false, requiredRoles: [] }) };
  }

  async registerExpress(app: Express): Promise<IWebServiceEndpoint> {
    await registerWebServiceEndpoint(app, this);
    return this;
  }

  getExpressRequestHandler(): IExpressRequestHandler {
    return (req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        if (error instanceof BridgeError) {
          res.status(error.code === 'BRIDGE_NONCE_MALFORMED' ? 400 : 500).json(error.toJSON());
          return;
        }
        res.status(500).json({ name: 'Error', code: 'INTERNAL', message: 'The bridge could not answer; see the validator log.' });
      });
    };
  }
}
