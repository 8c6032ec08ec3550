import type { Browser, Page } from 'playwright-core';
import { PASSWORD } from '@trestle/compliance/src/officer/testing/officer-cast';

/**
 * A fresh browser context (its own cookies) on the console's entry page, collecting console errors
 * and CSP violations. `expectedStatuses`: refusals the test provokes on purpose in this page (a 400
 * to a form with a mistake, a 403 to a forged request), which Chromium logs as errors too.
 */
export async function openConsole(browser: Browser, url: string, errors: string[], expectedStatuses: readonly number[] = []): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on('console', (message) => {
    // Chromium logs every non-2xx fetch as an error; a 401 is how the console learns that nobody
    // is logged in (GET /session at start, a wrong password), so it is expected, not a fault.
    const status = /status of (\d{3}) /.exec(message.text())?.[1];
    if (message.type() === 'error' && !(status !== undefined && [401, ...expectedStatuses].includes(Number(status)))) errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${url}/`);
  return page;
}

/** Fills the login form and submits it. */
export async function submitLogin(page: Page, username: string, password = PASSWORD): Promise<void> {
  await page.getByTestId('username').fill(username);
  await page.getByTestId('password').fill(password);
  await page.getByTestId('login').click();
}

/** Milliseconds from navigation start to the load event, from the browser's Navigation Timing entry. */
export function pageLoadMs(page: Page): Promise<number> {
  return page.evaluate(() => {
    // Runs in the page; this file is type-checked with Node's lib, which lacks the DOM's navigation entry type.
    type NavigationEntry = { readonly startTime: number; readonly loadEventEnd: number };
    const [entry] = (performance as unknown as { getEntriesByType(type: 'navigation'): NavigationEntry[] }).getEntriesByType('navigation');
    return entry === undefined ? Number.NaN : entry.loadEventEnd - entry.startTime;
  });
}

/** Duration of the last performance measure called `name` (the console records `approve-round-trip`). */
export function measureMs(page: Page, name: string): Promise<number> {
  return page.evaluate((measure) => {
    const entries = performance.getEntriesByName(measure, 'measure');
    return entries.at(-1)?.duration ?? Number.NaN;
  }, name);
}

/** The status code of GET /api/v1/session from inside the page (its cookie, its origin). */
export function sessionStatus(page: Page): Promise<number> {
  return page.evaluate(async () => (await fetch('/api/v1/session')).status);
}
