import { PluginFactory, type IPluginFactoryOptions } from '@hyperledger/cactus-core-api';
import { PluginTrestleBridge, type IPluginTrestleBridgeOptions } from './plugin-trestle-bridge';

/** The Cactus factory of the bridge plugin. */
export class PluginFactoryTrestleBridge extends PluginFactory<PluginTrestleBridge, IPluginTrestleBridgeOptions, IPluginFactoryOptions> {
  async create(options: IPluginTrestleBridgeOptions): Promise<PluginTrestleBridge> {
    return new PluginTrestleBridge(options);
  }
}

/** What Cactus' plugin loader calls by convention. */
export async function createPluginFactory(options: IPluginFactoryOptions): Promise<PluginFactoryTrestleBridge> {
  return new PluginFactoryTrestleBridge(options);
}
