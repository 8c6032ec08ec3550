import type { Request, Response } from 'express';
import { BridgeError } from '../../validator/errors';
import type { PluginTrestleBridge } from '../plugin-trestle-bridge';
import { BridgeEndpoint } from './bridge-endpoint';

const UINT256_MAX = 2n ** 256n - 1n;

/** GET .../attestations/{nonce}: AttestationsV1, or 400 ErrorV1 for a nonce that is not a decimal uint256. */
export class GetAttestationsEndpointV1 extends BridgeEndpoint {
  protected readonly oasPath = '/api/v1/plugins/@trestle/bridge/attestations/{nonce}' as const;

  constructor(private readonly plugin: PluginTrestleBridge) {
    super();
  }

  protected async handle(req: Request, res: Response): Promise<void> {
    res.status(200).json(await this.plugin.attestations(parseNonce(req.params.nonce)));
  }
}

/** A nonce from the path: decimal digits only, at most 2^256 - 1. */
export function parseNonce(raw: string | undefined): bigint {
  if (raw !== undefined && /^[0-9]{1,78}$/.test(raw) && BigInt(raw) <= UINT256_MAX) return BigInt(raw);
  throw new BridgeError('BRIDGE_NONCE_MALFORMED', 'The nonce must be a decimal integer between 0 and 2^256 - 1.', { nonce: String(raw ?? '').slice(0, 100) });
}
