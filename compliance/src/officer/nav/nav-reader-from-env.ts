import { evmNavReader, type NavReader } from './nav-reader';

/** The two settings of the NAV view, both or neither. */
export const OFFICER_EVM_VARIABLES = ['OFFICER_EVM_RPC_URL', 'OFFICER_EVM_CHAIN_ID'] as const;

/**
 * The NAV reader `serve` wires in: undefined when neither variable is set (the NAV route then says
 * the service reads no EVM chain), an Error naming what is missing or wrong when only one is, or
 * when the URL is not http(s) or the chain id not a decimal number.
 */
export function navReaderFromEnv(env: NodeJS.ProcessEnv): NavReader | undefined {
  const [url, chainId] = OFFICER_EVM_VARIABLES.map((name) => env[name] ?? '');
  if (url === '' && chainId === '') return undefined;
  if (url === '' || chainId === '') throw new Error(`the NAV view is half configured: set both ${OFFICER_EVM_VARIABLES.join(' and ')}, or neither`);
  if (!/^https?:\/\/[^\s]+$/.test(url ?? '')) throw new Error('OFFICER_EVM_RPC_URL must be an http(s) URL, such as http://127.0.0.1:27545');
  if (!/^[1-9]\d{0,30}$/.test(chainId ?? '')) throw new Error('OFFICER_EVM_CHAIN_ID must be the chain id in decimal, such as 31337');
  return evmNavReader(url as string, chainId as string);
}
