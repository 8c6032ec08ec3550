import type { Request, Response } from 'express';
import type { PluginTrestleBridge } from '../plugin-trestle-bridge';
import { BridgeEndpoint } from './bridge-endpoint';

/** GET .../pending: PendingV1. */
export class GetPendingEndpointV1 extends BridgeEndpoint {
  protected readonly oasPath = '/api/v1/plugins/@trestle/bridge/pending' as const;

  constructor(private readonly plugin: PluginTrestleBridge) {
    super();
  }

  protected async handle(_req: Request, res: Response): Promise<void> {
    res.status(200).json({ items: await this.plugin.pending() });
  }
}
