import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium, installed by scripts/ensure-chromium.cjs (npm test runs it before the integration suites). */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * Launches Debian's Chromium headless. No sandbox: the tests run as root in a container, where
 * Chromium's sandbox cannot start. Background networking off: the browser must talk to nothing
 * but the service under test.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing; run node scripts/ensure-chromium.cjs (it installs the Debian package "chromium")`);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
}
