import type { Request, Response } from 'express';
import type { PluginTrestleBridge } from '../plugin-trestle-bridge';
import { BridgeEndpoint } from './bridge-endpoint';

/** GET .../health: HealthV1, 200 when UP and 503 when DOWN (what load balancers read). */
export class GetHealthEndpointV1 extends BridgeEndpoint {
  protected readonly oasPath = '/api/v1/plugins/@trestle/bridge/health' as const;

  constructor(private readonly plugin: PluginTrestleBridge) {
    super();
  }

  protected async handle(_req: Request, res: Response): Promise<void> {
    const health = await this.plugin.health();
    res.status(health.status === 'UP' ? 200 : 503).json(health);
  }
}
