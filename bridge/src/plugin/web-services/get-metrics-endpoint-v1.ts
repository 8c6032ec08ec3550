import type { Request, Response } from 'express';
import type { PluginTrestleBridge } from '../plugin-trestle-bridge';
import { BridgeEndpoint } from './bridge-endpoint';

/** GET .../metrics: Prometheus text exposition format 0.0.4. */
export class GetMetricsEndpointV1 extends BridgeEndpoint {
  protected readonly oasPath = '/api/v1/plugins/@trestle/bridge/metrics' as const;

  constructor(private readonly plugin: PluginTrestleBridge) {
    super();
  }

  protected async handle(_req: Request, res: Response): Promise<void> {
    res.status(200).type('text/plain; version=0.0.4; charset=utf-8').send(this.plugin.options.metrics.render());
  }
}
