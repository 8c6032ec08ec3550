import type { Request, Response } from 'express';
import type { PluginTrestleBridge } from '../plugin-trestle-bridge';
import { BridgeEndpoint } from './bridge-endpoint';

/** GET .../status: StatusV1. */
export class GetStatusEndpointV1 extends BridgeEndpoint {
  protected readonly oasPath = '/api/v1/plugins/@trestle/bridge/status' as const;

  constructor(private readonly plugin: PluginTrestleBridge) {
    super();
  }

  protected async handle(_req: Request, res: Response): Promise<void> {
    res.status(200).json(await this.plugin.status());
  }
}
